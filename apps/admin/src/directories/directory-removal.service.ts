import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import {
  type Directory,
  DirectoriesRepository,
  EventLogRepository,
  lockDirectories,
  type PrismaTransaction,
} from '@roster/data';
import { toDirectoryObject } from '@roster/events';

/**
 * Removing a directory, alone or with its tenant: one dsync.deleted per directory
 * (data = the directory before deletion), written in the caller's transaction, so
 * consumers need no per-user cascade (CONTRACT section 6).
 */
@Injectable()
export class DirectoryRemovalService {
  constructor(
    private readonly directories: DirectoriesRepository,
    private readonly eventLog: EventLogRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async announce(db: PrismaTransaction, removed: Directory[]): Promise<void> {
    // A SCIM write in flight on one of these directories commits first, so dsync.deleted is its last event.
    await lockDirectories(
      db,
      removed.map((directory) => directory.id),
    );
    await this.eventLog.append(
      db,
      removed.map((directory) => ({
        type: 'dsync.deleted' as const,
        tenantId: directory.tenantId,
        directoryId: directory.id,
        data: toDirectoryObject(directory, this.config.publicScimUrl),
      })),
    );
  }

  async remove(db: PrismaTransaction, directory: Directory): Promise<void> {
    await this.announce(db, [directory]);
    await this.directories.delete(directory.id, db);
  }
}
