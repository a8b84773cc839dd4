import { scimBaseUrlForIdp, toDirectoryObject } from './directory-object';

const record = {
  id: 'directory_01jd8x',
  tenantId: 'tenant_01jd8x',
  name: 'Acme Okta',
  provider: 'okta',
  state: 'active',
  deprovisioning: 'delete',
  attributeMapping: {},
  roleMapping: {},
  activatedAt: null,
  createdAt: new Date('2026-11-22T10:00:00Z'),
  updatedAt: new Date('2026-11-22T11:00:00Z'),
};

describe('toDirectoryObject', () => {
  it('is snake_case with RFC 3339 timestamps and the SCIM base URL', () => {
    expect(toDirectoryObject(record, 'https://scim.example.com')).toEqual({
      object: 'directory',
      id: 'directory_01jd8x',
      tenant_id: 'tenant_01jd8x',
      name: 'Acme Okta',
      provider: 'okta',
      state: 'active',
      deprovisioning: 'delete',
      scim_base_url: 'https://scim.example.com/scim/v2/directory_01jd8x',
      attribute_mapping: {},
      role_mapping: {},
      activated_at: null,
      created_at: '2026-11-22T10:00:00.000Z',
      updated_at: '2026-11-22T11:00:00.000Z',
    });
  });

  it('points SCIM 1.1 directories at /scim/v1 and polled ones nowhere', () => {
    expect(toDirectoryObject({ ...record, provider: 'generic_scim_v1' }, 'http://h').scim_base_url).toBe(
      'http://h/scim/v1/directory_01jd8x',
    );
    expect(toDirectoryObject({ ...record, provider: 'google_workspace' }, 'http://h').scim_base_url).toBeNull();
  });
});

describe('scimBaseUrlForIdp', () => {
  it('spells the directory id without "_" for Okta only', () => {
    expect(scimBaseUrlForIdp(record, 'http://h')).toBe('http://h/scim/v2/directory-01jd8x');
    expect(scimBaseUrlForIdp({ ...record, provider: 'entra' }, 'http://h')).toBe('http://h/scim/v2/directory_01jd8x');
  });
});
