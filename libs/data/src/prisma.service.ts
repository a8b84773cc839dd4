import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { Pool } from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { Sql } from './sql';

/**
 * The one Prisma client of an app, over the pg driver adapter (Prisma 7 has
 * no Rust engine), and `sql`, plain statements on the same pool for the hot
 * paths. Disconnecting ends the pool.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  readonly sql: Sql;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const pool = new Pool({
      connectionString: config.databaseUrl,
      max: config.databasePoolSize,
      // No JIT: every statement of these apps is short, but Postgres decides
      // to compile by estimated cost, and an estimate inflated by missing
      // statistics (group_memberships while a big group is first filled) had
      // a 5 ms statement spend 100 ms compiling. An `options` parameter in
      // DATABASE_URL replaces this one (pg reads the URL last): add
      // `-c jit=off` to it there. Behind PgBouncer, list `options` in its
      // ignore_startup_parameters and turn JIT off for the role instead.
      options: '-c jit=off',
    });
    // An idle connection dying (Postgres restarted) is dropped by the pool and
    // replaced on the next query; unheard, the error would end the process.
    pool.on('error', () => undefined);
    super({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    this.sql = new Sql(pool);
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

/** A Prisma transaction client, for repository methods that join a caller's transaction. */
export type PrismaTransaction = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];
