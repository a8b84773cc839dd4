import { useTestContext } from '@roster/testing';
import { BOOTSTRAP_KEY, startScimStack } from './scim-stack';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('role and attribute mapping changes', () => {
  const context = useTestContext();

  it('emit dsync.user.updated for the users whose roles or custom attributes change, and nothing for a no-op', async () => {
    const stack = await startScimStack(context);
    const directory = await stack.createDirectory();
    const ada = await (
      await directory.scim('POST', '/Users', { userName: 'ada', [ENTERPRISE]: { department: 'R&D' } })
    ).json();
    await directory.scim('POST', '/Users', { userName: 'bob' });
    await directory.scim('POST', '/Groups', { displayName: 'Eng', members: [{ value: ada.id }] });
    const patchDirectory = (body: unknown) =>
      stack.admin.request('PATCH', `/v1/directories/${directory.id}`, { token: BOOTSTRAP_KEY, body });
    const before = (await stack.events(directory.id)).length;

    expect((await patchDirectory({ role_mapping: { eng: 'engineer' } })).status).toBe(200);
    const roleEvents = (await stack.events(directory.id)).slice(before);
    expect(roleEvents).toEqual([
      expect.objectContaining({
        type: 'dsync.user.updated',
        data: expect.objectContaining({ id: ada.id, roles: [{ slug: 'engineer' }] }),
        previous_attributes: { roles: [] },
      }),
    ]);

    await patchDirectory({ role_mapping: { eng: 'engineer' } });
    expect((await stack.events(directory.id)).length).toBe(before + 1);

    await patchDirectory({ attribute_mapping: { [`${ENTERPRISE}:department`]: 'department' } });
    const attributeEvents = (await stack.events(directory.id)).slice(before + 1);
    expect(attributeEvents.map((event) => [event.data.username, event.data.custom_attributes])).toEqual([
      ['ada', { department: 'R&D' }],
      ['bob', { department: null }],
    ]);
  });
});
