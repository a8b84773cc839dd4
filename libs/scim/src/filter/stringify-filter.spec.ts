import fc from 'fast-check';
import type { AttributePath } from '../schema/attribute-path';
import { COMPARE_OPERATORS, type Filter } from './filter-ast';
import { parseFilter } from './parse-filter';
import { stringifyFilter } from './stringify-filter';

describe('stringifyFilter', () => {
  const cases: [string, string][] = [
    ['userName eq "bjensen"', 'userName eq "bjensen"'],
    ['USERNAME EQ "x"', 'USERNAME eq "x"'],
    ['a pr or b pr and c pr', 'a pr or b pr and c pr'],
    ['(a pr or b pr) and c pr', '(a pr or b pr) and c pr'],
    ['a pr and (b pr and c pr)', 'a pr and (b pr and c pr)'],
    ['a pr or (b pr or c pr)', 'a pr or (b pr or c pr)'],
    ['not(a eq 1.5)', 'not (a eq 1.5)'],
    ['emails[type eq "work"].value eq "x"', 'emails[type eq "work" and value eq "x"]'],
    ['a eq "q\\"\\n"', 'a eq "q\\"\\n"'],
    ['urn:x:y:2.0:User:manager.value eq null', 'urn:x:y:2.0:User:manager.value eq null'],
    ['active eq FALSE', 'active eq false'],
  ];

  it.each(cases)('%s', (text, printed) => {
    expect(stringifyFilter(parseFilter(text))).toBe(printed);
  });
});

const name = fc.stringMatching(/^\$?[A-Za-z][A-Za-z0-9_-]{0,6}$/);
const uri = fc
  .array(fc.stringMatching(/^[A-Za-z0-9.-]{1,6}$/), { minLength: 1, maxLength: 5 })
  .map((segments) => `urn:${segments.join(':')}`);
const attributePath: fc.Arbitrary<AttributePath> = fc.record(
  { uri, name, subAttribute: name },
  { requiredKeys: ['name'] },
);
const value = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.constant(null),
);
const operator = fc.constantFrom(...COMPARE_OPERATORS);

function filterArbitrary(allowValuePath: boolean): fc.Arbitrary<Filter> {
  return fc.letrec<{ filter: Filter }>((tie): { filter: fc.Arbitrary<Filter> } => ({
    filter: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ kind: fc.constant('compare' as const), path: attributePath, op: operator, value }),
      fc.record({ kind: fc.constant('present' as const), path: attributePath }),
      fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), left: tie('filter'), right: tie('filter') }),
      fc.record({ kind: fc.constant('not' as const), filter: tie('filter') }),
      ...(allowValuePath
        ? [
            fc.record({
              kind: fc.constant('valuePath' as const),
              path: fc.record({ uri, name }, { requiredKeys: ['name'] }),
              filter: filterArbitrary(false),
            }),
          ]
        : []),
    ),
  })).filter;
}

describe('stringifyFilter / parseFilter round trip', () => {
  it('parses a printed AST back to the same AST', () => {
    fc.assert(
      fc.property(filterArbitrary(true), (filter) => {
        expect(parseFilter(stringifyFilter(filter))).toEqual(filter);
      }),
      { numRuns: 500 },
    );
  });
});
