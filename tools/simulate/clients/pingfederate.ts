import { scimRequest } from './client-dialect';
import { rfcClient } from './rfc-client';

// PingFederate SCIM Provisioner (idp-quirks.md section 7).
export const pingfederate = rfcClient({
  client: { contentType: 'application/json' },
  metadata: {
    provider: 'pingfederate',
    dialect: 'pingfederate',
    scimVersion: '2.0',
    title: 'PingFederate SCIM Provisioner (SCIM 2.0, PATCH for groups only, Remove User Action = Disable)',
    confidence: 'partly documented',
    sources: [
      'docs.pingidentity.com/integrations/scim (pf_scim_connector, settings reference, user and group management)',
      'PingFederate admin guide, "Defining a provisioning target"',
      'PingFederate GitHub EMU provisioner page (GET /Users/0 connection check)',
      'Roster research notes, idp-quirks.md section 7',
    ],
    notes: [
      'PATCH for users: No, so user updates and disabling are PUT of the whole mapped user. PATCH for groups: Yes.',
      'Groups are not filtered: the provisioner lists every group and matches client-side.',
      'A GET /Users/0 connection check (404 expected) is documented for the GitHub EMU variant; included as a probe.',
      'UNCONFIRMED: User-Agent (none assumed), group create carrying its members.',
    ],
  },
  probe: (client) => [
    scimRequest(client, {
      name: 'connection check: a user that cannot exist',
      method: 'GET',
      path: '/Users/0',
      status: 404,
    }),
  ],
  userLookup: (person) => `userName eq "${person.userName}"`,
  userUpdate: 'put',
  deprovision: 'put',
  groupLookup: 'list',
  groupCreate: 'with-members',
  membership: 'add-remove-value',
  sendsExternalId: false,
});
