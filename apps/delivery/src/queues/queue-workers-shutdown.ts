import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Worker } from 'bullmq';
import { appWorkers } from './app-bullmq';

// Longer than the longest wait between reconnection attempts (2 s): Redis that is back is reconnected by then.
const RECONNECT_GRACE_MS = 5_000;

/**
 * Closes the app's BullMQ workers at shutdown, without ever hanging on Redis.
 * BullMQ's graceful close interrupts a worker's blocking fetch by
 * disconnecting its connection and awaiting ioredis' 'end' event, which a
 * connection between two reconnection attempts (Redis down, or back but not
 * yet retried) never emits: Worker.close() then never returns (bullmq#4656,
 * ioredis#2169; both still open for bullmq 6.7 and ioredis 6.0). So a worker
 * whose blocking connection is up, or comes up within the grace, is closed
 * gracefully: its jobs in flight finish and are recorded. One whose Redis
 * stays away is closed outright: its jobs in flight could not be recorded
 * anyway, and they are redone (stalled-job check, the webhook sweep).
 * It runs with the feature modules' onModuleDestroy, before the database
 * closes, so the jobs a graceful close waits for still have Postgres.
 */
@Injectable()
export class QueueWorkersShutdown implements OnModuleDestroy {
  private readonly logger = new Logger(QueueWorkersShutdown.name);

  constructor(private readonly discovery: DiscoveryService) {}

  async onModuleDestroy(): Promise<void> {
    await Promise.all(appWorkers(this.discovery).map((worker) => this.close(worker)));
  }

  private async close(worker: Worker): Promise<void> {
    if (worker.closing) return worker.closing; // an app closed twice
    const graceful = await blockingConnectionUp(worker, RECONNECT_GRACE_MS);
    if (!graceful) this.logger.warn(`Redis is away: closing the ${worker.name} worker without waiting for its jobs`);
    await worker.close(!graceful);
  }
}

/** Whether the worker's blocking connection is up now, or comes up within `withinMs`. */
function blockingConnectionUp(worker: Worker, withinMs: number): Promise<boolean> {
  const connecting = worker.getBackend().blockingClient;
  if (!connecting) return Promise.resolve(true); // nothing blocks on Redis
  return new Promise((resolve) => {
    let settled = false;
    let waitingOn: { off(event: string, listener: () => void): unknown } | undefined;
    const settle = (up: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      waitingOn?.off('ready', onReady);
      resolve(up);
    };
    const onReady = () => settle(true);
    const timer = setTimeout(() => settle(false), withinMs);
    // A connection Redis never answered stays pending here: the timer decides.
    connecting.then(
      (client) => {
        if (settled) return;
        if (client.status === 'ready') return settle(true);
        waitingOn = client;
        client.once('ready', onReady);
      },
      () => settle(false),
    );
  });
}
