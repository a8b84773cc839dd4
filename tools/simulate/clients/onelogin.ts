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

// OneLogin "SCIM Provisioner with SAML (SCIM v2 Enterprise)" rendering its own
// starter template (idp-quirks.md section 3): 1.1 URNs, emails as an object,
// unresolved placeholders for a manager the user lacks. Deprovisioning action
// "Delete", so reactivation creates the user again.
const CLIENT: ClientHeaders = { userAgent: 'OneLogin SCIM', contentType: 'application/scim+json' };

// The starter template as OneLogin renders it for a user without a manager.
function renderedTemplate(person: Person): Record<string, unknown> {
  return {
    schemas: [URNS.v1Core, URNS.v1Enterprise],
    userName: person.userName,
    name: { familyName: person.familyName, givenName: person.givenName, formatted: displayName(person) },
    emails: { value: person.email, type: 'work', primary: true },
    displayName: displayName(person),
    title: person.title,
    active: 'true',
    [URNS.v1Enterprise]: {
      department: 'Engineering',
      manager: {
        managerId: '{$parameters.external_manager_id}',
        displayName: '{$user.manager_firstname} {$user.manager_lastname}',
      },
    },
  };
}

const member = (person: Person) => ({ value: `{{${person.key}}}` });

function create(person: Person, verb: string) {
  return [
    lookup(
      CLIENT,
      `${verb} ${person.key}: get user by userName`,
      'Users',
      `filter=${filterQuery(`userName eq "${person.userName}"`, 'percent')}`,
    ),
    scimRequest(CLIENT, {
      name: `${verb} ${person.key}: create user`,
      method: 'POST',
      path: '/Users',
      body: renderedTemplate(person),
      status: 201,
      capture: { [person.key]: 'id' },
    }),
  ];
}

const patchGroup = (name: string, key: string, operations: unknown[]) =>
  scimRequest(CLIENT, {
    name,
    method: 'PATCH',
    path: `/Groups/{{${key}}}`,
    body: patchBody(...operations),
    status: OK_OR_NO_CONTENT,
  });

export const onelogin: ClientDialect = {
  provider: 'onelogin',
  dialect: 'onelogin',
  scimVersion: '2.0',
  title:
    'OneLogin (SCIM Provisioner with SAML, SCIM v2 Enterprise, starter JSON template, deprovisioning action "Delete")',
  confidence: 'partly documented',
  sources: [
    'developers.onelogin.com/scim/define-user-schema (the Enterprise User Schema starter template)',
    'developers.onelogin.com/scim/implement-scim-api (the calls OneLogin makes; non-existent userName probe)',
    "Docker's OneLogin setup guide (User-Agent set through Custom Headers)",
    '15five/django-scim2 OneLogin adapter (emails sent as an object)',
    'Roster research notes, idp-quirks.md section 3',
  ],
  notes: [
    'Bodies are the admin-editable template rendered per user; this one adds displayName, title and active to the starter template.',
    'The User-Agent is whatever the admin sets in Custom Headers; "OneLogin SCIM" follows the Docker guide.',
    'UNCONFIRMED shapes: user updates as PUT of the rendered template, group PATCH bodies (RFC 7644 shapes assumed).',
  ],
  deprovisioning: 'DELETE /Users/{id} (deprovisioning action "Delete")',
  probe: () => [
    lookup(
      CLIENT,
      'test connection: get a user that does not exist',
      'Users',
      `filter=${filterQuery('userName eq "onelogin-connection-test@example.invalid"', 'percent')}`,
    ),
  ],
  createUser: (person) => create(person, 'provision'),
  updateUser: (_before, after) => [
    scimRequest(CLIENT, {
      name: `update ${after.key}: PUT the rendered template`,
      method: 'PUT',
      path: `/Users/{{${after.key}}}`,
      body: renderedTemplate(after),
      status: 200,
    }),
  ],
  deprovisionUser: (person) => [
    scimRequest(CLIENT, {
      name: `deprovision ${person.key}: delete user`,
      method: 'DELETE',
      path: `/Users/{{${person.key}}}`,
      status: 204,
    }),
  ],
  reactivateUser: (person) => create(person, 're-provision'),
  createGroup: (group, members) => [
    scimRequest(CLIENT, { name: 'refresh entitlements: get groups', method: 'GET', path: '/Groups', status: 200 }),
    scimRequest(CLIENT, {
      name: `create ${group.key}`,
      method: 'POST',
      path: '/Groups',
      body: { schemas: [URNS.group], displayName: group.displayName },
      status: 201,
      capture: { [group.key]: 'id' },
    }),
    patchGroup(`patch ${group.key}: add members`, group.key, [
      { op: 'add', path: 'members', value: members.map(member) },
    ]),
  ],
  addMembers: (group, added) => [
    patchGroup(`patch ${group.key}: add members`, group.key, [
      { op: 'add', path: 'members', value: added.map(member) },
    ]),
  ],
  removeMembers: (group, removed) => [
    patchGroup(`patch ${group.key}: remove members`, group.key, [
      { op: 'remove', path: 'members', value: removed.map(member) },
    ]),
  ],
  renameGroup: (group, renamed) => [
    patchGroup(`patch ${group.key}: rename`, group.key, [
      { op: 'replace', path: 'displayName', value: renamed.displayName },
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
