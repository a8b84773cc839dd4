import { lookup } from './client-dialect';
import { rfcClient } from './rfc-client';

// PingOne outbound SCIM connector (idp-quirks.md section 7: behaviour unconfirmed).
export const pingone = rfcClient({
  client: { contentType: 'application/scim+json' },
  metadata: {
    provider: 'pingone',
    dialect: 'pingone',
    scimVersion: '2.0',
    title: 'PingOne (outbound SCIM provisioning connector, SCIM 2.0)',
    confidence: 'undocumented',
    sources: [
      'docs.pingidentity.com/integrations/scim (connector overview only)',
      'Roster research notes, idp-quirks.md section 7',
    ],
    notes: [
      'No material on the outbound PingOne connector request bodies was found: these are RFC 7644 shapes with filtered member removes. Verify against a live capture.',
    ],
  },
  probe: (client) => [lookup(client, 'connection check: list users', 'Users', 'startIndex=1&count=1')],
  userLookup: (person) => `userName eq "${person.userName}"`,
  userUpdate: 'patch',
  deprovision: 'patch',
  groupLookup: 'filter',
  groupCreate: 'then-add',
  membership: 'add-remove-filter',
  sendsExternalId: true,
});
