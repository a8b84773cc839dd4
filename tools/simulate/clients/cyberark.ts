import { lookup } from './client-dialect';
import { rfcClient } from './rfc-client';

// CyberArk Identity (Idaptive) generic SCIM provisioning (idp-quirks.md section 8: unconfirmed).
export const cyberark = rfcClient({
  client: { contentType: 'application/scim+json' },
  metadata: {
    provider: 'cyberark',
    dialect: 'cyberark',
    scimVersion: '2.0',
    title: 'CyberArk Identity (generic SCIM provisioning, SCIM 2.0)',
    confidence: 'undocumented',
    sources: ['Roster research notes, idp-quirks.md section 8 (no primary material found)'],
    notes: [
      'Nothing primary was found on what CyberArk sends. This story exercises the PUT-for-users and whole-list member replace shapes a generic client may use; verify against a live capture.',
    ],
  },
  probe: (client) => [lookup(client, 'connection check: list users', 'Users', 'startIndex=1&count=1')],
  userLookup: (person) => `userName eq "${person.userName}"`,
  userUpdate: 'put',
  deprovision: 'put',
  groupLookup: 'filter',
  groupCreate: 'then-add',
  membership: 'replace-all',
  sendsExternalId: true,
});
