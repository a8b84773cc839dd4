/**
 * The parts of Google's Admin SDK Directory API resources the sync reads
 * (https://developers.google.com/admin-sdk/directory/reference/rest/v1).
 * Everything else Google sends (etag, lastLoginTime, thumbnailPhotoEtag...) is
 * ignored, so a field that changes on every login never looks like a change.
 */
export interface GoogleUser {
  id: string;
  primaryEmail: string;
  name?: { givenName?: string; familyName?: string; fullName?: string };
  suspended?: boolean;
  archived?: boolean;
  emails?: { address?: string; type?: string; customType?: string; primary?: boolean }[];
  phones?: { value?: string; type?: string; primary?: boolean }[];
  organizations?: {
    title?: string;
    department?: string;
    name?: string;
    costCenter?: string;
    primary?: boolean;
  }[];
  externalIds?: { value?: string; type?: string }[];
  relations?: { value?: string; type?: string }[];
  orgUnitPath?: string;
  [other: string]: unknown;
}

export interface GoogleGroup {
  id: string;
  email: string;
  name?: string;
  description?: string;
  [other: string]: unknown;
}

export interface GoogleMember {
  id?: string;
  email?: string;
  role?: string;
  /** USER, GROUP (nested group) or CUSTOMER (everyone in the account). */
  type?: string;
  status?: string;
  [other: string]: unknown;
}

/**
 * What a sync reads of Google before it changes anything: every user's id (not
 * the user), the groups and who is in each. The users themselves are read again
 * a page at a time while they are applied, so a sync holds ids, not a directory.
 */
export interface GoogleDirectoryOutline {
  /** The Google id of every listed user. */
  userIds: Set<string>;
  /** Whether the first users page was empty (the implausible answer we refuse to act on). */
  firstUsersPageEmpty: boolean;
  groups: GoogleGroup[];
  /** Google group id -> the Google ids of its USER members (nested groups and CUSTOMER are not modelled). */
  members: Map<string, string[]>;
}
