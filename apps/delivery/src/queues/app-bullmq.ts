import { WorkerHost } from '@nestjs/bullmq';
import type { DiscoveryService } from '@nestjs/core';
import { Queue, type Worker } from 'bullmq';

/** The app's BullMQ workers: one per @Processor. */
export function appWorkers(discovery: DiscoveryService): Worker[] {
  return providerInstances(discovery)
    .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
    .map((host) => host.worker);
}

/** The app's registered BullMQ queues (BullModule.registerQueue). */
export function appQueues(discovery: DiscoveryService): Queue[] {
  return providerInstances(discovery).filter((instance): instance is Queue => instance instanceof Queue);
}

function providerInstances(discovery: DiscoveryService): unknown[] {
  return discovery.getProviders().map((wrapper) => wrapper.instance as unknown);
}
