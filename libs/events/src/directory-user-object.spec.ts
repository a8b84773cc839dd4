import { readDirectoryMappings } from './directory-mappings';
import { toDirectoryUserObject } from './directory-user-object';
import { previousAttributes } from './previous-attributes';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const record = {
  id: 'directory_user_01',
  directoryId: 'directory_01',
  tenantId: 'tenant_01',
  externalId: '00u1',
  userName: 'ada@acme.com',
  state: 'active',
  displayName: 'Ada Lovelace',
  givenName: 'Ada',
  familyName: 'Lovelace',
  attributes: {
    userName: 'ada@acme.com',
    emails: [
      { value: 'ada@home.example', type: 'home' },
      { value: 'ada@acme.com', type: 'work', primary: true },
    ],
    [ENTERPRISE]: { department: 'R&D' },
  },
  createdAt: new Date('2026-11-22T10:00:00Z'),
  updatedAt: new Date('2026-11-22T11:00:00Z'),
};

const groups = [
  { id: 'directory_group_01', name: 'Engineering' },
  { id: 'directory_group_02', name: 'Admins' },
];

const mappings = readDirectoryMappings({
  attributeMapping: { [`${ENTERPRISE}:department`]: 'department', title: 'job_title' },
  roleMapping: { engineering: 'member', directory_group_02: ['admin', 'member'], ignored: 42 },
});

describe('toDirectoryUserObject', () => {
  const user = toDirectoryUserObject(record, groups, mappings);

  it('has the CONTRACT section 5 shape', () => {
    expect(user).toMatchObject({
      object: 'directory_user',
      id: 'directory_user_01',
      idp_id: '00u1',
      username: 'ada@acme.com',
      email: 'ada@acme.com',
      first_name: 'Ada',
      last_name: 'Lovelace',
      display_name: 'Ada Lovelace',
      state: 'active',
      groups,
      created_at: '2026-11-22T10:00:00.000Z',
    });
    expect(user.emails).toEqual([
      { value: 'ada@home.example', type: 'home', primary: false },
      { value: 'ada@acme.com', type: 'work', primary: true },
    ]);
    expect(user.raw_attributes).toBe(record.attributes);
  });

  it('maps roles from group ids or names (case-insensitive), without duplicates', () => {
    expect(user.roles).toEqual([{ slug: 'member' }, { slug: 'admin' }]);
  });

  it('maps custom attributes from SCIM paths, null when the user lacks them', () => {
    expect(user.custom_attributes).toEqual({ department: 'R&D', job_title: null });
  });

  it('falls back to the first email, then to null', () => {
    const noPrimary = toDirectoryUserObject({ ...record, attributes: { emails: [{ value: 'a@x.io' }] } }, [], mappings);
    expect(noPrimary.email).toBe('a@x.io');
    expect(toDirectoryUserObject({ ...record, attributes: {} }, [], mappings).email).toBeNull();
  });
});

describe('previousAttributes', () => {
  const before = toDirectoryUserObject(record, groups, mappings);

  it('is empty when only bookkeeping changed', () => {
    const after = toDirectoryUserObject({ ...record, updatedAt: new Date() }, groups, mappings);
    expect(previousAttributes(before, after)).toEqual({});
  });

  it('holds the old values of changed fields, and only changed keys of raw/custom attributes', () => {
    const after = toDirectoryUserObject(
      { ...record, state: 'inactive', attributes: { ...record.attributes, [ENTERPRISE]: { department: 'Ops' } } },
      groups,
      mappings,
    );
    expect(previousAttributes(before, after)).toEqual({
      state: 'active',
      raw_attributes: { [ENTERPRISE]: { department: 'R&D' } },
      custom_attributes: { department: 'R&D' },
    });
  });
});
