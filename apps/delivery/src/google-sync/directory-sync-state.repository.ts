import { Injectable } from '@nestjs/common';
import { PrismaService } from '@roster/data';

/** A `directory_syncs` row. */
export type DirectorySyncRow = NonNullable<Awaited<ReturnType<PrismaService['directorySync']['findUnique']>>>;

export interface SyncFinish {
  result: 'succeeded' | 'failed';
  error?: { code: string; message: string };
  counts: Record<string, number>;
}

/**
 * `directory_syncs`: the status of each polled directory and the lease that
 * keeps its syncs from overlapping, whichever process or job starts them.
 */
@Injectable()
export class DirectorySyncStateRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Starts a sync unless one holds an unexpired lease; one statement, so two callers cannot both win. */
  async claim(directoryId: string, leaseMs: number): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<unknown[]>`
      INSERT INTO directory_syncs (directory_id, lease_until, last_started_at, updated_at)
      VALUES (${directoryId}, now() + ${leaseMs} * interval '1 millisecond', now(), now())
      ON CONFLICT (directory_id) DO UPDATE
        SET lease_until = EXCLUDED.lease_until, last_started_at = now(), updated_at = now()
        WHERE directory_syncs.lease_until IS NULL OR directory_syncs.lease_until < now()
      RETURNING directory_id`;
    return rows.length === 1;
  }

  /** Keeps a long sync's lease alive. */
  async renew(directoryId: string, leaseMs: number): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE directory_syncs SET lease_until = now() + ${leaseMs} * interval '1 millisecond'
      WHERE directory_id = ${directoryId} AND lease_until IS NOT NULL`;
  }

  async finish(directoryId: string, finish: SyncFinish): Promise<void> {
    const now = new Date();
    await this.prisma.directorySync.update({
      where: { directoryId },
      data: {
        leaseUntil: null,
        lastFinishedAt: now,
        ...(finish.result === 'succeeded' ? { lastSucceededAt: now } : {}),
        lastResult: finish.result,
        lastErrorCode: finish.error?.code ?? null,
        lastErrorMessage: finish.error?.message ?? null,
        lastCounts: finish.counts,
        updatedAt: now,
      },
    });
  }

  find(directoryId: string): Promise<DirectorySyncRow | null> {
    return this.prisma.directorySync.findUnique({ where: { directoryId } });
  }
}
