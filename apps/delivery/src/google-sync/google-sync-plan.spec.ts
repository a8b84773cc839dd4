import userFixture from '../../../../test/fixtures/google/user.json';
import type { GoogleDirectorySnapshot, GoogleUser } from './google-directory.types';
import { groupDisplayNames, toScimUser } from './google-resource-mapping';
import { type CurrentDirectoryState, planSync } from './google-sync-plan';
import { checkPlausible } from './google-sync-safety';

const user = (id: string, overrides: Partial<GoogleUser> = {}): GoogleUser => ({
  ...(userFixture as GoogleUser),
  id,
  primaryEmail: `${id}@example.com`,
  emails: [{ address: `${id}@example.com`, primary: true }],
  ...overrides,
});

const snapshot = (users: GoogleUser[], extra: Partial<GoogleDirectorySnapshot> = {}): GoogleDirectorySnapshot => ({
  users,
  groups: [],
  members: new Map(),
  firstUsersPageEmpty: users.length === 0,
  ...extra,
});

const stored = (users: GoogleUser[]): CurrentDirectoryState => ({
  users: users.map((u) => ({ id: `row_${u.id}`, externalId: u.id, attributes: JSON.parse(JSON.stringify(toScimUser(u))) })),
  groups: [],
  memberships: new Map(),
});

describe('toScimUser', () => {
  it('maps the documented Google user to a canonical SCIM user, leaving volatile fields out', () => {
    expect(toScimUser(userFixture as GoogleUser)).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      externalId: '100000000000000000001',
      userName: 'liz@example.com',
      name: { givenName: 'Elizabeth', familyName: 'Smith', formatted: 'Elizabeth Smith' },
      displayName: 'Elizabeth Smith',
      title: 'Engineer',
      emails: [
        { value: 'liz@example.com', type: 'work', primary: true },
        { value: 'liz@example.org', type: 'work' },
        { value: 'liz@test.example.com', type: 'other' },
      ],
      phoneNumbers: [{ value: '+1 206 555 0100', type: 'work' }],
      active: true,
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
        department: 'R&D',
        organization: 'Example Corp',
        costCenter: 'CC-7',
        employeeNumber: 'E1001',
        manager: { value: 'boss@example.com' },
      },
    });
  });

  it('maps suspended and archived users to active: false', () => {
    expect(toScimUser(user('a', { suspended: true })).active).toBe(false);
    expect(toScimUser(user('a', { archived: true })).active).toBe(false);
  });
});

describe('groupDisplayNames', () => {
  it('keeps unique names and disambiguates names Google lets two groups share', () => {
    const names = groupDisplayNames([
      { id: '1', email: 'eng@x.com', name: 'Eng' },
      { id: '2', email: 'eng2@x.com', name: 'eng' },
      { id: '3', email: 'ops@x.com', name: 'Ops' },
    ]);
    expect([...names.values()]).toEqual(['Eng (eng@x.com)', 'eng (eng2@x.com)', 'Ops']);
  });
});

describe('planSync', () => {
  it('plans nothing for an unchanged directory even when etag and lastLoginTime moved', () => {
    const users = [user('a'), user('b')];
    const moved = users.map((u) => ({ ...u, etag: 'new', lastLoginTime: 'now', thumbnailPhotoEtag: 'x' }));
    const plan = planSync(snapshot(moved), stored(users));
    expect(plan).toEqual({ users: { create: [], update: [], delete: [] }, groups: { create: [], update: [], delete: [] } });
  });

  it('plans creates, updates and deletes against stored rows by externalId', () => {
    const plan = planSync(snapshot([user('a', { suspended: true }), user('c')]), stored([user('a'), user('b')]));
    expect(plan.users.create.map((r) => r.externalId)).toEqual(['c']);
    expect(plan.users.update).toEqual([{ id: 'row_a', resource: expect.objectContaining({ active: false }) }]);
    expect(plan.users.delete).toEqual(['row_b']);
  });

  it('diffs memberships by Google user id, skipping nested groups and unknown members', () => {
    const users = [user('a'), user('b'), user('c')];
    const current: CurrentDirectoryState = {
      ...stored(users),
      groups: [{ id: 'row_g', externalId: 'g', attributes: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], externalId: 'g', displayName: 'G', email: 'g@x.com' } }],
      memberships: new Map([['row_g', ['row_a', 'row_b']]]),
    };
    const members = new Map([
      ['g', [{ id: 'a', type: 'USER' }, { id: 'c', type: 'USER' }, { id: 'g2', type: 'GROUP' }, { id: 'outsider', type: 'USER' }]],
    ]);
    const plan = planSync(snapshot(users, { groups: [{ id: 'g', email: 'g@x.com', name: 'G' }], members }), current);
    expect(plan.groups.update).toEqual([
      { id: 'row_g', resource: expect.anything(), attributesChanged: false, addMembers: ['c'], removeMembers: ['row_b'] },
    ]);
  });
});

describe('checkPlausible', () => {
  const current = [user('a'), user('b'), user('c'), user('d'), user('e')];

  it('refuses an empty first page while users are stored', () => {
    const google = snapshot([]);
    expect(() => checkPlausible(google, 5, planSync(google, stored(current)), 1)).toThrow(
      expect.objectContaining({ code: 'google_empty_result' }),
    );
  });

  it('refuses deleting more than the allowed share, allows up to it', () => {
    const drop2 = snapshot(current.slice(0, 3));
    expect(() => checkPlausible(drop2, 5, planSync(drop2, stored(current)), 0.2)).toThrow(
      expect.objectContaining({ code: 'google_mass_deletion' }),
    );
    const drop1 = snapshot(current.slice(0, 4));
    expect(() => checkPlausible(drop1, 5, planSync(drop1, stored(current)), 0.2)).not.toThrow();
  });

  it('accepts an empty Google directory when nothing is stored yet', () => {
    expect(() => checkPlausible(snapshot([]), 0, planSync(snapshot([]), stored([])), 0.2)).not.toThrow();
  });
});
