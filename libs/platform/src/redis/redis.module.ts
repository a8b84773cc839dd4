import { Global, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { Redis } from 'ioredis';

/** The app's shared Redis connection (readiness, rate limits; BullMQ opens its own). */
@Injectable()
export class RedisConnection extends Redis implements OnModuleDestroy {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Commands fail fast while Redis is down instead of queueing forever.
    super(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.on('error', () => undefined);
    void this.connect().catch(() => undefined);
  }

  onModuleDestroy(): void {
    this.disconnect();
  }
}

@Global()
@Module({ providers: [RedisConnection], exports: [RedisConnection] })
export class RedisModule {}
