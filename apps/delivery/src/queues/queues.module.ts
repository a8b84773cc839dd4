import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';

/**
 * BullMQ's shared connection settings for the delivery app. Feature modules
 * register their own queues with BullModule.registerQueue.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // BullMQ workers block on Redis: they must retry forever rather than fail a command.
        connection: { url: config.redisUrl, maxRetriesPerRequest: null },
        prefix: `${config.redisPrefix}:bull`,
      }),
    }),
  ],
})
export class QueuesModule {}
