import { Injectable } from '@nestjs/common';
import { PrismaService, type PrismaTransaction } from '@roster/data';

/**
 * Runs a directory's writes one at a time: each write is one transaction that
 * first takes a per-directory advisory lock, so two IdP requests on the same
 * resource cannot interleave, and a directory's events are appended in exactly
 * the order its changes were applied. Different directories run in parallel.
 */
@Injectable()
export class DirectoryTransactions {
  constructor(private readonly prisma: PrismaService) {}

  run<T>(directoryId: string, work: (tx: PrismaTransaction) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${directoryId}, 0))`;
        return work(tx);
      },
      // A 50,000-member group delete emits 50,000 events in one transaction.
      { maxWait: 10_000, timeout: 120_000 },
    );
  }
}
