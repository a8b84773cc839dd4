import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { PrismaClient } from './generated/prisma/client';

/** The one Prisma client of an app, over the pg driver adapter (Prisma 7 has no Rust engine). */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.databaseUrl, max: config.databasePoolSize }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

/** A Prisma transaction client, for repository methods that join a caller's transaction. */
export type PrismaTransaction = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];
