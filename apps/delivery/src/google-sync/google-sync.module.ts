import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { DirectorySyncModule } from '@roster/directory-sync';
import { ApiAuthModule } from '@roster/platform';
import { DirectorySyncStateRepository } from './directory-sync-state.repository';
import { GoogleSyncApplier } from './google-sync-applier';
import { GoogleSyncController } from './google-sync.controller';
import { GoogleSyncCurrentState } from './google-sync-current-state';
import { GOOGLE_SYNC_QUEUE } from './google-sync.queue';
import { GoogleSyncProcessor } from './google-sync.processor';
import { GoogleSyncScheduler } from './google-sync-scheduler';
import { GoogleSyncService } from './google-sync.service';
import { GOOGLE_SYNC_SETTINGS, googleSyncSettings } from './google-sync.settings';

/** Google Workspace directories, synced by polling the Admin SDK Directory API (issue 8). */
@Module({
  imports: [ApiAuthModule, DirectorySyncModule, BullModule.registerQueue({ name: GOOGLE_SYNC_QUEUE })],
  controllers: [GoogleSyncController],
  providers: [
    { provide: GOOGLE_SYNC_SETTINGS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => googleSyncSettings(config) },
    DirectorySyncStateRepository,
    GoogleSyncApplier,
    GoogleSyncCurrentState,
    GoogleSyncProcessor,
    GoogleSyncScheduler,
    GoogleSyncService,
  ],
  exports: [GoogleSyncService],
})
export class GoogleSyncModule {}
