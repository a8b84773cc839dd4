import { Injectable } from '@nestjs/common';
import { PrismaService } from '@roster/data';
import { RedisConnection } from '../redis/redis.module';

export type DependencyStatus = { status: 'up' } | { status: 'down'; error: string };

export interface Readiness {
  ready: boolean;
  checks: { postgres: DependencyStatus; redis: DependencyStatus };
}

const CHECK_TIMEOUT_MS = 1500;

@Injectable()
export class ReadinessService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly redis: RedisConnection,
  ) {}

  async check(): Promise<Readiness> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.prisma.$queryRaw`SELECT 1`),
      probe(() => this.redis.ping()),
    ]);
    return { ready: postgres.status === 'up' && redis.status === 'up', checks: { postgres, redis } };
  }
}

async function probe(run: () => Promise<unknown>): Promise<DependencyStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([run(), timeout]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message.split('\n')[0] ?? 'unavailable' };
  } finally {
    clearTimeout(timer);
  }
}
