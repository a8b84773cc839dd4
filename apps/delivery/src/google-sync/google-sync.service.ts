import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { type Directory, DirectoriesRepository } from '@roster/data';
import { toDirectoryContext } from '@roster/directory-sync';
import { SecretBox } from '@roster/security';
import { DirectorySyncStateRepository } from './directory-sync-state.repository';
import { readGoogleCredentials } from './google-credentials';
import { GoogleDirectoryReader } from './google-directory-client';
import type { GoogleDirectoryOutline } from './google-directory.types';
import { groupDisplayNames } from './google-resource-mapping';
import { GoogleSyncApplier } from './google-sync-applier';
import { GoogleSyncCurrentState } from './google-sync-current-state';
import {
  byExternalId,
  groupCounts,
  type GroupChanges,
  missingFromGoogle,
  planGroups,
  planUsers,
} from './google-sync-plan';
import { checkPlausible, GoogleSyncError } from './google-sync-safety';
import { GOOGLE_SYNC_SETTINGS, type GoogleSyncSettings } from './google-sync.settings';

export type SyncOutcome = 'succeeded' | 'failed' | 'already_running';

// Google groups planned at a time: their stored members are read per batch.
const GROUP_PLAN_BATCH = 50;

/**
 * One sync of a google_workspace directory, in two passes over Google's users
 * so that it holds ids rather than the directory (a 20,000-user one was ~60 MB
 * of heap). First every user's id, the groups and their members; from those
 * the deletions and the group changes, refused if implausible. Then the users
 * gone are deleted, the users read again page by page, each page diffed with
 * its stored rows and applied, and last the groups. All goes through the SCIM
 * write path. A sync refused, or failing before it applies anything, changes
 * nothing; one failing midway (a write refused, Google failing during the
 * second pass) keeps the batches it applied, and the next sync goes on from
 * there. Every sync ends with its result in directory_syncs.
 */
@Injectable()
export class GoogleSyncService {
  private readonly logger = new Logger(GoogleSyncService.name);
  private readonly secretBox: SecretBox;

  constructor(
    private readonly directories: DirectoriesRepository,
    private readonly state: DirectorySyncStateRepository,
    private readonly current: GoogleSyncCurrentState,
    private readonly applier: GoogleSyncApplier,
    @Inject(GOOGLE_SYNC_SETTINGS) private readonly settings: GoogleSyncSettings,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secretBox = SecretBox.fromEncodedKey(config.encryptionKey ?? '');
  }

  async sync(directoryId: string): Promise<SyncOutcome> {
    const directory = await this.directories.findById(directoryId);
    if (!directory || directory.provider !== 'google_workspace') return 'failed';
    if (!(await this.state.claim(directoryId, this.settings.leaseMs))) return 'already_running';
    const counts: Record<string, number> = {};
    try {
      await this.run(directory, counts);
      await this.state.finish(directoryId, { result: 'succeeded', counts });
      return 'succeeded';
    } catch (error) {
      const failure = describe(error);
      this.logger.warn(`google sync of ${directoryId} failed: ${failure.code}: ${failure.message}`);
      await this.state.finish(directoryId, { result: 'failed', error: failure, counts });
      return 'failed';
    }
  }

  private async run(directory: Directory, counts: Record<string, number>): Promise<void> {
    if (directory.state !== 'active') throw new GoogleSyncError('directory_inactive', 'The directory is inactive.');
    const credentials = readGoogleCredentials(
      directory.providerConfigEncrypted ? this.secretBox.decrypt(directory.providerConfigEncrypted) : null,
    );
    const reader = await this.read(() => GoogleDirectoryReader.open(credentials, this.settings));
    const google = await this.read(() => reader.outline());
    const users = await this.current.usersMissingFrom(directory.id, google.userIds);
    const groups = await this.planGroups(directory.id, google);
    Object.assign(counts, {
      users_seen: google.userIds.size,
      groups_seen: google.groups.length,
      users_deleted: users.missing.length,
      ...groupCounts(groups),
    });
    checkPlausible(google, users.stored, users.missing.length, this.settings.maxDeleteShare);

    const context = toDirectoryContext(directory);
    const between = () => this.state.renew(directory.id, this.settings.leaseMs);
    await this.applier.deleteUsers(context, users.missing, between);
    // Known page by page: a sync failing midway reports what it had planned until then.
    const changed = { users_created: 0, users_updated: 0 };
    const pages = reader.userPages();
    for (let page = await this.read(() => pages.next()); !page.done; page = await this.read(() => pages.next())) {
      const stored = await this.current.usersByExternalId(
        directory.id,
        page.value.map((user) => user.id),
      );
      const changes = planUsers(page.value, stored);
      changed.users_created += changes.create.length;
      changed.users_updated += changes.update.length;
      Object.assign(counts, changed);
      await this.applier.applyUsers(context, changes, between);
      // An unchanged page writes nothing, so applyUsers renews nothing: a long re-sync renews here.
      await between();
    }
    Object.assign(counts, changed);
    await this.applier.applyGroups(context, groups, between);
  }

  /** The group changes, planned a batch of groups (and their stored members) at a time. */
  private async planGroups(directoryId: string, google: GoogleDirectoryOutline): Promise<GroupChanges> {
    const stored = await this.current.groups(directoryId);
    const storedByGoogleId = byExternalId(stored);
    const view = { names: groupDisplayNames(google.groups), members: google.members, userIds: google.userIds };
    const changes: GroupChanges = {
      create: [],
      update: [],
      delete: missingFromGoogle(stored, new Set(google.groups.map((group) => group.id))),
    };
    for (let start = 0; start < google.groups.length; start += GROUP_PLAN_BATCH) {
      const batch = google.groups.slice(start, start + GROUP_PLAN_BATCH);
      const memberships = await this.current.memberships(
        batch.flatMap((group) => storedByGoogleId.get(group.id)?.id ?? []),
      );
      const planned = planGroups(batch, view, storedByGoogleId, memberships);
      changes.create.push(...planned.create);
      changes.update.push(...planned.update);
    }
    return changes;
  }

  /** Google's failures, whenever they happen, as google_fetch_failed. */
  private async read<T>(fetch: () => Promise<T>): Promise<T> {
    try {
      return await fetch();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new GoogleSyncError('google_fetch_failed', `Reading the Google directory failed: ${reason}`);
    }
  }
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof GoogleSyncError) return { code: error.code, message: error.message };
  // A write refused midway (e.g. two Google users sharing a name): batches already applied stay applied.
  return { code: 'sync_failed', message: error instanceof Error ? error.message.slice(0, 500) : 'unknown error' };
}
