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

  async insertMany(entries: readonly ScimRequestEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.prisma.scimRequest.createMany({
      data: entries.map((entry) => ({ ...entry, requestBody: entry.requestBody ?? undefined })),
    });
  }
}
