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

/** One full read of a Google directory. */
export interface GoogleDirectorySnapshot {
  users: GoogleUser[];
  groups: GoogleGroup[];
  /** Google group id -> its members. */
  members: Map<string, GoogleMember[]>;
  /** Whether the first users page was empty (the implausible answer we refuse to act on). */
  firstUsersPageEmpty: boolean;
}
