import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { type Directory, DirectoriesRepository } from '@roster/data';
import { toDirectoryContext } from '@roster/directory-sync';
import { SecretBox } from '@roster/security';
import { DirectorySyncStateRepository } from './directory-sync-state.repository';
import { readGoogleCredentials } from './google-credentials';
import { readGoogleDirectory } from './google-directory-client';
import type { GoogleDirectorySnapshot } from './google-directory.types';
import { GoogleSyncApplier } from './google-sync-applier';
import { GoogleSyncCurrentState } from './google-sync-current-state';
import { planCounts, planSync } from './google-sync-plan';
import { checkPlausible, GoogleSyncError } from './google-sync-safety';
import { GOOGLE_SYNC_SETTINGS, type GoogleSyncSettings } from './google-sync.settings';

export type SyncOutcome = 'succeeded' | 'failed' | 'already_running';

/**
 * One sync of a google_workspace directory: read all of Google, diff against
 * the stored rows, refuse implausible results, apply the rest in batches
 * through the SCIM write path. A sync that fails before applying changes
 * nothing; every sync ends with its result in directory_syncs.
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
    const google = await this.read(() => readGoogleDirectory(credentials, this.settings));
    const current = await this.current.load(directory.id);
    const plan = planSync(google, current);
    Object.assign(counts, { users_seen: google.users.length, groups_seen: google.groups.length, ...planCounts(plan) });
    checkPlausible(google, current.users.length, plan, this.settings.maxDeleteShare);
    const userIds = new Map(current.users.filter((user) => user.externalId).map((user) => [user.externalId!, user.id]));
    await this.applier.apply(toDirectoryContext(directory), plan, userIds, () =>
      this.state.renew(directory.id, this.settings.leaseMs),
    );
  }

  private async read(fetchAll: () => Promise<GoogleDirectorySnapshot>): Promise<GoogleDirectorySnapshot> {
    try {
      return await fetchAll();
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
