import { useTestContext } from '@roster/testing';
import { type ScimDirectory, type ScimStack, startScimStack } from './scim-stack';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe('SCIM /Groups, membership and dialects', () => {
  const context = useTestContext();
  let stack: ScimStack;

  beforeAll(async () => {
    stack = await startScimStack(context);
  });

  async function createUsers(directory: ScimDirectory, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const response = await directory.scim('POST', '/Users', {
        userName: `user${i}@acme.com`,
        name: { givenName: `U${i}` },
      });
      ids.push((await response.json()).id);
    }
    return ids;
  }

  const types = async (directory: ScimDirectory) => (await stack.events(directory.id)).map((event) => event.type);

  it('creates a group with members, adds and removes set-wise with one event per effective change', async () => {
    const directory = await stack.createDirectory({ provider: 'okta' });
    const [a, b, c] = await createUsers(directory, 3);
    const created = await directory.scim('POST', '/Groups', {
      displayName: 'Eng',
      members: [{ value: a }, { value: b }],
    });
    expect(created.status).toBe(201);
    const group = await created.json();
    expect(group.members.map((member: { value: string }) => member.value).sort()).toEqual([a, b].sort());

    // Okta re-sends the name with the membership change; a duplicate add is no change.
    const okta = await directory.scim('PATCH', `/Groups/${group.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', value: { id: group.id, displayName: 'Eng' } },
        { op: 'add', path: 'members', value: [{ value: c }, { value: a }] },
      ],
    });
    expect(okta.status).toBe(204);
    // Entra: capitalized op, members removed by value array.
    const entra = await directory.scim('PATCH', `/Groups/${group.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: b }] }],
    });
    expect(entra.status).toBe(204);
    // A filtered remove of someone who is not a member changes nothing.
    await directory.scim('PATCH', `/Groups/${group.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: `members[value eq "${b}"]` }],
    });
    const read = await (await directory.scim('GET', `/Groups/${group.id}`)).json();
    expect(read.members.map((member: { value: string }) => member.value).sort()).toEqual([a, c].sort());
    const slim = await (
      await directory.scim('GET', `/Groups?excludedAttributes=members&filter=displayName eq "eng"`)
    ).json();
    expect(slim.totalResults).toBe(1);
    expect(slim.Resources[0].members).toBeUndefined();

    expect((await types(directory)).slice(4)).toEqual([
      'dsync.group.created',
      'dsync.group.user_added',
      'dsync.group.user_added',
      'dsync.group.user_added',
      'dsync.group.user_removed',
    ]);
    const user = await (await directory.scim('GET', `/Users/${a}`)).json();
    expect(user.groups).toEqual([expect.objectContaining({ value: group.id, display: 'Eng' })]);
  });

  it('deletes a group: user_removed for each member, then group.deleted; PUT replaces members', async () => {
    const directory = await stack.createDirectory();
    const [a, b, c] = await createUsers(directory, 3);
    const group = await (
      await directory.scim('POST', '/Groups', { displayName: 'Ops', members: [{ value: a }, { value: b }] })
    ).json();
    const put = await directory.scim('PUT', `/Groups/${group.id}`, {
      displayName: 'Operations',
      members: [{ value: b }, { value: c }],
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ displayName: 'Operations', meta: { version: 'W/"2"' } });
    await directory.scim('DELETE', `/Groups/${group.id}`);
    expect((await types(directory)).slice(4)).toEqual([
      'dsync.group.created',
      'dsync.group.user_added',
      'dsync.group.user_added',
      'dsync.group.updated',
      'dsync.group.user_removed',
      'dsync.group.user_added',
      'dsync.group.user_removed',
      'dsync.group.user_removed',
      'dsync.group.deleted',
    ]);
    expect((await directory.scim('GET', `/Groups/${group.id}`)).status).toBe(404);
  });

  it('rejects a member that is not a user of this directory, and changes nothing', async () => {
    const directory = await stack.createDirectory();
    const group = await (await directory.scim('POST', '/Groups', { displayName: 'X' })).json();
    const response = await directory.scim('PATCH', `/Groups/${group.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'displayName', value: 'Y' },
        { op: 'add', path: 'members', value: [{ value: 'directory_user_00000000000000000000000000' }] },
      ],
    });
    expect(response.status).toBe(400);
    expect((await response.json()).scimType).toBe('invalidValue');
    expect((await (await directory.scim('GET', `/Groups/${group.id}`)).json()).displayName).toBe('X');
  });

  it('deprovisions Entra-style (PATCH active "False") in deactivate mode as user.updated with state inactive', async () => {
    const directory = await stack.createDirectory({ provider: 'entra', deprovisioning: 'deactivate' });
    const [user] = await createUsers(directory, 1);
    const response = await directory.scim('PATCH', `/Users/${user}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(response.status).toBe(200);
    const events = await stack.events(directory.id);
    expect(events.at(-1)).toMatchObject({
      type: 'dsync.user.updated',
      data: { state: 'inactive' },
      previous_attributes: { state: 'active' },
    });
  });

  it('runs /Bulk with bulkId references and failOnErrors', async () => {
    const directory = await stack.createDirectory();
    const response = await directory.scim('POST', '/Bulk', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      failOnErrors: 1,
      Operations: [
        { method: 'POST', path: '/Users', bulkId: 'u1', data: { userName: 'bulk1' } },
        {
          method: 'POST',
          path: '/Groups',
          bulkId: 'g1',
          data: { displayName: 'G', members: [{ value: 'bulkId:u1' }] },
        },
        { method: 'POST', path: '/Users', bulkId: 'dup', data: { userName: 'BULK1' } },
        { method: 'DELETE', path: '/Users/bulkId:u1' },
      ],
    });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.Operations.map((operation: { status: string }) => operation.status)).toEqual(['201', '201', '409']);
    expect(result.Operations[0].location).toMatch(/\/Users\/directory_user_/);
    expect(result.Operations[2].response.scimType).toBe('uniqueness');
  });

  it('searches with POST /.search and /Users/.search, sorts and pages', async () => {
    const directory = await stack.createDirectory();
    await createUsers(directory, 3);
    await directory.scim('POST', '/Groups', { displayName: 'user-like' });
    const search = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
      sortBy: 'userName',
      sortOrder: 'descending',
      count: 2,
    };
    const users = await (
      await directory.scim('POST', '/Users/.search', { ...search, filter: 'userName sw "user"' })
    ).json();
    expect(users).toMatchObject({ totalResults: 3, itemsPerPage: 2 });
    expect(users.Resources.map((user: { userName: string }) => user.userName)).toEqual([
      'user2@acme.com',
      'user1@acme.com',
    ]);
    const all = await (
      await directory.scim('POST', '/.search', { startIndex: 3, count: 10, attributes: ['id'] })
    ).json();
    expect(all.totalResults).toBe(4);
    expect(all.Resources).toHaveLength(2);
    expect(Object.keys(all.Resources[1]).sort()).toEqual(['id', 'schemas']);
    const countOnly = await (await directory.scim('GET', '/Users?count=0')).json();
    expect(countOnly).toMatchObject({ totalResults: 3, Resources: [] });
  });

  it('describes itself truthfully', async () => {
    const directory = await stack.createDirectory();
    const config = await (await directory.scim('GET', '/ServiceProviderConfig')).json();
    expect(config).toMatchObject({
      patch: { supported: true },
      bulk: { supported: true, maxOperations: 1000 },
      etag: { supported: true },
    });
    const types = await (await directory.scim('GET', '/ResourceTypes')).json();
    expect(types.Resources.map((type: { id: string }) => type.id)).toEqual(['User', 'Group']);
    const schema = await directory.scim('GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User');
    expect((await schema.json()).attributes.some((attribute: { name: string }) => attribute.name === 'userName')).toBe(
      true,
    );
    expect((await directory.scim('GET', '/Schemas/urn:nope')).status).toBe(404);
  });

  it('answers 429 with Retry-After beyond the per-directory rate limit', async () => {
    const limited = await startScimStack(context, { ROSTER_SCIM_RATE_LIMIT: '2' });
    const directory = await limited.createDirectory();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i += 1) {
      const response = await directory.scim('GET', '/Users?count=0');
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
