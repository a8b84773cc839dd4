import { ScimError, type ScimType } from '../errors/scim-error';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../schema/resource-types';
import { applyPatch } from './apply-patch';
import { bjensen, body, ENTERPRISE } from './patch-fixtures';

function failure(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('applyPatch: malformed requests', () => {
  const cases: [string, unknown, ScimType, string][] = [
    ['a non-object body', [], 'invalidSyntax', 'must be a PatchOp JSON object'],
    ['no Operations', { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'] }, 'invalidSyntax', '"Operations" array'],
    ['Operations not an array', { Operations: {} }, 'invalidSyntax', '"Operations" array'],
    ['a wrong schema', { schemas: ['urn:x'], Operations: [] }, 'invalidSyntax', 'must contain'],
    ['schemas not an array', { schemas: 'x', Operations: [] }, 'invalidSyntax', 'must contain'],
    ['an operation that is not an object', body('add'), 'invalidSyntax', 'Operations[0] must be an object'],
    ['a non-canonical op', body({ op: 'Replace', path: 'title', value: 'x' }), 'invalidSyntax', 'got "Replace"'],
    ['an unknown op', body({ op: 'move', path: 'title' }), 'invalidSyntax', 'got "move"'],
    ['a missing op', body({ path: 'title' }), 'invalidSyntax', 'got undefined'],
    ['a non-string path', body({ op: 'remove', path: 3 }), 'invalidPath', 'path must be a string'],
    ['add without a value', body({ op: 'add', path: 'title' }), 'invalidValue', 'needs a "value"'],
    ['replace without a value', body({ op: 'replace', path: 'title' }), 'invalidValue', 'needs a "value"'],
  ];

  it.each(cases)('rejects %s', (_name, request, scimType, detail) => {
    const error = failure(() => applyPatch(bjensen(), request, USER_RESOURCE_TYPE));
    expect(error).toMatchObject({ status: 400, scimType });
    expect(error.detail).toContain(detail);
  });
});

describe('applyPatch: operation errors', () => {
  const cases: [string, unknown, ScimType, string][] = [
    ['a path-less remove', { op: 'remove' }, 'noTarget', '"remove" needs a "path"'],
    ['a path-less add of a non-object', { op: 'add', value: 'x' }, 'invalidValue', 'needs an object'],
    ['an unknown attribute', { op: 'add', path: 'favouriteColour', value: 'x' }, 'invalidPath', 'Unknown attribute "favouriteColour"'],
    ['an unknown path-less key', { op: 'add', value: { favouriteColour: 'x' } }, 'invalidPath', 'Unknown attribute'],
    ['an unknown sub-attribute', { op: 'add', path: 'name.nick', value: 'x' }, 'invalidPath', '"nick" is not a sub-attribute'],
    ['a sub-attribute of a simple attribute', { op: 'add', path: 'userName.x', value: 'x' }, 'invalidPath', 'not a sub-attribute'],
    ['malformed path syntax', { op: 'add', path: 'emails[type eq "work"', value: 'x' }, 'invalidPath', 'Invalid path at the end'],
    ['an empty path', { op: 'remove', path: '' }, 'invalidPath', 'The path is empty'],
    ['a filter on a single-valued attribute', { op: 'remove', path: 'name[givenName pr]' }, 'invalidPath', 'single-valued'],
    ['an unknown attribute in a filter', { op: 'remove', path: 'emails[kind eq "x"]' }, 'invalidPath', '"kind" is not a sub-attribute of "emails"'],
    ['gt on a boolean in a filter', { op: 'remove', path: 'emails[primary gt true]' }, 'invalidPath', 'boolean attribute "emails.primary"'],
    ['a nested filter', { op: 'remove', path: 'emails[type[value pr]]' }, 'invalidPath', 'cannot be nested'],
    ['an unknown enterprise attribute', { op: 'add', path: `${ENTERPRISE}:shoeSize`, value: 'x' }, 'invalidPath', 'Unknown attribute'],
    ['an unknown attribute in an extension object', { op: 'add', path: ENTERPRISE, value: { shoeSize: 1 } }, 'invalidPath', 'Unknown attribute'],
    ['an unknown extension by path', { op: 'add', path: 'urn:example:custom:User:foo', value: 'x' }, 'invalidPath', 'Unknown attribute'],
    ['an extension with a non-object', { op: 'add', path: ENTERPRISE, value: 'x' }, 'invalidValue', 'must be an object'],
    ['a string boolean', { op: 'replace', path: 'active', value: 'False' }, 'invalidValue', '"active" must be a boolean'],
    ['a number for a string', { op: 'replace', path: 'userName', value: 42 }, 'invalidValue', '"userName" must be a string'],
    ['a non-array multi-valued value', { op: 'add', path: 'emails', value: { value: 'x' } }, 'invalidValue', 'must be an array'],
    ['a non-object element', { op: 'add', path: 'emails', value: ['x'] }, 'invalidValue', '"emails" must be an object'],
    ['a bad sub-attribute type', { op: 'add', path: 'emails', value: [{ primary: 'yes' }] }, 'invalidValue', '"emails.primary" must be a boolean'],
    ['a non-object for a complex attribute', { op: 'replace', path: 'name', value: 'Babs' }, 'invalidValue', '"name" must be an object'],
    ['a non-object for a filtered element', { op: 'replace', path: 'emails[type eq "work"]', value: 'x' }, 'invalidValue', 'must be an object'],
    ['a filtered replace matching nothing', { op: 'replace', path: 'emails[type eq "other"].value', value: 'x' }, 'noTarget', 'No value of "emails" matches'],
    ['a filtered add that cannot build an element', { op: 'add', path: 'emails[value co "zzz"].type', value: 'work' }, 'noTarget', 'No value'],
    ['a sub-attribute add to an empty multi-valued', { op: 'add', path: 'ims.value', value: 'x' }, 'noTarget', 'No value'],
    ['removing a required attribute', { op: 'remove', path: 'userName' }, 'mutability', '"userName" is required'],
    ['unassigning a required attribute', { op: 'replace', path: 'userName', value: null }, 'mutability', 'is required'],
    ['changing id', { op: 'replace', path: 'id', value: 'x' }, 'mutability', '"id" is read-only'],
    ['changing meta', { op: 'add', path: 'meta.lastModified', value: '2020-01-01T00:00:00Z' }, 'mutability', 'read-only'],
    ['changing groups', { op: 'add', path: 'groups', value: [{ value: 'g' }] }, 'mutability', '"groups" is read-only'],
    ['changing a read-only sub-attribute', { op: 'replace', path: `${ENTERPRISE}:manager.displayName`, value: 'x' }, 'mutability', 'read-only'],
  ];

  it.each(cases)('rejects %s', (_name, operation, scimType, detail) => {
    const input = bjensen();
    const error = failure(() => applyPatch(input, body(operation), USER_RESOURCE_TYPE));
    expect(error).toMatchObject({ status: 400, scimType });
    expect(error.detail).toContain(detail);
    expect(input).toEqual(bjensen());
  });

  it('lets a client write a read-only value it already has', () => {
    const result = applyPatch({ ...bjensen(), id: 'u1' }, body({ op: 'replace', path: 'id', value: 'u1' }), USER_RESOURCE_TYPE);
    expect(result.changedAttributes).toEqual([]);
  });

  it('lets an immutable attribute be set once, then refuses to change it', () => {
    const group = { displayName: 'G', members: [{ value: 'a' }] };
    const set = applyPatch(group, body({ op: 'add', path: 'members[value eq "b"].value', value: 'b' }), GROUP_RESOURCE_TYPE);
    expect(set.resource.members).toEqual([{ value: 'a' }, { value: 'b' }]);
    const error = failure(() =>
      applyPatch(group, body({ op: 'replace', path: 'members[value eq "a"].value', value: 'c' }), GROUP_RESOURCE_TYPE),
    );
    expect(error).toMatchObject({ scimType: 'mutability' });
  });

  it('is atomic: a failing operation leaves the input as it was', () => {
    const input = bjensen();
    const error = failure(() =>
      applyPatch(
        input,
        body(
          { op: 'replace', path: 'displayName', value: 'Changed' },
          { op: 'remove', path: 'emails' },
          { op: 'remove', path: 'userName' },
        ),
        USER_RESOURCE_TYPE,
      ),
    );
    expect(error.scimType).toBe('mutability');
    expect(input).toEqual(bjensen());
  });

  it('renders errors as SCIM error bodies', () => {
    const error = failure(() => applyPatch(bjensen(), body({ op: 'remove' }), USER_RESOURCE_TYPE));
    expect(error.toScimErrorBody()).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '400',
      scimType: 'noTarget',
      detail: '"remove" needs a "path"',
    });
  });
});
