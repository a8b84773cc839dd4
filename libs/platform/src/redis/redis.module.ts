import { Global, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { Redis } from 'ioredis';

/** The app's shared Redis connection (readiness, rate limits; BullMQ opens its own). */
@Injectable()
export class RedisConnection extends Redis implements OnModuleDestroy {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // A command waits for at most one reconnection attempt instead of queueing forever.
    super(config.redisUrl, { maxRetriesPerRequest: 1 });
    // Connection errors surface through the commands that fail (readiness says so).
    this.on('error', () => undefined);
  }

  onModuleDestroy(): void {
    this.disconnect();
  }
}

@Global()
@Module({ providers: [RedisConnection], exports: [RedisConnection] })
export class RedisModule {}
