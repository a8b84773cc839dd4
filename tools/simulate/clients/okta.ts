import {
  type ClientDialect,
  type ClientHeaders,
  displayName,
  filterQuery,
  type GroupSpec,
  lookup,
  OK_OR_NO_CONTENT,
  patchBody,
  type Person,
  scimRequest,
  URNS,
} from './client-dialect';

// Okta OIN template app (idp-quirks.md section 1): GET-then-PUT profile updates,
// PATCH for (de)activation and group push, never DELETE /Users.
const CLIENT: ClientHeaders = {
  userAgent: 'Okta SCIM Client 1.0.0',
  contentType: 'application/scim+json; charset=utf-8',
};

function userBody(person: Person, active: boolean): Record<string, unknown> {
  return {
    schemas: [URNS.user],
    userName: person.userName,
    name: { givenName: person.givenName, familyName: person.familyName },
    emails: [{ primary: true, value: person.email, type: 'work' }],
    displayName: displayName(person),
    title: person.title,
    locale: 'en-US',
    externalId: person.externalId,
    groups: [],
    active,
  };
}

function setActive(person: Person, active: boolean, verb: string) {
  return [
    scimRequest(CLIENT, {
      name: `${verb} ${person.key}: PATCH with a path-less value`,
      method: 'PATCH',
      path: `/Users/{{${person.key}}}`,
      body: patchBody({ op: 'replace', value: { active } }),
      status: OK_OR_NO_CONTENT,
    }),
  ];
}

// "The group name update operation is triggered each time there is a group membership update."
function redundantRename(group: GroupSpec) {
  return scimRequest(CLIENT, {
    name: `re-send the name of ${group.key} (Okta does on every membership change)`,
    method: 'PATCH',
    path: `/Groups/{{${group.key}}}`,
    body: patchBody({ op: 'replace', value: { id: `{{${group.key}}}`, displayName: group.displayName } }),
    status: OK_OR_NO_CONTENT,
  });
}

function membersPatch(group: GroupSpec, name: string, operations: unknown[]) {
  return [
    redundantRename(group),
    scimRequest(CLIENT, {
      name,
      method: 'PATCH',
      path: `/Groups/{{${group.key}}}`,
      body: patchBody(...operations),
      status: OK_OR_NO_CONTENT,
    }),
  ];
}

const member = (person: Person) => ({ value: `{{${person.key}}}`, display: person.userName });

export const okta: ClientDialect = {
  provider: 'okta',
  dialect: 'okta',
  scimVersion: '2.0',
  title: 'Okta (OIN SCIM 2.0 template app, PATCH enabled)',
  confidence: 'documented',
  sources: [
    'developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20 (okta/okta-developer-docs reference/scim/scim-20/index.md)',
    'developer.okta.com SCIM FAQ (concepts/scim/faqs/index.md)',
    'oktadeveloper/okta-blog-archive PR #1956 (raw request headers)',
    'Delinea "Okta SCIM Endpoint Reference" (count=2 test-connection call)',
    'Roster research notes, idp-quirks.md section 1',
  ],
  notes: [
    'User profile changes are GET-then-PUT of the full user, echoing id, groups and meta.',
    'Deactivation and reactivation are PATCH with a path-less {"active": false|true}; Okta never sends DELETE /Users.',
    'Every membership PATCH is preceded by a PATCH re-sending the group name with its id inside the value.',
  ],
  deprovisioning: 'PATCH {"active": false} (Okta never deletes users)',
  probe: () => [
    scimRequest(CLIENT, {
      name: 'test connection: list users',
      method: 'GET',
      path: '/Users?startIndex=1&count=2',
      status: 200,
    }),
    scimRequest(CLIENT, {
      name: 'test connection: list groups',
      method: 'GET',
      path: '/Groups?startIndex=1&count=100',
      status: 200,
    }),
  ],
  createUser: (person) => [
    lookup(
      CLIENT,
      `assign ${person.key}: existence check`,
      'Users',
      `filter=${filterQuery(`userName eq "${person.userName}"`, 'percent')}&startIndex=1&count=100`,
    ),
    scimRequest(CLIENT, {
      name: `assign ${person.key}: create`,
      method: 'POST',
      path: '/Users',
      body: { ...userBody(person, true), password: 'xT7$kq2Lr9' },
      status: 201,
      capture: { [person.key]: 'id' },
    }),
  ],
  updateUser: (_before, after) => [
    scimRequest(CLIENT, {
      name: `profile push ${after.key}: read`,
      method: 'GET',
      path: `/Users/{{${after.key}}}`,
      status: 200,
    }),
    scimRequest(CLIENT, {
      name: `profile push ${after.key}: replace the whole user`,
      method: 'PUT',
      path: `/Users/{{${after.key}}}`,
      body: { ...userBody(after, true), id: `{{${after.key}}}`, meta: { resourceType: 'User' } },
      status: 200,
    }),
  ],
  deprovisionUser: (person) => setActive(person, false, 'deactivate'),
  reactivateUser: (person) => setActive(person, true, 'reactivate'),
  createGroup: (group, members) => [
    scimRequest(CLIENT, {
      name: `push ${group.key}: create`,
      method: 'POST',
      path: '/Groups',
      body: { schemas: [URNS.group], displayName: group.displayName, members: [] },
      status: 201,
      capture: { [group.key]: 'id' },
    }),
    ...membersPatch(group, `push ${group.key}: add its members`, [
      { op: 'add', path: 'members', value: members.map(member) },
    ]),
  ],
  addMembers: (group, added) =>
    membersPatch(group, `push ${group.key}: add ${added.map((p) => p.key).join(', ')}`, [
      { op: 'add', path: 'members', value: added.map(member) },
    ]),
  removeMembers: (group, removed) =>
    membersPatch(
      group,
      `push ${group.key}: remove ${removed.map((p) => p.key).join(', ')}`,
      removed.map((person) => ({ op: 'remove', path: `members[value eq "{{${person.key}}}"]` })),
    ),
  renameGroup: (group, renamed) => [
    scimRequest(CLIENT, {
      name: `push ${group.key}: rename`,
      method: 'PATCH',
      path: `/Groups/{{${group.key}}}`,
      body: patchBody({ op: 'replace', value: { id: `{{${group.key}}}`, displayName: renamed.displayName } }),
      status: OK_OR_NO_CONTENT,
    }),
  ],
  deleteGroup: (group) => [
    scimRequest(CLIENT, {
      name: `unlink ${group.key}: delete in the app`,
      method: 'DELETE',
      path: `/Groups/{{${group.key}}}`,
      status: 204,
    }),
  ],
};
