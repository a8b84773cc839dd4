import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { QueueErrorLog } from './queue-error-log';
import { QueueWorkersShutdown } from './queue-workers-shutdown';

/**
 * Delay before each reconnection attempt while Redis is away: ioredis' own
 * default (50 ms more per attempt, at most 2 s). BullMQ's default grows to
 * 20 s, so after an outage longer than about 18 s its workers took up to 20 s
 * more to notice Redis was back, and sat between attempts all that time.
 */
const reconnectDelayMs = (attempt: number): number => Math.min(attempt * 50, 2_000);

/**
 * BullMQ's shared connection settings for the delivery app, the logging of
 * its workers' and queues' errors, and the closing of its workers at
 * shutdown. Feature modules register their own queues with
 * BullModule.registerQueue.
 */
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // BullMQ workers block on Redis: they must retry forever rather than fail a command.
        connection: { url: config.redisUrl, maxRetriesPerRequest: null, retryStrategy: reconnectDelayMs },
        prefix: `${config.redisPrefix}:bull`,
      }),
    }),
  ],
  providers: [QueueErrorLog, QueueWorkersShutdown],
})
export class QueuesModule {}
