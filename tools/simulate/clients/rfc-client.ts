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
import type { StoryRequest } from '../story-format';

/** The choices RFC 7644 leaves to a client, which the plainer IdPs make differently. */
export interface RfcClientOptions {
  readonly client: ClientHeaders;
  readonly metadata: Pick<
    ClientDialect,
    'provider' | 'dialect' | 'scimVersion' | 'title' | 'confidence' | 'sources' | 'notes'
  >;
  readonly probe: (client: ClientHeaders) => StoryRequest[];
  /** The filter of the existence check before a create. */
  readonly userLookup: (person: Person) => string;
  readonly userUpdate: 'patch' | 'put';
  readonly deprovision: 'patch' | 'put' | 'delete';
  readonly groupLookup: 'filter' | 'list';
  readonly groupCreate: 'with-members' | 'then-add';
  readonly membership: 'add-remove-value' | 'add-remove-filter' | 'replace-all' | 'put';
  readonly sendsExternalId: boolean;
}

/** A SCIM client speaking plain RFC 7644, shaped by `options`. */
export function rfcClient(options: RfcClientOptions): ClientDialect {
  const { client } = options;
  const userPath = (person: Person) => `/Users/{{${person.key}}}`;
  const groupPath = (group: GroupSpec) => `/Groups/{{${group.key}}}`;
  const member = (person: Person) => ({ value: `{{${person.key}}}` });

  const userBody = (person: Person, active: boolean): Record<string, unknown> => ({
    schemas: [options.metadata.scimVersion === '1.1' ? URNS.v1Core : URNS.user],
    ...(options.sendsExternalId ? { externalId: person.externalId } : {}),
    userName: person.userName,
    name: { givenName: person.givenName, familyName: person.familyName },
    displayName: displayName(person),
    title: person.title,
    emails: [{ value: person.email, type: 'work', primary: true }],
    active,
  });
  const groupBody = (group: GroupSpec, members: readonly Person[]): Record<string, unknown> => ({
    schemas: [options.metadata.scimVersion === '1.1' ? URNS.v1Core : URNS.group],
    ...(options.sendsExternalId ? { externalId: group.externalId } : {}),
    displayName: group.displayName,
    members: members.map(member),
  });

  const patch = (name: string, path: string, operations: unknown[]) =>
    scimRequest(client, { name, method: 'PATCH', path, body: patchBody(...operations), status: OK_OR_NO_CONTENT });
  const putUser = (name: string, person: Person, active: boolean) =>
    scimRequest(client, { name, method: 'PUT', path: userPath(person), body: userBody(person, active), status: 200 });
  const putGroup = (name: string, group: GroupSpec, members: readonly Person[]) =>
    scimRequest(client, { name, method: 'PUT', path: groupPath(group), body: groupBody(group, members), status: 200 });

  const create = (person: Person, verb: string): StoryRequest[] => [
    lookup(
      client,
      `${verb} ${person.key}: existence check`,
      'Users',
      `filter=${filterQuery(options.userLookup(person), 'percent')}`,
    ),
    scimRequest(client, {
      name: `${verb} ${person.key}: create`,
      method: 'POST',
      path: '/Users',
      body: userBody(person, true),
      status: 201,
      capture: { [person.key]: 'id' },
    }),
  ];

  const setActive = (person: Person, active: boolean, verb: string): StoryRequest[] => {
    if (options.deprovision === 'delete') {
      return active
        ? create(person, verb)
        : [
            scimRequest(client, {
              name: `${verb} ${person.key}: delete`,
              method: 'DELETE',
              path: userPath(person),
              status: 204,
            }),
          ];
    }
    if (options.deprovision === 'put')
      return [putUser(`${verb} ${person.key}: PUT with active ${active}`, person, active)];
    return [patch(`${verb} ${person.key}`, userPath(person), [{ op: 'replace', path: 'active', value: active }])];
  };

  const changeMembers = (
    group: GroupSpec,
    name: string,
    kind: 'add' | 'remove',
    changed: readonly Person[],
    members: readonly Person[],
  ) => {
    switch (options.membership) {
      case 'put':
        return [putGroup(name, group, members)];
      case 'replace-all':
        return [patch(name, groupPath(group), [{ op: 'replace', path: 'members', value: members.map(member) }])];
      case 'add-remove-filter':
        if (kind === 'remove') {
          return [
            patch(
              name,
              groupPath(group),
              changed.map((person) => ({ op: 'remove', path: `members[value eq "{{${person.key}}}"]` })),
            ),
          ];
        }
        return [patch(name, groupPath(group), [{ op: 'add', path: 'members', value: changed.map(member) }])];
      case 'add-remove-value':
        return [patch(name, groupPath(group), [{ op: kind, path: 'members', value: changed.map(member) }])];
    }
  };

  return {
    ...options.metadata,
    deprovisioning: {
      patch: 'PATCH replace active false',
      put: 'PUT of the whole user with active false',
      delete: 'DELETE /Users/{id}',
    }[options.deprovision],
    probe: () => options.probe(client),
    createUser: (person) => create(person, 'provision'),
    updateUser: (before, after) => {
      if (options.userUpdate === 'put') return [putUser(`update ${after.key}: PUT the whole user`, after, true)];
      const operations: unknown[] = [];
      if (before.title !== after.title) operations.push({ op: 'replace', path: 'title', value: after.title });
      if (before.familyName !== after.familyName)
        operations.push({ op: 'replace', path: 'name.familyName', value: after.familyName });
      if (displayName(before) !== displayName(after))
        operations.push({ op: 'replace', path: 'displayName', value: displayName(after) });
      if (operations.length === 0) operations.push({ op: 'replace', path: 'title', value: after.title });
      return [patch(`update ${after.key}`, userPath(after), operations)];
    },
    deprovisionUser: (person) => setActive(person, false, 'deprovision'),
    reactivateUser: (person) => setActive(person, true, 'reactivate'),
    createGroup: (group, members) => {
      const find =
        options.groupLookup === 'list'
          ? scimRequest(client, {
              name: `find ${group.key}: list every group`,
              method: 'GET',
              path: '/Groups?startIndex=1&count=100',
              status: 200,
            })
          : lookup(
              client,
              `find ${group.key}: by displayName`,
              'Groups',
              `filter=${filterQuery(`displayName eq "${group.displayName}"`, 'percent')}`,
            );
      const inline = options.groupCreate === 'with-members';
      const post = scimRequest(client, {
        name: `create ${group.key}${inline ? ' with its members' : ''}`,
        method: 'POST',
        path: '/Groups',
        body: groupBody(group, inline ? members : []),
        status: 201,
        capture: { [group.key]: 'id' },
      });
      return inline
        ? [find, post]
        : [find, post, ...changeMembers(group, `add the members of ${group.key}`, 'add', members, members)];
    },
    addMembers: (group, added, members) => changeMembers(group, `add to ${group.key}`, 'add', added, members),
    removeMembers: (group, removed, members) =>
      changeMembers(group, `remove from ${group.key}`, 'remove', removed, members),
    renameGroup: (group, renamed, members) =>
      options.membership === 'put'
        ? [putGroup(`rename ${group.key}`, renamed, members)]
        : [
            patch(`rename ${group.key}`, groupPath(group), [
              { op: 'replace', path: 'displayName', value: renamed.displayName },
            ]),
          ],
    deleteGroup: (group) => [
      scimRequest(client, { name: `delete ${group.key}`, method: 'DELETE', path: groupPath(group), status: 204 }),
    ],
  };
}
