import userFixture from '../../../../test/fixtures/google/user.json';
import type { GoogleGroup, GoogleUser } from './google-directory.types';
import { groupDisplayNames, toScimUser } from './google-resource-mapping';
import { byExternalId, missingFromGoogle, planGroups, planUsers, type StoredResource } from './google-sync-plan';
import { checkPlausible } from './google-sync-safety';

const user = (id: string, overrides: Partial<GoogleUser> = {}): GoogleUser => ({
  ...(userFixture as GoogleUser),
  id,
  primaryEmail: `${id}@example.com`,
  emails: [{ address: `${id}@example.com`, primary: true }],
  ...overrides,
});

const stored = (users: GoogleUser[]): StoredResource[] =>
  users.map((u) => ({ id: `row_${u.id}`, externalId: u.id, attributes: JSON.parse(JSON.stringify(toScimUser(u))) }));

const outline = (users: GoogleUser[]) => ({
  userIds: new Set(users.map((u) => u.id)),
  firstUsersPageEmpty: users.length === 0,
});

describe('toScimUser', () => {
  it('maps the documented Google user to a canonical SCIM user, leaving volatile fields out', () => {
    expect(toScimUser(userFixture as GoogleUser)).toEqual({
      schemas: [
        'urn:ietf:params:scim:schemas:core:2.0:User',
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      ],
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

describe('planUsers', () => {
  it('plans nothing for an unchanged page even when etag and lastLoginTime moved', () => {
    const users = [user('a'), user('b')];
    const moved = users.map((u) => ({ ...u, etag: 'new', lastLoginTime: 'now', thumbnailPhotoEtag: 'x' }));
    expect(planUsers(moved, stored(users))).toEqual({ create: [], update: [] });
  });

  it('plans creates and updates against stored rows by externalId', () => {
    const changes = planUsers([user('a', { suspended: true }), user('c')], stored([user('a')]));
    expect(changes.create.map((r) => r.externalId)).toEqual(['c']);
    expect(changes.update).toEqual([{ id: 'row_a', resource: expect.objectContaining({ active: false }) }]);
  });
});

describe('missingFromGoogle', () => {
  it('names the stored rows Google does not list, and those without an externalId', () => {
    const rows = [...stored([user('a'), user('b')]), { id: 'row_x', externalId: null, attributes: {} }];
    expect(missingFromGoogle(rows, new Set(['a', 'c']))).toEqual(['row_b', 'row_x']);
  });
});

describe('planGroups', () => {
  const group: GoogleGroup = { id: 'g', email: 'g@x.com', name: 'G' };
  const storedGroup = {
    id: 'row_g',
    externalId: 'g',
    attributes: {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      externalId: 'g',
      displayName: 'G',
      email: 'g@x.com',
    },
  };
  const view = (members: string[]) => ({
    names: groupDisplayNames([group]),
    members: new Map([['g', members]]),
    userIds: new Set(['a', 'b', 'c']),
  });
  const have = new Map([
    [
      'row_g',
      [
        { userId: 'row_a', externalId: 'a' },
        { userId: 'row_b', externalId: 'b' },
      ],
    ],
  ]);

  it('diffs memberships by Google user id, skipping members that are not listed users', () => {
    const changes = planGroups([group], view(['a', 'c', 'outsider']), byExternalId([storedGroup]), have);
    expect(changes).toEqual({
      create: [],
      update: [
        {
          id: 'row_g',
          resource: expect.anything(),
          attributesChanged: false,
          addMembers: ['c'],
          removeMembers: ['row_b'],
        },
      ],
    });
  });

  it('plans nothing for an unchanged group, and a create with its members for a new one', () => {
    expect(planGroups([group], view(['a', 'b']), byExternalId([storedGroup]), have)).toEqual({
      create: [],
      update: [],
    });
    expect(planGroups([group], view(['a', 'outsider']), new Map(), new Map())).toEqual({
      create: [{ resource: expect.objectContaining({ externalId: 'g', displayName: 'G' }), members: ['a'] }],
      update: [],
    });
  });
});

describe('checkPlausible', () => {
  const current = [user('a'), user('b'), user('c'), user('d'), user('e')];
  const deletes = (listed: GoogleUser[]) => missingFromGoogle(stored(current), outline(listed).userIds).length;

  it('refuses an empty first page while users are stored', () => {
    expect(() => checkPlausible(outline([]), 5, deletes([]), 1)).toThrow(
      expect.objectContaining({ code: 'google_empty_result' }),
    );
    expect(() => checkPlausible({ ...outline(current), firstUsersPageEmpty: true }, 5, 0, 1)).toThrow(
      expect.objectContaining({ code: 'google_empty_result' }),
    );
  });

  it('refuses deleting more than the allowed share, allows up to it', () => {
    const drop2 = current.slice(0, 3);
    expect(() => checkPlausible(outline(drop2), 5, deletes(drop2), 0.2)).toThrow(
      expect.objectContaining({ code: 'google_mass_deletion' }),
    );
    const drop1 = current.slice(0, 4);
    expect(() => checkPlausible(outline(drop1), 5, deletes(drop1), 0.2)).not.toThrow();
  });

  it('accepts an empty Google directory when nothing is stored yet', () => {
    expect(() => checkPlausible(outline([]), 0, 0, 0.2)).not.toThrow();
  });
});
