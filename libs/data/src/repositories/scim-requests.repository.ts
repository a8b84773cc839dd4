import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

/** One line of a directory's SCIM request log. */
export interface ScimRequestEntry {
  directoryId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  client: string | null;
  errorDetail: string | null;
  requestBody: Prisma.InputJsonValue | null;
}

/** The SCIM request log that IT admins read in the portal. */
@Injectable()
export class ScimRequestsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One statement for the whole batch, as plain SQL: the log is written for every SCIM request. */
  async insertMany(entries: readonly ScimRequestEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.prisma.sql.query(
      `INSERT INTO scim_requests (directory_id, method, path, status, duration_ms, client, error_detail, request_body)
       SELECT directory_id, method, path, status, duration_ms, client, error_detail, request_body
       FROM ROWS FROM (jsonb_populate_recordset(NULL::scim_requests, $1::jsonb)) WITH ORDINALITY AS r
       ORDER BY r.ordinality`,
      [JSON.stringify(entries.map(toRow))],
    );
  }
}

function toRow(entry: ScimRequestEntry) {
  return {
    directory_id: entry.directoryId,
    method: entry.method,
    path: entry.path,
    status: entry.status,
    duration_ms: entry.durationMs,
    client: entry.client,
    error_detail: entry.errorDetail,
    request_body: entry.requestBody,
  };
}
