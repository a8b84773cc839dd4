import { ScimError } from '../errors/scim-error';
import { parseFilter } from '../filter/parse-filter';
import { resolveAttribute } from '../schema/resolve-attribute';
import { USER_RESOURCE_TYPE } from '../schema/resource-types';
import { compileValueFilter } from './compile-value-filter';

function matcher(attribute: string, filter: string) {
  const definition = resolveAttribute(USER_RESOURCE_TYPE, attribute)!.attribute;
  return compileValueFilter(parseFilter(filter), definition, attribute);
}

const work = { value: 'Babs@Example.com', type: 'work', primary: true };
const home = { value: 'babs@jensen.org', type: 'home' };

describe('compileValueFilter', () => {
  const cases: [string, unknown, boolean][] = [
    ['type eq "WORK"', work, true],
    ['type eq "work"', home, false],
    ['type ne "work"', home, true],
    ['display ne "x"', home, true],
    ['value co "example"', work, true],
    ['value sw "BABS@"', work, true],
    ['value ew ".ORG"', home, true],
    ['value gt "b"', home, true],
    ['value lt "c"', work, true],
    ['value ge "babs@jensen.org"', home, true],
    ['value le "a"', home, false],
    ['primary eq true', work, true],
    ['primary eq true', home, false],
    ['primary ne true', home, true],
    ['primary pr', home, false],
    ['display eq null', home, true],
    ['type ne null', home, true],
    ['not (type eq "work")', home, true],
    ['type eq "work" or type eq "home"', home, true],
    ['type eq "work" and primary eq true', work, true],
    ['Type EQ "home" AND Value pr', home, true],
    ['type eq "work"', 'not an object', false],
    ['type ne "work"', null, true],
  ];

  it.each(cases)('%s on %j', (filter, element, expected) => {
    expect(matcher('emails', filter)(element)).toBe(expected);
  });

  it('follows caseExact from the schema and compares numbers as text', () => {
    expect(matcher('photos', 'value eq "HTTP://X"')({ value: 'http://x' })).toBe(true);
    expect(matcher('emails', 'value eq "HTTP://X"')({ value: 'http://x' })).toBe(true);
    expect(matcher('emails', 'value eq 42')({ value: '42' })).toBe(true);
  });

  it.each([
    ['kind eq "x"', '"kind" is not a sub-attribute of "emails"'],
    ['type.x eq "x"', '"type.x" is not a sub-attribute'],
    ['urn:x:type eq "x"', 'is not a sub-attribute'],
    ['primary gt true', 'boolean attribute "emails.primary"'],
    ['primary eq "true"', 'boolean attribute'],
    ['type eq true', 'string attribute "emails.type"'],
    ['type lt null', 'cannot compare "emails.type" with null'],
  ])('rejects %s', (filter, detail) => {
    let error: unknown;
    try {
      matcher('emails', filter);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ scimType: 'invalidPath' });
    expect((error as ScimError).detail).toContain(detail);
  });
});
