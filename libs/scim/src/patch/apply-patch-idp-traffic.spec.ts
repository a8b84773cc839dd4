import { USER_RESOURCE_TYPE } from '../schema/resource-types';
import { applyPatch } from './apply-patch';
import { bjensen, body, ENTERPRISE, minimalUser } from './patch-fixtures';

function patch(resource: Record<string, unknown>, operations: unknown[]) {
  return applyPatch(resource, body(...operations), USER_RESOURCE_TYPE);
}

describe('applyPatch: canonical IdP traffic (after dialect normalization)', () => {
  it('applies the Entra update sequence', () => {
    const { resource, changedAttributes } = patch(bjensen(), [
      { op: 'replace', path: 'displayName', value: 'Pvlo' },
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'TestBcwqnm@test.microsoft.com' },
      { op: 'replace', path: 'name.givenName', value: 'Gtfd' },
      { op: 'replace', path: 'name.familyName', value: 'Pkqf' },
      { op: 'replace', path: 'externalId', value: 'Eqpj' },
      { op: 'replace', path: `${ENTERPRISE}:employeeNumber`, value: 'Eqpj' },
    ]);
    expect(resource).toMatchObject({
      displayName: 'Pvlo',
      name: { givenName: 'Gtfd', familyName: 'Pkqf' },
      externalId: 'Eqpj',
      [ENTERPRISE]: { employeeNumber: 'Eqpj', department: 'Tour Operations' },
    });
    expect((resource.emails as unknown[])[0]).toEqual({ value: 'TestBcwqnm@test.microsoft.com', type: 'work', primary: true });
    expect(changedAttributes.sort()).toEqual(['displayName', 'emails', 'externalId', 'name', ENTERPRISE].sort());
  });

  it('accepts path keys in a path-less value (dotted and URN-qualified)', () => {
    const { resource } = patch(bjensen(), [
      {
        op: 'replace',
        value: { displayName: 'Bjfe', 'name.givenName': 'Kkom', [`${ENTERPRISE}:employeeNumber`]: 'Aklq' },
      },
    ]);
    expect(resource).toMatchObject({ displayName: 'Bjfe', name: { givenName: 'Kkom' }, [ENTERPRISE]: { employeeNumber: 'Aklq' } });
  });

  it('deactivates with a path-less value (Okta)', () => {
    const { resource, changedAttributes } = patch(bjensen(), [{ op: 'replace', value: { active: false } }]);
    expect(resource.active).toBe(false);
    expect(changedAttributes).toEqual(['active']);
  });

  it('sets the enterprise manager, creating the extension when missing', () => {
    const { resource } = patch(minimalUser(), [{ op: 'add', path: `${ENTERPRISE}:manager`, value: { value: 'boss' } }]);
    expect(resource[ENTERPRISE]).toEqual({ manager: { value: 'boss' } });
  });

  it('merges an extension object given by its URN (path or key)', () => {
    const viaPath = patch(bjensen(), [{ op: 'replace', path: ENTERPRISE, value: { department: 'Sales' } }]).resource;
    const viaKey = patch(bjensen(), [{ op: 'add', value: { [ENTERPRISE]: { Department: 'Sales' } } }]).resource;
    expect(viaPath).toEqual(viaKey);
    expect(viaPath[ENTERPRISE]).toMatchObject({ employeeNumber: '701984', department: 'Sales' });
  });
});

describe('applyPatch: case-insensitivity', () => {
  it('matches paths, sub-attributes, filters and URNs in any case and writes schema casing', () => {
    const { resource } = patch(bjensen(), [
      { op: 'replace', path: 'NAME.GIVENNAME', value: 'B' },
      { op: 'replace', path: 'Emails[TYPE eq "WORK"].Value', value: 'w@x.com' },
      { op: 'replace', path: `${ENTERPRISE.toUpperCase()}:Department`, value: 'D' },
      { op: 'add', path: 'PhoneNumbers', value: [{ Value: '1', TYPE: 'home' }] },
    ]);
    expect(resource.name).toMatchObject({ givenName: 'B' });
    expect((resource.emails as unknown[])[0]).toMatchObject({ value: 'w@x.com' });
    expect(resource[ENTERPRISE]).toMatchObject({ department: 'D' });
    expect((resource.phoneNumbers as unknown[])[2]).toEqual({ value: '1', type: 'home' });
  });

  it('rewrites stored keys to schema casing and reports them once', () => {
    const { resource, changedAttributes } = patch({ username: 'a', NAME: { GivenName: 'x' } }, [
      { op: 'replace', path: 'userName', value: 'b' },
      { op: 'replace', path: 'name.givenName', value: 'y' },
    ]);
    expect(resource).toEqual({ userName: 'b', name: { givenName: 'y' } });
    expect(changedAttributes.sort()).toEqual(['name', 'userName']);
  });
});

describe('applyPatch: extensions without a schema', () => {
  const CUSTOM = 'urn:example:params:scim:schemas:extension:custom:1.0:User';

  it('stores an unknown extension sent as a path-less object and patches it by path later', () => {
    const first = patch(minimalUser(), [{ op: 'add', value: { [CUSTOM]: { costCode: 7, tags: ['a'] } } }]).resource;
    expect(first[CUSTOM]).toEqual({ costCode: 7, tags: ['a'] });
    const second = patch(first, [
      { op: 'add', path: `${CUSTOM}:tags`, value: ['a', 'b'] },
      { op: 'replace', path: `${CUSTOM}:costCode`, value: 8 },
    ]).resource;
    expect(second[CUSTOM]).toEqual({ costCode: 8, tags: ['a', 'b'] });
    expect(patch(second, [{ op: 'remove', path: CUSTOM }]).resource).toEqual(minimalUser());
  });
});
