import { applyGroupPatch, ScimError } from '@roster/scim';
import { scimV1PatchToPatchOp, toScimV1Error, toScimV1ResponseBody } from './scim-v1';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('SCIM 1.1 responses', () => {
  it('maps a 2.0 user to 1.1 URNs with managerId', () => {
    const user = {
      schemas: [USER, ENTERPRISE],
      id: 'u1',
      userName: 'a',
      [ENTERPRISE]: { department: 'D', manager: { value: 'm1' } },
    };
    expect(toScimV1ResponseBody(user)).toEqual({
      schemas: ['urn:scim:schemas:core:1.0', 'urn:scim:schemas:extension:enterprise:1.0'],
      id: 'u1',
      userName: 'a',
      'urn:scim:schemas:extension:enterprise:1.0': { department: 'D', manager: { managerId: 'm1' } },
    });
  });

  it('maps a 2.0 ListResponse to the 1.1 list shape', () => {
    const list = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
      Resources: [{ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], id: 'g1', displayName: 'G' }],
    };
    expect(toScimV1ResponseBody(list)).toEqual({
      schemas: ['urn:scim:schemas:core:1.0'],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
      Resources: [{ schemas: ['urn:scim:schemas:core:1.0'], id: 'g1', displayName: 'G' }],
    });
  });

  it('renders errors in the 1.1 format, from the thrown error or its 2.0 body', () => {
    const error = ScimError.uniqueness('User already exists in the database.');
    const expected = { Errors: [{ description: 'User already exists in the database.', code: '409' }] };
    expect(toScimV1Error(error)).toEqual(expected);
    expect(toScimV1ResponseBody(error.toScimErrorBody())).toEqual(expected);
  });

  it('leaves other bodies alone', () => {
    expect(toScimV1ResponseBody(undefined)).toBeUndefined();
    expect(toScimV1ResponseBody({ hello: 'world' })).toEqual({ hello: 'world' });
  });
});

describe('scimV1PatchToPatchOp', () => {
  it('turns a 1.1 group PATCH (operation: delete, meta.attributes) into canonical ops the core applies', () => {
    const body = {
      schemas: ['urn:scim:schemas:core:1.0'],
      displayName: 'Renamed',
      members: [
        { value: 'u1', operation: 'delete' },
        { value: 'u3', display: 'Carol' },
      ],
      meta: { attributes: ['externalId'] },
    };
    const patch = scimV1PatchToPatchOp(body, 'Group');
    expect(patch.Operations).toEqual([
      { op: 'remove', path: 'externalId' },
      { op: 'remove', path: 'members[value eq "u1"]' },
      { op: 'replace', value: { displayName: 'Renamed' } },
      { op: 'add', path: 'members', value: [{ value: 'u3', display: 'Carol' }] },
    ]);
    const result = applyGroupPatch({ displayName: 'G', externalId: 'x' }, patch);
    expect(result.resource).toEqual({ displayName: 'Renamed' });
    expect(result.membership).toEqual([
      { kind: 'remove', userIds: ['u1'] },
      { kind: 'add', userIds: ['u3'] },
    ]);
  });
});
