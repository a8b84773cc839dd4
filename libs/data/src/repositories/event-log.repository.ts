import { Injectable } from '@nestjs/common';
import { newId } from '@roster/ids';
import type { NewEvent } from '@roster/events';
import type { Event, Prisma } from '../generated/prisma/client';
import type { PrismaTransaction } from '../prisma.service';

/**
 * Appends to the event log. It only takes a transaction: an event is written in
 * the same transaction as the change it describes, or not at all.
 */
@Injectable()
export class EventLogRepository {
  async append(db: PrismaTransaction, events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    await db.event.createMany({ data: events.map(toRow) });
  }

  /** Events of a directory in log order (reads for tests and tools; the Events API pages separately). */
  listForDirectory(db: PrismaTransaction, directoryId: string): Promise<Event[]> {
    return db.event.findMany({ where: { directoryId }, orderBy: { seq: 'asc' } });
  }
}

function toRow(event: NewEvent): Prisma.EventCreateManyInput {
  return {
    id: newId('event'),
    type: event.type,
    tenantId: event.tenantId,
    directoryId: event.directoryId,
    data: event.data as Prisma.InputJsonValue,
    previousAttributes: event.previousAttributes as Prisma.InputJsonValue | undefined,
  };
}
