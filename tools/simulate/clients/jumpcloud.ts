import { lookup } from './client-dialect';
import { rfcClient } from './rfc-client';

// JumpCloud custom SCIM integration (idp-quirks.md section 4).
export const jumpcloud = rfcClient({
  client: { contentType: 'application/scim+json' },
  metadata: {
    provider: 'jumpcloud',
    dialect: 'jumpcloud',
    scimVersion: '2.0',
    title: 'JumpCloud (custom SCIM integration, SCIM 2.0, group management enabled)',
    confidence: 'partly documented',
    sources: [
      'jumpcloud.com/support "Identity Management using a Custom SCIM Integration" (test user, group takeover, empty groups, DI event names)',
      'boxyhq.com/docs/directory-sync/providers/jumpcloud',
      'uni-moni KB on the JumpCloud PATCH format (value-array member removes)',
      'Roster research notes, idp-quirks.md section 4',
    ],
    notes: [
      'Test Connection creates and deletes a real test user and group; that is left out of this story (see docs/idp/jumpcloud.md).',
      'Empty groups are never created: the group arrives with its members. A group of the same name is taken over (displayName lookup).',
      'Deprovisioning is user_deprovision (set inactive), the default; DELETE only with user_delete_provision.',
      'UNCONFIRMED: User-Agent (none assumed), per-attribute PATCH with path for updates (third-party fixtures).',
    ],
  },
  probe: (client) => [
    lookup(
      client,
      'lookup before provisioning (user_lookup_provision)',
      'Users',
      'filter=userName%20eq%20%22jumpcloud-lookup%40example.invalid%22',
    ),
  ],
  userLookup: (person) => `userName eq "${person.userName}"`,
  userUpdate: 'patch',
  deprovision: 'patch',
  groupLookup: 'filter',
  groupCreate: 'with-members',
  membership: 'add-remove-value',
  sendsExternalId: false,
});
