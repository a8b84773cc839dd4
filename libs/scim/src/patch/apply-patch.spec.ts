import { USER_RESOURCE_TYPE } from '../schema/resource-types';
import { applyPatch } from './apply-patch';
import type { ApplyPatchOptions } from './patch-operation';
import { bjensen, body, ENTERPRISE, minimalUser } from './patch-fixtures';

function patch(resource: Record<string, unknown>, operations: unknown[], options?: ApplyPatchOptions) {
  return applyPatch(resource, body(...operations), USER_RESOURCE_TYPE, options);
}

describe('applyPatch: RFC 7644 §3.5.2.1 add', () => {
  it('adds attributes from a path-less value, appending to multi-valued ones and fixing name casing', () => {
    const { resource, changedAttributes } = patch(bjensen(), [
      { op: 'add', value: { emails: [{ value: 'babs@example.org', type: 'other' }], nickname: 'Babs' } },
    ]);
    expect(resource.emails).toEqual([
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
      { value: 'babs@example.org', type: 'other' },
    ]);
    expect(resource.nickName).toBe('Babs');
    expect(resource).not.toHaveProperty('nickname');
    expect(changedAttributes.sort()).toEqual(['emails', 'nickName']);
  });

  it('does not duplicate identical values', () => {
    const { resource, changedAttributes } = patch(bjensen(), [
      { op: 'add', path: 'emails', value: [{ value: 'babs@jensen.org', type: 'home' }] },
    ]);
    expect(resource.emails).toEqual(bjensen().emails);
    expect(changedAttributes).toEqual([]);
  });

  it('treats a value differing only in a sub-attribute as new', () => {
    const { resource } = patch(bjensen(), [{ op: 'add', path: 'emails', value: [{ value: 'babs@jensen.org', type: 'work' }] }]);
    expect(resource.emails).toHaveLength(3);
  });

  it('makes a newly added primary value the only primary one', () => {
    const { resource } = patch(bjensen(), [
      { op: 'add', path: 'emails', value: [{ value: 'new@example.com', type: 'work', primary: true }] },
    ]);
    expect(resource.emails).toEqual([
      { value: 'bjensen@example.com', type: 'work', primary: false },
      { value: 'babs@jensen.org', type: 'home' },
      { value: 'new@example.com', type: 'work', primary: true },
    ]);
  });

  it.each([
    ['a singular attribute', { op: 'add', path: 'title', value: 'Tour Guide' }, { title: 'Tour Guide' }],
    ['a singular attribute that has a value (replaces it)', { op: 'add', path: 'userName', value: 'b' }, { userName: 'b' }],
    ['a sub-attribute', { op: 'add', path: 'name.middleName', value: 'Jane' }, { name: { middleName: 'Jane' } }],
    ['a complex attribute (merged)', { op: 'add', path: 'name', value: { givenName: 'Jo' } }, { name: { givenName: 'Jo' } }],
    ['a boolean', { op: 'add', path: 'active', value: false }, { active: false }],
  ])('adds %s', (_name, operation, expected) => {
    expect(patch(minimalUser(), [operation]).resource).toMatchObject(expected);
  });

  it('creates the element a filtered add names when none matches', () => {
    const { resource } = patch(minimalUser(), [
      { op: 'add', path: 'emails[type eq "work"].value', value: 'js@example.com' },
      { op: 'add', path: 'phoneNumbers[type eq "mobile" and primary eq true]', value: { value: '555' } },
    ]);
    expect(resource.emails).toEqual([{ type: 'work', value: 'js@example.com' }]);
    expect(resource.phoneNumbers).toEqual([{ type: 'mobile', primary: true, value: '555' }]);
  });

  it('sets the sub-attribute of every matching element on a filtered add', () => {
    const { resource } = patch(bjensen(), [{ op: 'add', path: 'emails[type eq "work"].display', value: 'Work' }]);
    expect(resource.emails).toEqual([
      { value: 'bjensen@example.com', type: 'work', primary: true, display: 'Work' },
      { value: 'babs@jensen.org', type: 'home' },
    ]);
  });
});

describe('applyPatch: RFC 7644 §3.5.2.2 remove', () => {
  it('removes the elements a filter selects', () => {
    const { resource, changedAttributes } = patch(bjensen(), [
      { op: 'remove', path: 'emails[type eq "work" and value ew "example.com"]' },
    ]);
    expect(resource.emails).toEqual([{ value: 'babs@jensen.org', type: 'home' }]);
    expect(changedAttributes).toEqual(['emails']);
  });

  it('unassigns a multi-valued attribute left empty', () => {
    const { resource } = patch(bjensen(), [{ op: 'remove', path: 'phoneNumbers[type pr]' }]);
    expect(resource).not.toHaveProperty('phoneNumbers');
  });

  it.each([
    ['a whole multi-valued attribute', 'emails', (r: Record<string, unknown>) => expect(r).not.toHaveProperty('emails')],
    ['a singular attribute', 'displayName', (r: Record<string, unknown>) => expect(r).not.toHaveProperty('displayName')],
    ['a sub-attribute', 'name.givenName', (r: Record<string, unknown>) => expect(r.name).toEqual({ formatted: 'Ms. Barbara J Jensen, III', familyName: 'Jensen' })],
    [
      'a sub-attribute of matching elements',
      'addresses[type eq "work"].streetAddress',
      (r: Record<string, unknown>) => expect((r.addresses as unknown[])[0]).not.toHaveProperty('streetAddress'),
    ],
    [
      'a sub-attribute of every element',
      'emails.primary',
      (r: Record<string, unknown>) => expect(r.emails).toEqual([{ value: 'bjensen@example.com', type: 'work' }, { value: 'babs@jensen.org', type: 'home' }]),
    ],
    ['an enterprise attribute', `${ENTERPRISE}:department`, (r: Record<string, unknown>) => expect(r[ENTERPRISE]).not.toHaveProperty('department')],
    ['a whole extension', ENTERPRISE, (r: Record<string, unknown>) => expect(r).not.toHaveProperty(ENTERPRISE)],
  ])('removes %s', (_name, path, check) => {
    check(patch(bjensen(), [{ op: 'remove', path }]).resource);
  });

  it('is a no-op for absent values and unmatched filters', () => {
    const { resource, changedAttributes } = patch(bjensen(), [
      { op: 'remove', path: 'title' },
      { op: 'remove', path: 'emails[type eq "other"]' },
      { op: 'remove', path: 'ims[type eq "xmpp"]' },
    ]);
    expect(resource).toEqual(bjensen());
    expect(changedAttributes).toEqual([]);
  });

  it('drops an extension object that becomes empty', () => {
    const start = { ...minimalUser(), [ENTERPRISE]: { department: 'Ops' } };
    const { resource, changedAttributes } = patch(start, [{ op: 'remove', path: `${ENTERPRISE}:department` }]);
    expect(resource).toEqual(minimalUser());
    expect(changedAttributes).toEqual([ENTERPRISE]);
  });
});

describe('applyPatch: RFC 7644 §3.5.2.3 replace', () => {
  it('replaces matching elements wholesale', () => {
    const address = {
      type: 'work',
      streetAddress: '911 Universal City Plaza',
      locality: 'Hollywood',
      region: 'CA',
      postalCode: '91608',
      country: 'US',
      formatted: '911 Universal City Plaza\nHollywood, CA 91608 US',
      primary: true,
    };
    const { resource } = patch(bjensen(), [{ op: 'replace', path: 'addresses[type eq "work"]', value: address }]);
    expect(resource.addresses).toEqual([address, (bjensen().addresses as unknown[])[1]]);
  });

  it('replaces the sub-attribute of matching elements', () => {
    const { resource } = patch(bjensen(), [
      { op: 'replace', path: 'addresses[type eq "work"].streetAddress', value: '1010 Broadway Ave' },
    ]);
    expect((resource.addresses as Record<string, unknown>[])[0]?.streetAddress).toBe('1010 Broadway Ave');
    expect((resource.addresses as Record<string, unknown>[])[1]?.streetAddress).toBe('456 Hollywood Blvd');
  });

  it('replaces multi-valued attributes wholesale from a path-less value', () => {
    const emails = [
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
    ];
    const { resource } = patch({ ...bjensen(), emails: [{ value: 'old@x.com' }] }, [
      { op: 'replace', value: { emails, nickname: 'Babs' } },
    ]);
    expect(resource.emails).toEqual(emails);
    expect(resource.nickName).toBe('Babs');
  });

  it('merges a singular complex value, null unassigning a sub-attribute', () => {
    const { resource } = patch(bjensen(), [{ op: 'replace', path: 'name', value: { givenName: 'Babs', formatted: null } }]);
    expect(resource.name).toEqual({ familyName: 'Jensen', givenName: 'Babs' });
  });

  it('unassigns with null or an empty array', () => {
    const { resource } = patch(bjensen(), [
      { op: 'replace', path: 'displayName', value: null },
      { op: 'replace', path: 'emails', value: [] },
    ]);
    expect(resource).not.toHaveProperty('displayName');
    expect(resource).not.toHaveProperty('emails');
  });

  it('moves primary to the element a filtered replace marks primary', () => {
    const { resource } = patch(bjensen(), [{ op: 'replace', path: 'emails[type eq "home"].primary', value: true }]);
    expect(resource.emails).toEqual([
      { value: 'bjensen@example.com', type: 'work', primary: false },
      { value: 'babs@jensen.org', type: 'home', primary: true },
    ]);
  });

  it('adds instead of failing on an unmatched filter when the IdP layer asks', () => {
    const operation = { op: 'replace', path: 'phoneNumbers[type eq "fax"].value', value: '555-1' };
    const { resource } = patch(bjensen(), [operation], { replaceUnmatchedFilterAsAdd: true });
    expect((resource.phoneNumbers as unknown[])[2]).toEqual({ type: 'fax', value: '555-1' });
  });
});

describe('applyPatch: results', () => {
  it('never modifies its input, nor aliases the body', () => {
    const input = bjensen();
    const request = body({ op: 'add', path: 'emails', value: [{ value: 'n@x.com' }] });
    const { resource } = applyPatch(input, request, USER_RESOURCE_TYPE);
    expect(input).toEqual(bjensen());
    ((resource.emails as unknown[])[2] as Record<string, unknown>).value = 'changed';
    expect(request).toEqual(body({ op: 'add', path: 'emails', value: [{ value: 'n@x.com' }] }));
  });

  it('reports nothing for a patch that changes nothing', () => {
    const { changedAttributes } = patch(bjensen(), [
      { op: 'replace', path: 'userName', value: 'bjensen@example.com' },
      { op: 'replace', value: { active: true, name: { givenName: 'Barbara' } } },
    ]);
    expect(changedAttributes).toEqual([]);
  });

  it('accepts an empty operation list and a missing schemas member', () => {
    expect(applyPatch(bjensen(), { Operations: [] }, USER_RESOURCE_TYPE)).toEqual({
      resource: bjensen(),
      changedAttributes: [],
    });
  });
});
