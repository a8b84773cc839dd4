import { Injectable } from '@nestjs/common';
import { EventOutboxRepository } from '@roster/data';
import { MetricsRegistry } from '@roster/platform';
import { Counter, Gauge } from 'prom-client';

/** What the outbox relay exposes on /metrics: how much it moved and how far behind it is. */
@Injectable()
export class OutboxMetrics {
  readonly relayed: Counter;

  constructor(metrics: MetricsRegistry, outbox: EventOutboxRepository) {
    this.relayed = new Counter({
      name: 'roster_outbox_relayed_events_total',
      help: 'Events the outbox relay handed to the fan-out queue',
      registers: [metrics.registry],
    });
    new Gauge({
      name: 'roster_outbox_lag_seconds',
      help: 'Age of the oldest event not yet handed to the fan-out queue (0 when none waits)',
      registers: [metrics.registry],
      async collect() {
        // A scrape while Postgres is away keeps the last value rather than failing /metrics.
        this.set(await outbox.lagSeconds().catch(() => 0));
      },
    });
  }
}
