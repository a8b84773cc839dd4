import {
  type ClientDialect,
  type ClientHeaders,
  displayName,
  filterQuery,
  lookup,
  OK_OR_NO_CONTENT,
  patchBody,
  type Person,
  scimRequest,
  URNS,
} from './client-dialect';

// Microsoft Entra ID, non-gallery app without the aadOptscim062020 flag (the
// documented default; idp-quirks.md section 2): capitalized PATCH ops, "True"/
// "False" strings, value-array member removes, members never in the group POST.
const CLIENT: ClientHeaders = { contentType: 'application/scim+json' };
const ADSCIM_GROUP = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

const patch = (name: string, path: string, operations: unknown[]) =>
  scimRequest(CLIENT, { name, method: 'PATCH', path, body: patchBody(...operations), status: OK_OR_NO_CONTENT });

const member = (person: Person) => ({ $ref: null, value: `{{${person.key}}}` });

// One Replace per changed attribute, in Entra's attribute-mapping order.
function changedAttributes(before: Person, after: Person): unknown[] {
  const operations: unknown[] = [];
  if (before.title !== after.title) operations.push({ op: 'Replace', path: 'title', value: after.title });
  if (before.familyName !== after.familyName)
    operations.push({ op: 'Replace', path: 'name.familyName', value: after.familyName });
  if (displayName(before) !== displayName(after))
    operations.push({ op: 'Replace', path: 'displayName', value: displayName(after) });
  // Entra re-sends values each cycle; an unchanged re-send carries the current value.
  return operations.length > 0 ? operations : [{ op: 'Replace', path: 'title', value: after.title }];
}

export const entra: ClientDialect = {
  provider: 'entra',
  dialect: 'entra',
  scimVersion: '2.0',
  title: 'Microsoft Entra ID (non-gallery "scim" job, default PATCH behaviour without aadOptscim062020)',
  confidence: 'documented',
  sources: [
    'learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups (MicrosoftDocs/entra-docs)',
    'learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility',
    'AzureAD/SCIMReferenceCode issue #63 (form-encoded probe filter)',
    'ssoready/ssoready PR #182 (Remove members with a value array)',
    'Roster research notes, idp-quirks.md section 2',
  ],
  notes: [
    'Entra sends no documented User-Agent; the request log recognizes it by shape.',
    'Each cycle starts with a filter on a random GUID, form-encoded (+ for spaces), expecting 200 and an empty list.',
    'Unassigning a user is PATCH active "False"; Entra DELETEs only 30 days after a hard delete.',
    'Groups are created without members; members follow in PATCH Add with "$ref": null.',
  ],
  deprovisioning: 'PATCH Replace active "False" (unassignment)',
  probe: () => [
    lookup(
      CLIENT,
      'test connection: random GUID probe',
      'Users',
      `filter=${filterQuery('userName eq "cf4d78e8-cc4f-4d5d-b8b9-183561c0104a"', 'form')}`,
    ),
  ],
  createUser: (person) => [
    lookup(
      CLIENT,
      `provision ${person.key}: match on userName`,
      'Users',
      `filter=${filterQuery(`userName eq "${person.userName}"`, 'form')}`,
    ),
    scimRequest(CLIENT, {
      name: `provision ${person.key}: create`,
      method: 'POST',
      path: '/Users',
      body: {
        schemas: [URNS.user, URNS.enterprise],
        externalId: person.externalId,
        userName: person.userName,
        active: true,
        displayName: displayName(person),
        title: person.title,
        emails: [{ primary: true, type: 'work', value: person.email }],
        meta: { resourceType: 'User' },
        name: { familyName: person.familyName, givenName: person.givenName },
        roles: [],
      },
      status: 201,
      capture: { [person.key]: 'id' },
    }),
  ],
  updateUser: (before, after) => [
    patch(`update ${after.key}`, `/Users/{{${after.key}}}`, changedAttributes(before, after)),
  ],
  deprovisionUser: (person) => [
    patch(`unassign ${person.key}`, `/Users/{{${person.key}}}`, [{ op: 'Replace', path: 'active', value: 'False' }]),
  ],
  reactivateUser: (person) => [
    patch(`re-assign ${person.key}`, `/Users/{{${person.key}}}`, [{ op: 'Replace', path: 'active', value: 'True' }]),
  ],
  createGroup: (group, members) => [
    lookup(
      CLIENT,
      `provision ${group.key}: match on displayName`,
      'Groups',
      `excludedAttributes=members&filter=${filterQuery(`displayName eq "${group.displayName}"`, 'form')}`,
    ),
    scimRequest(CLIENT, {
      name: `provision ${group.key}: create (no members)`,
      method: 'POST',
      path: '/Groups',
      body: {
        schemas: [URNS.group, ADSCIM_GROUP],
        externalId: group.externalId,
        displayName: group.displayName,
        meta: { resourceType: 'Group' },
      },
      status: 201,
      capture: { [group.key]: 'id' },
    }),
    patch(`provision ${group.key}: add members`, `/Groups/{{${group.key}}}`, [
      { op: 'Add', path: 'members', value: members.map(member) },
    ]),
  ],
  addMembers: (group, added) => [
    patch(`update ${group.key}: add members`, `/Groups/{{${group.key}}}`, [
      { op: 'Add', path: 'members', value: added.map(member) },
    ]),
  ],
  removeMembers: (group, removed) => [
    patch(`update ${group.key}: remove members`, `/Groups/{{${group.key}}}`, [
      { op: 'Remove', path: 'members', value: removed.map(member) },
    ]),
  ],
  renameGroup: (group, renamed) => [
    patch(`update ${group.key}: rename`, `/Groups/{{${group.key}}}`, [
      { op: 'Replace', path: 'displayName', value: renamed.displayName },
    ]),
  ],
  deleteGroup: (group) => [
    scimRequest(CLIENT, {
      name: `delete ${group.key}`,
      method: 'DELETE',
      path: `/Groups/{{${group.key}}}`,
      status: 204,
    }),
  ],
};
