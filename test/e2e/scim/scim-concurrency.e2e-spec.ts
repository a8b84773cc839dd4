import { useTestContext } from '@roster/testing';
import { type ScimStack, startScimStack } from './scim-stack';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe('SCIM under concurrent requests', () => {
  const context = useTestContext();
  let stack: ScimStack;

  beforeAll(async () => {
    stack = await startScimStack(context);
  });

  it('50 concurrent PATCHes to one user: the final state is the last event applied', async () => {
    const directory = await stack.createDirectory();
    const user = await (await directory.scim('POST', '/Users', { userName: 'ada', title: 'start' })).json();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        directory.scim('PATCH', `/Users/${user.id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', path: 'title', value: `t${i % 7}` }],
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    const final = await (await directory.scim('GET', `/Users/${user.id}`)).json();
    const updates = (await stack.events(directory.id)).filter((event) => event.type === 'dsync.user.updated');
    expect(updates.at(-1)!.data.raw_attributes.title).toBe(final.title);
    // Each event's previous title is the title the one before it set: no interleaving.
    let title = 'start';
    for (const event of updates) {
      expect(event.previous_attributes.raw_attributes.title).toBe(title);
      title = event.data.raw_attributes.title;
    }
    expect(Number(final.meta.version.match(/\d+/)[0])).toBe(updates.length + 1);
  });

  it('concurrent creates with one userName: exactly one 201, the rest 409', async () => {
    const directory = await stack.createDirectory();
    const statuses = (
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          directory.scim('POST', '/Users', { userName: i % 2 ? 'Same@x.io' : 'same@X.io' }),
        ),
      )
    ).map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    expect((await stack.events(directory.id)).filter((event) => event.type === 'dsync.user.created')).toHaveLength(1);
  });

  it('50 concurrent membership PATCHes to one group: every user added exactly once, one event each', async () => {
    const directory = await stack.createDirectory();
    const ids: string[] = [];
    for (let i = 0; i < 25; i += 1)
      ids.push((await (await directory.scim('POST', '/Users', { userName: `u${i}` })).json()).id);
    const group = await (await directory.scim('POST', '/Groups', { displayName: 'G' })).json();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        directory.scim('PATCH', `/Groups/${group.id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'add', path: 'members', value: [{ value: ids[i % 25] }, { value: ids[(i + 1) % 25] }] }],
        }),
      ),
    );
    expect(responses.every((response) => response.status === 204)).toBe(true);
    const added = (await stack.events(directory.id)).filter((event) => event.type === 'dsync.group.user_added');
    expect(added.map((event) => event.data.user.id).sort()).toEqual([...ids].sort());
    const members = (await (await directory.scim('GET', `/Groups/${group.id}`)).json()).members;
    expect(members).toHaveLength(25);
  });
});
