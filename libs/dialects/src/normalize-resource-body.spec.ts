import { applyPatch, ScimError, USER_RESOURCE_TYPE } from '@roster/scim';
import { normalizeResourceBody } from './normalize-resource-body';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

// Bodies as idp-quirks.md quotes them from each vendor's documentation.
describe('normalizeResourceBody: documented IdP bodies', () => {
  it.each([
    [
      'Okta create (sections 1.4): password and groups: [] dropped',
      'okta',
      {
        schemas: [USER],
        userName: 'test.user@okta.local',
        name: { givenName: 'Test', familyName: 'User' },
        emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
        displayName: 'Test User',
        locale: 'en-US',
        externalId: '00ujl29u0le5T6Aj10h7',
        groups: [],
        password: '1mz050nq',
        active: true,
      },
      {
        schemas: [USER],
        userName: 'test.user@okta.local',
        name: { givenName: 'Test', familyName: 'User' },
        emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
        displayName: 'Test User',
        locale: 'en-US',
        externalId: '00ujl29u0le5T6Aj10h7',
        active: true,
      },
    ],
    [
      'Okta GET-then-PUT echo (1.5): id, meta and groups dropped, display kept',
      'okta',
      {
        schemas: [USER],
        id: '23a35c27-23d3-4c03-b4c5-6443c09e7173',
        userName: 'test.user@okta.local',
        name: { givenName: 'Another', middleName: 'Excited', familyName: 'User' },
        emails: [{ primary: true, value: 'test.user@okta.local', type: 'work', display: 'test.user@okta.local' }],
        active: true,
        groups: [],
        meta: { resourceType: 'User' },
      },
      {
        schemas: [USER],
        userName: 'test.user@okta.local',
        name: { givenName: 'Another', middleName: 'Excited', familyName: 'User' },
        emails: [{ primary: true, value: 'test.user@okta.local', type: 'work', display: 'test.user@okta.local' }],
        active: true,
      },
    ],
    [
      'Entra create (2.3): meta and roles: [] dropped, empty enterprise extension unlisted',
      'entra',
      {
        schemas: [USER, ENTERPRISE],
        externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
        userName: 'Test_User_00aa00aa',
        active: true,
        emails: [{ primary: true, type: 'work', value: 'Test_User_11bb11bb@testuser.com' }],
        meta: { resourceType: 'User' },
        name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
        roles: [],
      },
      {
        schemas: [USER],
        externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
        userName: 'Test_User_00aa00aa',
        active: true,
        emails: [{ primary: true, type: 'work', value: 'Test_User_11bb11bb@testuser.com' }],
        name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      },
    ],
    [
      "Entra's older example (2.3): malformed enterprise URN fixed, explicit nulls absent",
      'entra',
      {
        schemas: [USER, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User'],
        externalId: 'jyoung',
        userName: 'jyoung@testuser.com',
        active: true,
        addresses: null,
        displayName: 'Joy Young',
        emails: [{ type: 'work', value: 'jyoung@Contoso.com', primary: true }],
        meta: { resourceType: 'User' },
        name: { familyName: 'Young', givenName: 'Joy' },
        phoneNumbers: null,
        preferredLanguage: null,
        title: null,
        department: 'Sales',
        manager: null,
      },
      {
        schemas: [USER, ENTERPRISE],
        externalId: 'jyoung',
        userName: 'jyoung@testuser.com',
        active: true,
        displayName: 'Joy Young',
        emails: [{ type: 'work', value: 'jyoung@Contoso.com', primary: true }],
        name: { familyName: 'Young', givenName: 'Joy' },
        [ENTERPRISE]: { department: 'Sales' },
      },
    ],
    [
      "OneLogin's starter template (3.2): 1.1 URNs, emails as an object, unresolved manager placeholders",
      'onelogin',
      {
        schemas: ['urn:scim:schemas:core:1.0', 'urn:scim:schemas:extension:enterprise:1.0'],
        userName: 'ada@example.com',
        name: { familyName: 'Lovelace', givenName: 'Ada', formatted: 'Ada Lovelace' },
        emails: { value: 'ada@example.com', type: 'work', primary: true },
        title: '{$parameters.title}',
        'urn:scim:schemas:extension:enterprise:1.0': {
          department: 'Engineering',
          manager: {
            managerId: '{$parameters.external_manager_id}',
            displayName: '{$user.manager_firstname} {$user.manager_lastname}',
          },
        },
      },
      {
        schemas: [USER, ENTERPRISE],
        userName: 'ada@example.com',
        name: { familyName: 'Lovelace', givenName: 'Ada', formatted: 'Ada Lovelace' },
        emails: [{ value: 'ada@example.com', type: 'work', primary: true }],
        [ENTERPRISE]: { department: 'Engineering' },
      },
    ],
    [
      'OneLogin 2.0 template in the wild (3.2): "active" as a string, "id": null, client meta, "" placeholders',
      'onelogin',
      {
        [ENTERPRISE]: { department: '', manager: { managerId: 'mgr-1', displayName: 'Grace Hopper' } },
        active: 'true',
        emails: [{ value: 'ada@example.com', type: 'work', primary: true }],
        meta: { resourceType: 'User' },
        name: { familyName: 'Lovelace', givenName: 'Ada', formatted: '' },
        userName: 'ada@example.com',
        id: null,
        schemas: [USER],
      },
      {
        schemas: [USER, ENTERPRISE],
        [ENTERPRISE]: { manager: { value: 'mgr-1', displayName: 'Grace Hopper' } },
        active: true,
        emails: [{ value: 'ada@example.com', type: 'work', primary: true }],
        name: { familyName: 'Lovelace', givenName: 'Ada' },
        userName: 'ada@example.com',
      },
    ],
  ])('%s', (_name, provider, body, expected) => {
    const normalized = normalizeResourceBody(body, 'User', provider as 'okta');
    expect(normalized).toEqual(expected);
    expect(Object.keys(normalized)[0]).toBe('schemas');
  });

  it('normalizes an Entra group: ADSCIM schema id kept, meta dropped', () => {
    const adscim = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';
    const body = {
      schemas: [GROUP, adscim],
      externalId: '8aa1a0c0',
      displayName: 'Sales',
      meta: { resourceType: 'Group' },
    };
    expect(normalizeResourceBody(body, 'Group', 'entra')).toEqual({
      schemas: [GROUP, adscim],
      externalId: '8aa1a0c0',
      displayName: 'Sales',
    });
  });

  it('normalizes members: "$ref": null dropped, bare ids and Value casing accepted, empty list absent', () => {
    const body = {
      displayName: 'Eng',
      members: [{ $ref: null, value: 'u1' }, 'u2', { Value: 'u3', Display: 'Carol' }, null],
    };
    expect(normalizeResourceBody(body, 'Group', 'generic_scim_v2')).toEqual({
      schemas: [GROUP],
      displayName: 'Eng',
      members: [{ value: 'u1' }, { value: 'u2' }, { value: 'u3', display: 'Carol' }],
    });
    expect(normalizeResourceBody({ displayName: 'Eng', members: [] }, 'Group')).toEqual({
      schemas: [GROUP],
      displayName: 'Eng',
    });
  });
});

describe('normalizeResourceBody: tolerance rules', () => {
  it('writes attribute and sub-attribute names in schema casing and coerces every boolean the schema declares', () => {
    const body = {
      UserName: 'a@example.com',
      ACTIVE: 'False',
      Name: { GivenName: 'A', FAMILYNAME: 'B' },
      Emails: [{ Value: 'a@example.com', Primary: 'True', Type: 'work' }],
      phoneNumbers: { value: '+1 555', type: 'work', primary: 'false' },
    };
    expect(normalizeResourceBody(body, 'User')).toEqual({
      schemas: [USER],
      userName: 'a@example.com',
      active: false,
      name: { givenName: 'A', familyName: 'B' },
      emails: [{ value: 'a@example.com', primary: true, type: 'work' }],
      phoneNumbers: [{ value: '+1 555', type: 'work', primary: false }],
    });
  });

  it.each([
    ['a bare-string manager', { [ENTERPRISE]: { manager: 'boss-id' } }],
    ['a 1.1 managerId', { [ENTERPRISE]: { manager: { managerId: 'boss-id' } } }],
    ['a top-level manager (Entra legacy mapping)', { manager: 'boss-id' }],
    ['a URN-qualified key', { [`${ENTERPRISE}:manager`]: { value: 'boss-id' } }],
  ])('turns %s into the enterprise manager {"value"}', (_name, extra) => {
    const normalized = normalizeResourceBody({ userName: 'a', ...extra }, 'User');
    expect(normalized).toEqual({
      schemas: [USER, ENTERPRISE],
      userName: 'a',
      [ENTERPRISE]: { manager: { value: 'boss-id' } },
    });
  });

  it('treats "" as absent only for templating clients', () => {
    expect(normalizeResourceBody({ userName: 'a', nickName: '' }, 'User', 'okta')).toEqual({
      schemas: [USER],
      userName: 'a',
      nickName: '',
    });
    expect(normalizeResourceBody({ userName: 'a', nickName: '' }, 'User', 'onelogin')).toEqual({
      schemas: [USER],
      userName: 'a',
    });
  });

  it('keeps attributes and extensions the schemas do not know, as sent', () => {
    const custom = 'urn:example:params:scim:schemas:extension:custom:1.0:User';
    const body = { userName: 'a', user_email: 'a@example.com', [custom]: { costCode: 7 } };
    expect(normalizeResourceBody(body, 'User')).toEqual({
      schemas: [USER, custom],
      userName: 'a',
      user_email: 'a@example.com',
      [custom]: { costCode: 7 },
    });
  });

  it('adds missing schemas and maps the 1.1 group URN', () => {
    expect(normalizeResourceBody({ schemas: ['urn:scim:schemas:core:1.0'], displayName: 'G' }, 'Group')).toEqual({
      schemas: [GROUP],
      displayName: 'G',
    });
    expect(normalizeResourceBody({ userName: 'a' }, 'User')).toEqual({ schemas: [USER], userName: 'a' });
  });

  it('never modifies its input', () => {
    const body = {
      schemas: ['urn:scim:schemas:core:1.0'],
      userName: 'a',
      emails: { value: 'a@x' },
      id: null,
      active: 'True',
    };
    const copy = structuredClone(body);
    normalizeResourceBody(body, 'User', 'onelogin');
    expect(body).toEqual(copy);
  });

  it('gives bodies the core accepts as they are', () => {
    const { schemas: _schemas, ...attributes } = normalizeResourceBody(
      { userName: 'a', active: 'False', emails: { value: 'a@x', primary: 'true' }, manager: 'boss' },
      'User',
    );
    const { resource } = applyPatch({}, { Operations: [{ op: 'add', value: attributes }] }, USER_RESOURCE_TYPE);
    expect(resource).toEqual(attributes);
  });

  it.each([
    ['an array body', [], 'invalidSyntax'],
    ['a string body', 'userName=a', 'invalidSyntax'],
    ['a number for a complex attribute', { userName: 'a', name: 5 }, 'invalidValue'],
    ['a scalar enterprise extension', { userName: 'a', [ENTERPRISE]: 'x' }, 'invalidValue'],
  ])('rejects %s', (_name, body, scimType) => {
    const error = captureError(() => normalizeResourceBody(body, 'User'));
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType });
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
