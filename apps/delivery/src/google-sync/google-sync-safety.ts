import type { GoogleDirectoryOutline } from './google-directory.types';

/** Why a sync was refused: it changed nothing, and this is what the status shows. */
export class GoogleSyncError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Refuses results that are more likely a Google or credential problem than a
 * real change: an empty first page while the directory has users, or deleting
 * more than `maxDeleteShare` of the stored users in one sync. An IT admin who
 * really removed that many raises the share (ROSTER_GOOGLE_MAX_DELETE_SHARE).
 */
export function checkPlausible(
  google: Pick<GoogleDirectoryOutline, 'firstUsersPageEmpty' | 'userIds'>,
  storedUsers: number,
  userDeletes: number,
  maxDeleteShare: number,
): void {
  if (storedUsers > 0 && (google.firstUsersPageEmpty || google.userIds.size === 0)) {
    throw new GoogleSyncError(
      'google_empty_result',
      `Google returned no users while the directory has ${storedUsers}; nothing was changed.`,
    );
  }
  if (storedUsers > 0 && userDeletes / storedUsers > maxDeleteShare) {
    throw new GoogleSyncError(
      'google_mass_deletion',
      `The sync would delete ${userDeletes} of ${storedUsers} users (more than ${Math.round(maxDeleteShare * 100)}%); nothing was changed.`,
    );
  }
}
