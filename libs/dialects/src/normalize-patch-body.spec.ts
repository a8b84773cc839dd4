import { applyGroupPatch, applyPatch, ScimError, USER_RESOURCE_TYPE } from '@roster/scim';
import { normalizePatchBody } from './normalize-patch-body';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const patchOp = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });
const user = (...operations: unknown[]) => normalizePatchBody(patchOp(...operations), 'User').Operations;
const group = (...operations: unknown[]) => normalizePatchBody(patchOp(...operations), 'Group').Operations;

// Operations as idp-quirks.md quotes them from each vendor's documentation.
describe('normalizePatchBody: documented IdP operations (User)', () => {
  it.each([
    [
      'Entra default update (2.3): capitalized ops lowercased, order kept',
      [
        { op: 'Replace', path: 'displayName', value: 'Pvlo' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'TestBcwqnm@test.microsoft.com' },
        { op: 'Replace', path: 'name.givenName', value: 'Gtfd' },
        { op: 'Replace', path: `${ENTERPRISE}:employeeNumber`, value: 'Eqpj' },
        { op: 'Add', path: 'nickName', value: 'Babs' },
      ],
      [
        { op: 'replace', path: 'displayName', value: 'Pvlo' },
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'TestBcwqnm@test.microsoft.com' },
        { op: 'replace', path: 'name.givenName', value: 'Gtfd' },
        { op: 'replace', path: `${ENTERPRISE}:employeeNumber`, value: 'Eqpj' },
        { op: 'add', path: 'nickName', value: 'Babs' },
      ],
    ],
    [
      'Entra disable without the flag (2.3): "False" to false',
      [{ op: 'Replace', path: 'active', value: 'False' }],
      [{ op: 'replace', path: 'active', value: false }],
    ],
    [
      'Entra reactivation: "True" to true',
      [{ op: 'Replace', path: 'active', value: 'True' }],
      [{ op: 'replace', path: 'active', value: true }],
    ],
    [
      'Entra with aadOptscim062020 (2.3): dotted and URN keys of a path-less value kept for the core',
      [
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'TestMhvaes@test.microsoft.com' },
        {
          op: 'replace',
          value: { displayName: 'Bjfe', 'name.givenName': 'Kkom', [`${ENTERPRISE}:employeeNumber`]: 'Aklq' },
        },
      ],
      [
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'TestMhvaes@test.microsoft.com' },
        {
          op: 'replace',
          value: { displayName: 'Bjfe', 'name.givenName': 'Kkom', [`${ENTERPRISE}:employeeNumber`]: 'Aklq' },
        },
      ],
    ],
    [
      "Entra's legacy manager Add (2.3): bare path qualified, one-element array to the manager object",
      [{ op: 'Add', path: 'manager', value: [{ $ref: 'http://x/scim/Users/00aa', value: '00aa' }] }],
      [{ op: 'add', path: `${ENTERPRISE}:manager`, value: { $ref: 'http://x/scim/Users/00aa', value: '00aa' } }],
    ],
    [
      'Entra manager as a bare string on the URN path (2.3)',
      [{ op: 'Replace', path: `${ENTERPRISE}:manager`, value: 'boss-id' }],
      [{ op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: 'boss-id' } }],
    ],
    [
      'Okta deactivation (1.6): path-less {"active": false} passes as it is',
      [{ op: 'replace', value: { active: false } }],
      [{ op: 'replace', value: { active: false } }],
    ],
    ['Okta password sync (1.6): dropped, leaving nothing to do', [{ op: 'replace', value: { password: 'p4ss' } }], []],
    [
      'OneLogin-style unresolved placeholder: the operation carries nothing and is dropped',
      [
        { op: 'replace', path: 'title', value: '{$parameters.title}' },
        { op: 'replace', value: { nickName: '{$user.nickname}', displayName: 'Ada' } },
      ],
      [{ op: 'replace', value: { displayName: 'Ada' } }],
    ],
  ])('%s', (_name, operations, expected) => {
    expect(user(...operations)).toEqual(expected);
  });
});

describe('normalizePatchBody: documented IdP operations (Group)', () => {
  it.each([
    [
      "Okta rename (1.7): the group's own id in the value dropped",
      [{ op: 'replace', value: { id: 'abf4dd94', displayName: 'Test SCIMv2' } }],
      [{ op: 'replace', value: { displayName: 'Test SCIMv2' } }],
    ],
    [
      'Okta membership (1.7): filtered remove and add with display pass through',
      [
        { op: 'remove', path: 'members[value eq "89bb1940"]' },
        { op: 'add', path: 'members', value: [{ value: '23a35c27', display: 'test.user@okta.local' }] },
      ],
      [
        { op: 'remove', path: 'members[value eq "89bb1940"]' },
        { op: 'add', path: 'members', value: [{ value: '23a35c27', display: 'test.user@okta.local' }] },
      ],
    ],
    [
      'Entra member add and value-array remove (2.4): "$ref": null dropped',
      [
        { op: 'Add', path: 'members', value: [{ $ref: null, value: 'f648f8d5' }] },
        { op: 'Remove', path: 'members', value: [{ $ref: null, value: 'a1' }] },
      ],
      [
        { op: 'add', path: 'members', value: [{ value: 'f648f8d5' }] },
        { op: 'remove', path: 'members', value: [{ value: 'a1' }] },
      ],
    ],
    [
      'Entra rename (2.4)',
      [{ op: 'Replace', path: 'displayName', value: 'New name' }],
      [{ op: 'replace', path: 'displayName', value: 'New name' }],
    ],
    [
      'a single member object instead of an array, and bare ids',
      [
        { op: 'add', path: 'members', value: { value: 'u1' } },
        { op: 'replace', path: 'members', value: ['u2', 'u3'] },
      ],
      [
        { op: 'add', path: 'members', value: [{ value: 'u1' }] },
        { op: 'replace', path: 'members', value: [{ value: 'u2' }, { value: 'u3' }] },
      ],
    ],
  ])('%s', (_name, operations, expected) => {
    expect(group(...operations)).toEqual(expected);
  });

  it('gives group bodies the core turns into membership operations', () => {
    const body = normalizePatchBody(
      patchOp(
        {
          op: 'Add',
          path: 'members',
          value: [
            { $ref: null, value: 'u1' },
            { $ref: null, value: 'u2' },
          ],
        },
        { op: 'Remove', path: 'members', value: [{ $ref: null, value: 'u1' }] },
        { op: 'remove', path: 'members[value eq "u2"]' },
        { op: 'Replace', value: { id: 'g1', displayName: 'Renamed' } },
      ),
      'Group',
      'entra',
    );
    const result = applyGroupPatch({ displayName: 'Eng' }, body);
    expect(result.membership).toEqual([
      { kind: 'add', userIds: ['u1', 'u2'] },
      { kind: 'remove', userIds: ['u1'] },
      { kind: 'remove', userIds: ['u2'] },
    ]);
    expect(result.resource).toEqual({ displayName: 'Renamed' });
  });
});

describe('normalizePatchBody: tolerance rules', () => {
  it('reads "operations", "Op", "Path" and "Value" in any casing and supplies schemas', () => {
    expect(normalizePatchBody({ operations: [{ Op: ' REPLACE ', Path: 'active', Value: 'false' }] }, 'User')).toEqual({
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
  });

  it.each([
    ['a path-less value', { op: 'replace', value: { active: 'False' } }, { op: 'replace', value: { active: false } }],
    [
      'a filtered sub-attribute',
      { op: 'replace', path: 'emails[type eq "work"].primary', value: 'True' },
      { op: 'replace', path: 'emails[type eq "work"].primary', value: true },
    ],
    [
      'a filtered element',
      { op: 'add', path: 'emails[type eq "work"]', value: { value: 'a@x', Primary: 'true' } },
      { op: 'add', path: 'emails[type eq "work"]', value: { value: 'a@x', primary: true } },
    ],
    [
      'a whole multi-valued attribute',
      { op: 'add', path: 'emails', value: { value: 'a@x', primary: 'TRUE' } },
      { op: 'add', path: 'emails', value: [{ value: 'a@x', primary: true }] },
    ],
  ])('coerces string booleans in %s', (_name, operation, expected) => {
    expect(user(operation)).toEqual([expected]);
  });

  it('rewrites 1.1 and malformed URNs in paths and value keys', () => {
    expect(
      user(
        { op: 'replace', path: 'urn:scim:schemas:extension:enterprise:1.0:department', value: 'D' },
        { op: 'replace', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User:manager', value: 'm' },
        { op: 'add', value: { 'urn:scim:schemas:extension:enterprise:1.0': { manager: { managerId: 'm2' } } } },
      ),
    ).toEqual([
      { op: 'replace', path: `${ENTERPRISE}:department`, value: 'D' },
      { op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: 'm' } },
      { op: 'add', value: { [ENTERPRISE]: { manager: { value: 'm2' } } } },
    ]);
  });

  it('keeps null, which means "unassign" in a PATCH', () => {
    expect(user({ op: 'replace', path: 'title', value: null }, { op: 'replace', value: { nickName: null } })).toEqual([
      { op: 'replace', path: 'title', value: null },
      { op: 'replace', value: { nickName: null } },
    ]);
  });

  it('gives user bodies the core applies', () => {
    const body = normalizePatchBody(
      patchOp(
        { op: 'Replace', path: 'active', value: 'False' },
        { op: 'Add', path: 'manager', value: [{ $ref: null, value: 'boss' }] },
        { op: 'replace', value: { id: 'u1', 'name.familyName': 'B', [`${ENTERPRISE}:department`]: 'D', meta: {} } },
      ),
      'User',
      'entra',
    );
    const { resource } = applyPatch({ userName: 'a', active: true }, body, USER_RESOURCE_TYPE);
    expect(resource).toEqual({
      userName: 'a',
      active: false,
      name: { familyName: 'B' },
      [ENTERPRISE]: { manager: { value: 'boss' }, department: 'D' },
    });
  });

  it('never modifies its input', () => {
    const body = patchOp({ op: 'Add', path: 'members', value: [{ $ref: null, value: 'u1' }] });
    const copy = structuredClone(body);
    normalizePatchBody(body, 'Group');
    expect(body).toEqual(copy);
  });

  it.each([
    ['a non-object body', [], 'invalidSyntax'],
    ['a body without operations', { schemas: [PATCH_OP] }, 'invalidSyntax'],
    ['an unknown op', patchOp({ op: 'Delete', path: 'title' }), 'invalidSyntax'],
    ['an op that is not a string', patchOp({ op: 1, path: 'title' }), 'invalidSyntax'],
    ['a path that is not a string', patchOp({ op: 'remove', path: 7 }), 'invalidPath'],
  ])('rejects %s', (_name, body, scimType) => {
    let caught: unknown;
    try {
      normalizePatchBody(body, 'User');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScimError);
    expect(caught).toMatchObject({ status: 400, scimType });
  });
});

describe('normalizePatchBody and the password', () => {
  it('drops an operation addressing the password by path, bare or URN-qualified (found by the secrets e2e test)', () => {
    const body = {
      Operations: [
        { op: 'replace', path: 'password', value: 'hunter2' },
        { op: 'Replace', path: 'urn:ietf:params:scim:schemas:core:2.0:User:password', value: 'hunter2' },
        { op: 'replace', path: 'title', value: 'CTO' },
      ],
    };
    expect(JSON.stringify(normalizePatchBody(body, 'User'))).not.toContain('hunter2');
    expect(normalizePatchBody(body, 'User').Operations).toEqual([{ op: 'replace', path: 'title', value: 'CTO' }]);
  });
});
