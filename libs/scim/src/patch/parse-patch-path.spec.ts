import { ScimError } from '../errors/scim-error';
import { parsePatchPath } from './parse-patch-path';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('parsePatchPath', () => {
  it.each([
    ['members', { path: { name: 'members' } }],
    ['name.familyName', { path: { name: 'name', subAttribute: 'familyName' } }],
    [
      'addresses[type eq "work"]',
      { path: { name: 'addresses' }, filter: { kind: 'compare', path: { name: 'type' }, op: 'eq', value: 'work' } },
    ],
    [
      'addresses[type eq "work"].streetAddress',
      {
        path: { name: 'addresses' },
        filter: { kind: 'compare', path: { name: 'type' }, op: 'eq', value: 'work' },
        subAttribute: 'streetAddress',
      },
    ],
    [
      'members[value eq "2819c223-7f76-453a-919d-413861904646"]',
      {
        path: { name: 'members' },
        filter: { kind: 'compare', path: { name: 'value' }, op: 'eq', value: '2819c223-7f76-453a-919d-413861904646' },
      },
    ],
    [`${ENTERPRISE}:manager`, { path: { uri: ENTERPRISE, name: 'manager' } }],
    [`${ENTERPRISE}:manager.value`, { path: { uri: ENTERPRISE, name: 'manager', subAttribute: 'value' } }],
    [' emails [ type eq "work" ] .value ', expect.objectContaining({ subAttribute: 'value' })],
  ])('%s', (text, expected) => {
    expect(parsePatchPath(text)).toEqual(expected);
  });

  it.each([
    ['', 'The path is empty'],
    ['emails[', 'Invalid path at the end'],
    ['emails]', 'Invalid path at position 7'],
    ['emails[type eq "work"].value.x', 'invalid sub-attribute ".value.x"'],
    ['name.givenName[x pr]', 'a value filter must follow an attribute'],
    ['emails[type eq "work"] extra', 'Invalid path at position 24'],
    ['a b', 'Invalid path at position 3'],
  ])('rejects %p', (text, detail) => {
    let error: unknown;
    try {
      parsePatchPath(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType: 'invalidPath' });
    expect((error as ScimError).detail).toContain(detail);
  });
});
