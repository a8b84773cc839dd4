import type { StoryConfidence, StoryRequest } from '../story-format';

/** A person as the IdP holds them; each dialect renders its own SCIM shape. */
export interface Person {
  /** Placeholder name of the SCIM id the server assigns (`{{alice}}`). */
  readonly key: string;
  readonly userName: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly title: string;
  /** The IdP's own id for the person (sent as externalId by IdPs that send one). */
  readonly externalId: string;
}

export interface GroupSpec {
  /** Placeholder name of the group's SCIM id (`{{group}}`). */
  readonly key: string;
  readonly displayName: string;
  readonly externalId: string;
}

/**
 * How one IdP talks SCIM, action by action: the request shapes written once and
 * used by the replay fixtures and the simulator. `members` arguments are the
 * group's members after the action, for dialects that send whole lists.
 */
export interface ClientDialect {
  readonly provider: string;
  readonly dialect: string;
  readonly scimVersion: '2.0' | '1.1';
  readonly title: string;
  readonly confidence: StoryConfidence;
  readonly sources: readonly string[];
  readonly notes: readonly string[];
  /** How the IdP deprovisions, in words (for the story's step title). */
  readonly deprovisioning: string;
  probe(): StoryRequest[];
  createUser(person: Person): StoryRequest[];
  updateUser(before: Person, after: Person): StoryRequest[];
  deprovisionUser(person: Person): StoryRequest[];
  reactivateUser(person: Person): StoryRequest[];
  createGroup(group: GroupSpec, members: readonly Person[]): StoryRequest[];
  addMembers(group: GroupSpec, added: readonly Person[], members: readonly Person[]): StoryRequest[];
  removeMembers(group: GroupSpec, removed: readonly Person[], members: readonly Person[]): StoryRequest[];
  renameGroup(group: GroupSpec, renamed: GroupSpec, members: readonly Person[]): StoryRequest[];
  deleteGroup(group: GroupSpec): StoryRequest[];
}

export const URNS = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  v1Core: 'urn:scim:schemas:core:1.0',
  v1Enterprise: 'urn:scim:schemas:extension:enterprise:1.0',
} as const;

/** A write that the server may answer with the resource (200) or nothing (204). */
export const OK_OR_NO_CONTENT = [200, 204] as const;

export function displayName(person: Person): string {
  return `${person.givenName} ${person.familyName}`;
}

/** A filter query as the client encodes it: `percent` (%20), `form` (+) or `raw` (unencoded spaces). */
export function filterQuery(filter: string, encoding: 'percent' | 'form'): string {
  const encoded = encodeURIComponent(filter);
  return encoding === 'percent' ? encoded : encoded.replace(/%20/g, '+');
}

/** A lookup by filter that finds nothing yet (an IdP's existence check before a create). */
export function lookup(client: ClientHeaders, name: string, resource: 'Users' | 'Groups', query: string): StoryRequest {
  return scimRequest(client, { name, method: 'GET', path: `/${resource}?${query}`, status: 200 });
}

export function patchBody(...operations: unknown[]): { schemas: string[]; Operations: unknown[] } {
  return { schemas: [URNS.patchOp], Operations: operations };
}

/** The headers a client sends (the bearer token is added by the sender). */
export interface ClientHeaders {
  readonly userAgent?: string;
  readonly contentType: string;
}

/** Builds a request: the User-Agent always, `content-type` only with a body (as clients do). */
export function scimRequest(
  client: ClientHeaders,
  init: Omit<StoryRequest, 'headers' | 'expect'> & { status: number | readonly number[] },
): StoryRequest {
  const { status, ...rest } = init;
  const headers: Record<string, string> = { accept: 'application/scim+json' };
  if (client.userAgent !== undefined) headers['user-agent'] = client.userAgent;
  if (init.body !== undefined) headers['content-type'] = client.contentType;
  return { ...rest, headers, expect: { status } };
}
