import { expectOk } from './http-json';

/** A SCIM directory to push to: its base URL and bearer token. */
export interface ScimDirectory {
  tenantId: string;
  directoryId: string;
  baseUrl: string;
  token: string;
}

/** Creates a tenant and one directory through the admin API, as a SaaS would. */
export async function createScimDirectory(
  adminUrl: string,
  ingestUrl: string,
  apiKey: string,
  provider = 'okta',
): Promise<ScimDirectory> {
  const tenant = await expectOk<{ id: string }>('POST', `${adminUrl}/v1/tenants`, apiKey, { name: 'Bench Corp' });
  const created = await expectOk<{ directory: { id: string }; scim: { bearer_token: string } }>(
    'POST',
    `${adminUrl}/v1/tenants/${tenant.body.id}/directories`,
    apiKey,
    { name: `Bench ${provider}`, provider },
  );
  const directoryId = created.body.directory.id;
  return {
    tenantId: tenant.body.id,
    directoryId,
    baseUrl: `${ingestUrl}/scim/v2/${directoryId}`,
    token: created.body.scim.bearer_token,
  };
}

/** A core SCIM user, shaped as Okta sends it. */
export function scimUser(userName: string): Record<string, unknown> {
  const [local] = userName.split('@');
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName,
    externalId: `ext-${local}`,
    name: { givenName: 'Bench', familyName: local },
    emails: [{ value: userName, type: 'work', primary: true }],
    displayName: `Bench ${local}`,
    active: true,
  };
}
