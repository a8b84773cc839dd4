import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@roster/config';
import { DataModule } from '@roster/data';
import { ConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { RedisModule } from './redis/redis.module';

export type AppName = 'admin' | 'ingest' | 'delivery';

/** What every Roster app has: config, logs, metrics, health, Postgres and Redis. */
@Module({})
export class PlatformModule {
  static forRoot(app: AppName, config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(app),
        MetricsModule.forRoot(app),
        DataModule,
        RedisModule,
        HealthModule,
      ],
    };
  }
}
