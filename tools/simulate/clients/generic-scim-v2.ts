import { lookup } from './client-dialect';
import { rfcClient } from './rfc-client';

// A client that follows RFC 7644 to the letter.
export const genericScimV2 = rfcClient({
  client: { userAgent: 'scim-client/2.0', contentType: 'application/scim+json' },
  metadata: {
    provider: 'generic_scim_v2',
    dialect: 'generic_scim_v2',
    scimVersion: '2.0',
    title: 'Generic SCIM 2.0 client (RFC 7643/7644 shapes)',
    confidence: 'documented',
    sources: [
      'RFC 7644 sections 3.3, 3.4.2, 3.5.2 (PATCH add/replace/remove with paths and value filters)',
      'RFC 7643 sections 4.1 and 4.2',
    ],
    notes: ['Groups are created with their members; member removes use members[value eq "..."] paths.'],
  },
  probe: (client) => [lookup(client, 'discover: list users', 'Users', 'startIndex=1&count=1')],
  userLookup: (person) => `userName eq "${person.userName}"`,
  userUpdate: 'patch',
  deprovision: 'patch',
  groupLookup: 'filter',
  groupCreate: 'with-members',
  membership: 'add-remove-filter',
  sendsExternalId: true,
});
