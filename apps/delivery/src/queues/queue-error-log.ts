import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { appQueues, appWorkers } from './app-bullmq';

// While Redis is away every reconnection attempt (2 s apart at most) fails: one line a minute says it is still away.
const CONNECTION_ERROR_EVERY_MS = 60_000;
const CONNECTION_ERROR = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|Connection is closed/;

/**
 * Logs the errors of the app's BullMQ workers and registered queues, which
 * BullMQ otherwise prints to stderr with their stacks, one per failed
 * reconnection attempt while Redis is away. A connection error is logged at
 * most once a minute per worker or queue, any other error every time. None
 * is fatal: jobs that vanish with Redis are redone by the sweep and the relay.
 */
@Injectable()
export class QueueErrorLog implements OnApplicationBootstrap {
  private readonly logger = new Logger('BullMQ');
  private readonly connectionErrorLoggedAt = new Map<string, number>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const worker of appWorkers(this.discovery))
      worker.on('error', (error) => this.log(`${worker.name} worker`, error));
    for (const queue of appQueues(this.discovery)) queue.on('error', (error) => this.log(`${queue.name} queue`, error));
  }

  private log(source: string, error: Error): void {
    if (CONNECTION_ERROR.test(`${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`)) {
      const now = Date.now();
      if (now - (this.connectionErrorLoggedAt.get(source) ?? -Infinity) < CONNECTION_ERROR_EVERY_MS) return;
      this.connectionErrorLoggedAt.set(source, now);
    }
    this.logger.warn(`${source}: ${error.message}`);
  }
}
