import { Module } from '@nestjs/common';
import { EventLogListener } from './event-log-listener';

/** The app's one LISTEN connection, for the Events API and the outbox relay alike. */
@Module({ providers: [EventLogListener], exports: [EventLogListener] })
export class EventLogListenerModule {}
