import { groupChangeEvents, userChangeEvents } from './directory-change-events';
import { toDirectoryGroupObject } from './directory-group-object';
import { NO_MAPPINGS } from './directory-mappings';
import { toDirectoryUserObject } from './directory-user-object';

const scope = { tenantId: 'tenant_1', directoryId: 'directory_1' };
const at = new Date('2026-11-22T10:00:00Z');
const group = toDirectoryGroupObject({
  id: 'directory_group_1',
  directoryId: 'directory_1',
  tenantId: 'tenant_1',
  externalId: null,
  displayName: 'Eng',
  attributes: {},
  createdAt: at,
  updatedAt: at,
});
const user = (changes: { state?: string; displayName?: string } = {}) =>
  toDirectoryUserObject(
    {
      id: 'directory_user_1',
      directoryId: 'directory_1',
      tenantId: 'tenant_1',
      externalId: null,
      userName: 'ada',
      state: 'active',
      displayName: 'Ada',
      givenName: null,
      familyName: null,
      attributes: {},
      createdAt: at,
      updatedAt: at,
      ...changes,
    },
    [{ id: group.id, name: group.name }],
    NO_MAPPINGS,
  );
const types = (events: { type: string }[]) => events.map((event) => event.type);

describe('userChangeEvents', () => {
  it('creates, and rejoins the groups the user still has', () => {
    expect(types(userChangeEvents(scope, { before: null, after: user() }, [group]))).toEqual([
      'dsync.user.created',
      'dsync.group.user_added',
    ]);
  });

  it('removes memberships before deleting', () => {
    const events = userChangeEvents(scope, { before: user(), after: null }, [group]);
    expect(types(events)).toEqual(['dsync.group.user_removed', 'dsync.user.deleted']);
    expect(events[0]?.data).toEqual({ directory_id: 'directory_1', user: user(), group });
  });

  it('updates with previous_attributes, and emits nothing for a no-op', () => {
    const events = userChangeEvents(scope, { before: user(), after: user({ state: 'inactive' }) }, [group]);
    expect(events).toEqual([
      expect.objectContaining({ type: 'dsync.user.updated', previousAttributes: { state: 'active' } }),
    ]);
    expect(userChangeEvents(scope, { before: user(), after: user() }, [group])).toEqual([]);
    expect(userChangeEvents(scope, { before: null, after: null }, [group])).toEqual([]);
  });
});

describe('groupChangeEvents', () => {
  it('creates, updates and deletes', () => {
    const renamed = { ...group, name: 'Engineering' };
    expect(types(groupChangeEvents(scope, { before: null, after: group }))).toEqual(['dsync.group.created']);
    expect(groupChangeEvents(scope, { before: group, after: renamed })).toEqual([
      expect.objectContaining({ type: 'dsync.group.updated', data: renamed, previousAttributes: { name: 'Eng' } }),
    ]);
    expect(groupChangeEvents(scope, { before: group, after: group })).toEqual([]);
    expect(types(groupChangeEvents(scope, { before: group, after: null }))).toEqual(['dsync.group.deleted']);
  });
});
