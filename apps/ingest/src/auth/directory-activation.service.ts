import { Injectable } from '@nestjs/common';
import { type Directory, DirectoriesRepository, EventLogRepository } from '@roster/data';
import { DirectoryTransactions } from '@roster/directory-sync';
import { toDirectoryObject } from '@roster/events';
import { DirectoryCache } from './directory-cache';

/** Emits dsync.activated exactly once, on a directory's first authenticated SCIM request. */
@Injectable()
export class DirectoryActivation {
  constructor(
    private readonly transactions: DirectoryTransactions,
    private readonly directories: DirectoriesRepository,
    private readonly events: EventLogRepository,
    private readonly cache: DirectoryCache,
  ) {}

  async activate(directory: Directory, publicScimUrl: string): Promise<void> {
    await this.transactions.run(directory.id, async (tx) => {
      const activated = await this.directories.activate(tx, directory.id);
      this.cache.markActivated(directory.id, activated?.activatedAt ?? new Date());
      if (!activated) return;
      await this.events.append(tx, [
        {
          type: 'dsync.activated',
          tenantId: activated.tenantId,
          directoryId: activated.id,
          data: toDirectoryObject(activated, publicScimUrl),
        },
      ]);
    });
  }
}
