import { Module } from '@nestjs/common';
import { EventRetentionService } from './event-retention.service';

/** Retention of the event log (ROSTER_EVENT_RETENTION_DAYS). */
@Module({ providers: [EventRetentionService], exports: [EventRetentionService] })
export class RetentionModule {}
