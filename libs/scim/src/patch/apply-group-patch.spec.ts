import { ScimError, type ScimType } from '../errors/scim-error';
import { applyGroupPatch } from './apply-group-patch';
import type { MembershipOperation } from './membership-operation';
import { body, engineering } from './patch-fixtures';

const BABS = '2819c223-7f76-453a-919d-413861904646';
const MANDY = '902c246b-6245-4190-8e05-00816be7344a';
const member = (value: string) => ({ display: 'x', $ref: `https://example.com/v2/Users/${value}`, value });

describe('applyGroupPatch: membership as domain operations', () => {
  const cases: [string, unknown[], MembershipOperation[]][] = [
    ['RFC add members', [{ op: 'add', path: 'members', value: [member(BABS)] }], [{ kind: 'add', userIds: [BABS] }]],
    [
      'RFC remove one member by filter',
      [{ op: 'remove', path: `members[value eq "${BABS}"]` }],
      [{ kind: 'remove', userIds: [BABS] }],
    ],
    ['RFC remove all members', [{ op: 'remove', path: 'members' }], [{ kind: 'removeAll' }]],
    [
      'RFC remove multiple members (no space before the string)',
      [
        { op: 'remove', path: `members[value eq"${BABS}"]` },
        { op: 'remove', path: `members[value eq"${MANDY}"]` },
      ],
      [
        { kind: 'remove', userIds: [BABS] },
        { kind: 'remove', userIds: [MANDY] },
      ],
    ],
    [
      'RFC replace all members (remove then add)',
      [
        { op: 'remove', path: 'members' },
        { op: 'add', path: 'members', value: [member(BABS), member(MANDY)] },
      ],
      [{ kind: 'removeAll' }, { kind: 'add', userIds: [BABS, MANDY] }],
    ],
    [
      'RFC replace members',
      [{ op: 'replace', path: 'members', value: [member(BABS), member(MANDY)] }],
      [{ kind: 'replace', userIds: [BABS, MANDY] }],
    ],
    ['replace members with an empty list', [{ op: 'replace', path: 'members', value: [] }], [{ kind: 'replace', userIds: [] }]],
    [
      'Entra remove with a value array',
      [{ op: 'remove', path: 'members', value: [{ $ref: null, value: 'f648f8d5' }] }],
      [{ kind: 'remove', userIds: ['f648f8d5'] }],
    ],
    [
      'Entra add with $ref null',
      [{ op: 'add', path: 'members', value: [{ $ref: null, value: 'f648f8d5' }] }],
      [{ kind: 'add', userIds: ['f648f8d5'] }],
    ],
    [
      'or-ed filter ids, duplicates dropped',
      [{ op: 'remove', path: 'members[value eq "a" or VALUE EQ "b" or value eq "a"]' }],
      [{ kind: 'remove', userIds: ['a', 'b'] }],
    ],
    [
      'duplicate member values',
      [{ op: 'add', path: 'Members', value: [{ value: 'a' }, { Value: 'a' }, { value: 'b' }] }],
      [{ kind: 'add', userIds: ['a', 'b'] }],
    ],
    [
      'a URN-qualified members path',
      [{ op: 'add', path: 'urn:ietf:params:scim:schemas:core:2.0:Group:members', value: [{ value: 'a' }] }],
      [{ kind: 'add', userIds: ['a'] }],
    ],
    [
      'members in a path-less add',
      [{ op: 'add', value: { members: [{ value: 'a' }] } }],
      [{ kind: 'add', userIds: ['a'] }],
    ],
  ];

  it.each(cases)('%s', (_name, operations, membership) => {
    const result = applyGroupPatch(engineering(), body(...operations));
    expect(result.membership).toEqual(membership);
    expect(result.resource).toEqual(engineering());
    expect(result.changedAttributes).toEqual([]);
  });

  it('applies the rest to the JSON resource', () => {
    const result = applyGroupPatch(
      engineering(),
      body(
        { op: 'replace', value: { displayName: 'Platform', members: [{ value: 'a' }] } },
        { op: 'replace', path: 'externalId', value: 'plat-1' },
        { op: 'add', path: 'members', value: [{ value: 'b' }] },
      ),
    );
    expect(result.membership).toEqual([
      { kind: 'replace', userIds: ['a'] },
      { kind: 'add', userIds: ['b'] },
    ]);
    expect(result.resource).toEqual({ ...engineering(), displayName: 'Platform', externalId: 'plat-1' });
    expect(result.changedAttributes.sort()).toEqual(['displayName', 'externalId']);
  });

  it('handles a plain rename (Okta re-sends it with membership changes)', () => {
    const result = applyGroupPatch(engineering(), body({ op: 'replace', path: 'displayName', value: 'Engineering' }));
    expect(result).toEqual({ resource: engineering(), changedAttributes: [], membership: [] });
  });
});

describe('applyGroupPatch: errors', () => {
  const cases: [string, unknown[], ScimType, string][] = [
    ['a filter on another sub-attribute', [{ op: 'remove', path: 'members[display eq "x"]' }], 'invalidPath', 'must be value eq'],
    ['a non-eq filter', [{ op: 'remove', path: 'members[value ne "x"]' }], 'invalidPath', 'must be value eq'],
    ['an and filter', [{ op: 'remove', path: 'members[value eq "x" and value eq "y"]' }], 'invalidPath', 'must be value eq'],
    ['add with a filter', [{ op: 'add', path: 'members[value eq "x"]', value: [{ value: 'x' }] }], 'invalidPath', 'only "remove"'],
    ['a members sub-attribute path', [{ op: 'remove', path: 'members.value' }], 'invalidPath', 'whole'],
    ['a filtered sub-attribute path', [{ op: 'replace', path: 'members[value eq "x"].display', value: 'y' }], 'invalidPath', 'whole'],
    ['a non-array value', [{ op: 'add', path: 'members', value: { value: 'x' } }], 'invalidValue', 'must be an array'],
    ['a member without value', [{ op: 'add', path: 'members', value: [{ display: 'x' }] }], 'invalidValue', 'non-empty string "value"'],
    ['an empty member id', [{ op: 'add', path: 'members', value: [{ value: '' }] }], 'invalidValue', 'non-empty'],
    ['removing displayName', [{ op: 'remove', path: 'displayName' }], 'mutability', 'required'],
    ['a user attribute', [{ op: 'add', path: 'userName', value: 'x' }], 'invalidPath', 'Unknown attribute'],
    ['a non-canonical op', [{ op: 'Add', path: 'members', value: [] }], 'invalidSyntax', 'got "Add"'],
    ['a bad path', [{ op: 'remove', path: 'members[' }], 'invalidPath', 'Invalid path'],
  ];

  it.each(cases)('rejects %s', (_name, operations, scimType, detail) => {
    const input = engineering();
    let error: unknown;
    try {
      applyGroupPatch(input, body(...operations));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType });
    expect((error as ScimError).detail).toContain(detail);
    expect(input).toEqual(engineering());
  });

  it('returns no membership operations when a later JSON operation fails', () => {
    expect(() =>
      applyGroupPatch(engineering(), body({ op: 'add', path: 'members', value: [{ value: 'a' }] }, { op: 'remove', path: 'displayName' })),
    ).toThrow(ScimError);
  });
});
