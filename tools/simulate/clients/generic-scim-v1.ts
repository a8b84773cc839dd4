import { lookup } from './client-dialect';
import { rfcClient } from './rfc-client';

// A SCIM 1.1 client (Okta's 1.1 template, PingFederate or JumpCloud set to 1.1): PUT only.
export const genericScimV1 = rfcClient({
  client: { userAgent: 'scim-client/1.1', contentType: 'application/json' },
  metadata: {
    provider: 'generic_scim_v1',
    dialect: 'generic_scim_v1',
    scimVersion: '1.1',
    title: 'Generic SCIM 1.1 client (draft-scim-api-01, PUT-only updates)',
    confidence: 'documented',
    sources: [
      'SCIM 1.1 core schema and API (simplecloud.info specs, draft-scim-core-schema-01, draft-scim-api-01)',
      'developer.okta.com/docs/api/openapi/okta-scim/guides/scim-11 (okta-developer-docs reference/scim/scim-11)',
      'Roster research notes, idp-quirks.md section 11',
    ],
    notes: [
      'Paths hang off /scim/v1/{directoryId}. Every change, group membership included, is a PUT of the whole resource.',
    ],
  },
  probe: (client) => [lookup(client, 'discover: list users', 'Users', 'startIndex=1&count=2')],
  userLookup: (person) => `userName eq "${person.userName}"`,
  userUpdate: 'put',
  deprovision: 'put',
  groupLookup: 'filter',
  groupCreate: 'with-members',
  membership: 'put',
  sendsExternalId: true,
});
