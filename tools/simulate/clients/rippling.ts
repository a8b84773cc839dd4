import { lookup } from './client-dialect';
import { rfcClient } from './rfc-client';

// Rippling custom app with "User Management via SCIM" (idp-quirks.md section 6).
export const rippling = rfcClient({
  client: { contentType: 'application/scim+json' },
  metadata: {
    provider: 'rippling',
    dialect: 'rippling',
    scimVersion: '2.0',
    title: 'Rippling (custom app, User Management via SCIM, SCIM 2.0)',
    confidence: 'undocumented',
    sources: [
      'workos.com/docs/integrations/rippling-scim (set-up only)',
      'authn.sh SCIM attribute-mapping concept page (matching on an emails filter; unconfirmed)',
      'Roster research notes, idp-quirks.md section 6',
    ],
    notes: [
      'No vendor material on Rippling request bodies was found: apart from the emails[...] lookup, the shapes are plain RFC 7644 PATCH. Verify against a live capture.',
    ],
  },
  probe: (client) => [lookup(client, 'connection check: list users', 'Users', 'startIndex=1&count=1')],
  userLookup: (person) => `emails[type eq "work"].value eq "${person.email}"`,
  userUpdate: 'patch',
  deprovision: 'patch',
  groupLookup: 'filter',
  groupCreate: 'then-add',
  membership: 'add-remove-value',
  sendsExternalId: false,
});
