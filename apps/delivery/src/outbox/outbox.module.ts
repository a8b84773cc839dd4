import { Module } from '@nestjs/common';
import { EventLogListenerModule } from '../events/event-log-listener.module';
import { EventFanoutProducer } from './event-fanout.producer';
import { OutboxMetrics } from './outbox-metrics';
import { OutboxRelay } from './outbox-relay.service';

/** The outbox relay from the event log to the fan-out queue (the ingest app writes only to Postgres). */
@Module({
  imports: [EventLogListenerModule],
  providers: [EventFanoutProducer, OutboxMetrics, OutboxRelay],
  exports: [OutboxRelay],
})
export class OutboxModule {}
