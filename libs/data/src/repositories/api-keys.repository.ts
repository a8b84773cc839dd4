import { Injectable } from '@nestjs/common';
import { newId } from '@roster/ids';
import { fetchPage, type Page, type PageQuery } from '../cursor-page';
import type { ApiKey } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(input: { name: string; keyHash: string; lastFour: string }): Promise<ApiKey> {
    return this.prisma.apiKey.create({ data: { id: newId('apiKey'), ...input } });
  }

  findByHash(keyHash: string): Promise<ApiKey | null> {
    return this.prisma.apiKey.findUnique({ where: { keyHash } });
  }

  findById(id: string): Promise<ApiKey | null> {
    return this.prisma.apiKey.findUnique({ where: { id } });
  }

  list(page: PageQuery): Promise<Page<ApiKey>> {
    return fetchPage(page, ({ id, order, take }) =>
      this.prisma.apiKey.findMany({ where: { id }, orderBy: { id: order }, take }),
    );
  }

  /** Returns false when there was no such key. */
  async delete(id: string): Promise<boolean> {
    const { count } = await this.prisma.apiKey.deleteMany({ where: { id } });
    return count > 0;
  }

  // Coarse on purpose: one write per key per minute, not one per request.
  async touch(id: string, now = new Date()): Promise<void> {
    await this.prisma.apiKey.updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] },
      data: { lastUsedAt: now },
    });
  }
}
