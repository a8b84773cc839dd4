import fc from 'fast-check';
import { ScimError } from '../errors/scim-error';
import { USER_RESOURCE_TYPE } from '../schema/resource-types';
import { applyGroupPatch } from './apply-group-patch';
import { applyPatch } from './apply-patch';
import { bjensen, ENTERPRISE, engineering } from './patch-fixtures';

const KNOWN_PATHS = [
  'userName', 'USERNAME', 'name', 'name.givenName', 'displayName', 'active', 'title', 'emails', 'emails.value',
  'emails[type eq "work"]', 'emails[type eq "work"].value', 'emails[primary eq true].type', 'Emails[Value co "@"]',
  'addresses[type eq "home"].streetAddress', 'phoneNumbers[not (type eq "work")]', 'groups', 'id', 'meta.created',
  'externalId', 'x509Certificates', ENTERPRISE, `${ENTERPRISE}:manager`, `${ENTERPRISE}:manager.value`,
  `${ENTERPRISE}:manager.displayName`, `${ENTERPRISE}:department`, 'urn:example:custom:User:foo', 'members',
  'members[value eq "a"]', 'members[value eq "a" or value eq "b"]', 'members.value', 'displayName[x pr]',
  'emails[type eq', 'name.givenName.x', '', '__proto__', 'constructor', 'emails[value eq null]',
];

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, false, 'x', 1, [], {}, { givenName: 'G' }, [{ value: 'a' }], 'urn:x', '2020-01-01T00:00:00Z'),
  fc.array(fc.record({ value: fc.oneof(fc.string(), fc.integer()), type: fc.constantFrom('work', 'home'), primary: fc.boolean() }), {
    maxLength: 3,
  }),
  fc.dictionary(
    fc.constantFrom(...KNOWN_PATHS, 'nickName', 'members', '__proto__'),
    fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string(), fc.boolean()),
    { maxKeys: 4 },
  ),
);

const canonicalOperation = fc.record(
  { op: fc.constantFrom('add', 'replace', 'remove'), path: fc.constantFrom(...KNOWN_PATHS), value },
  { requiredKeys: ['op'] },
);

const anyOperation = fc.oneof(
  canonicalOperation,
  fc.record(
    {
      op: fc.oneof(fc.constantFrom('Add', 'REPLACE', 'delete'), fc.jsonValue()),
      path: fc.oneof(fc.string(), fc.jsonValue()),
      value,
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const patchBody = fc.oneof(
  { weight: 6, arbitrary: fc.record({ schemas: fc.constant([PATCH_OP]), Operations: fc.array(canonicalOperation, { minLength: 1, maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ Operations: fc.array(anyOperation, { maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ schemas: fc.jsonValue(), Operations: fc.jsonValue() }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.jsonValue() },
);

const user = fc.oneof(fc.constant(bjensen()), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }));

function expectOnlyScimErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ScimError)) throw error;
    expect(error.status).toBe(400);
  }
}

describe('PATCH properties', () => {
  afterEach(() => {
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('applyPatch throws nothing but ScimError and never touches its inputs', () => {
    fc.assert(
      fc.property(user, patchBody, (resource, body) => {
        const [resourceBefore, bodyBefore] = [structuredClone(resource), structuredClone(body)];
        expectOnlyScimErrors(() => {
          const result = applyPatch(resource, body, USER_RESOURCE_TYPE);
          expect(JSON.parse(JSON.stringify(result.resource))).toEqual(result.resource);
        });
        expect(resource).toEqual(resourceBefore);
        expect(body).toEqual(bodyBefore);
      }),
      { numRuns: 1500 },
    );
  });

  it('applyGroupPatch throws nothing but ScimError and never touches its inputs', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(engineering()), user), patchBody, (resource, body) => {
        const [resourceBefore, bodyBefore] = [structuredClone(resource), structuredClone(body)];
        expectOnlyScimErrors(() => applyGroupPatch(resource, body));
        expect(resource).toEqual(resourceBefore);
        expect(body).toEqual(bodyBefore);
      }),
      { numRuns: 1000 },
    );
  });

  it('reports exactly the top-level attributes that differ', () => {
    fc.assert(
      fc.property(patchBody, (body) => {
        const before = bjensen();
        expectOnlyScimErrors(() => {
          const { resource, changedAttributes } = applyPatch(before, body, USER_RESOURCE_TYPE);
          const keys = new Set([...Object.keys(before), ...Object.keys(resource)]);
          const differing = [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(resource[key]));
          expect(new Set(changedAttributes.map((key) => key.toLowerCase()))).toEqual(
            new Set(differing.filter((key) => !isReorderOnly(before[key], resource[key])).map((key) => key.toLowerCase())),
          );
        });
      }),
      { numRuns: 500 },
    );
  });
});

// JSON.stringify is sensitive to key order; changedAttributes is not.
function isReorderOnly(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}
