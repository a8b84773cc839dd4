import { Injectable } from '@nestjs/common';
import { fetchPage, type IdRange, type Page, type PageQuery } from '../cursor-page';
import type { Prisma, ScimRequest } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

/** A logged SCIM request with its sequence id as a string, the cursor the API pages with. */
export type ScimRequestRow = Omit<ScimRequest, 'id'> & { id: string };

export type ScimRequestOutcome = 'failed' | 'succeeded';

/** A request failed when its HTTP status was 400 or above. */
const FAILED_FROM = 400;

/** Reads of the SCIM request log that ingest writes (one row per request). */
@Injectable()
export class ScimRequestReadsRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(page: PageQuery, filter: { directoryId: string; outcome?: ScimRequestOutcome }): Promise<Page<ScimRequestRow>> {
    return fetchPage(page, async ({ id, order, take }) => {
      const rows = await this.prisma.scimRequest.findMany({
        where: { directoryId: filter.directoryId, id: bigintRange(id), status: statusFilter(filter.outcome) },
        orderBy: { id: order },
        take,
      });
      return rows.map(toRow);
    });
  }

  /** The newest request of the directory, and the newest that succeeded. */
  async latest(directoryId: string): Promise<{ any: ScimRequestRow | null; succeeded: ScimRequestRow | null }> {
    const newest = (status?: Prisma.IntFilter) =>
      this.prisma.scimRequest.findFirst({ where: { directoryId, status }, orderBy: { id: 'desc' } });
    const [any, succeeded] = await Promise.all([newest(), newest(statusFilter('succeeded'))]);
    return { any: any && toRow(any), succeeded: succeeded && toRow(succeeded) };
  }
}

function statusFilter(outcome?: ScimRequestOutcome): Prisma.IntFilter | undefined {
  if (outcome === 'failed') return { gte: FAILED_FROM };
  if (outcome === 'succeeded') return { lt: FAILED_FROM };
  return undefined;
}

/** Cursors of bigint-keyed logs are decimal strings (validated by the caller). */
export function bigintRange(range?: IdRange): Prisma.BigIntFilter | undefined {
  if (!range) return undefined;
  return {
    ...(range.lt === undefined ? {} : { lt: BigInt(range.lt) }),
    ...(range.gt === undefined ? {} : { gt: BigInt(range.gt) }),
  };
}

function toRow(row: ScimRequest): ScimRequestRow {
  return { ...row, id: row.id.toString() };
}
