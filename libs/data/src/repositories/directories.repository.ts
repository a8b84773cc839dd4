import { Injectable } from '@nestjs/common';
import { newId } from '@roster/ids';
import { fetchPage, type Page, type PageQuery } from '../cursor-page';
import type { Directory, Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTransaction } from '../prisma.service';

export interface DirectoryInput {
  tenantId: string;
  name: string;
  provider: string;
  deprovisioning?: string;
  scimTokenHash: string;
  scimTokenLastFour: string;
}

export type DirectoryChanges = Partial<
  Pick<Directory, 'name' | 'deprovisioning' | 'state' | 'providerConfigEncrypted'> & {
    attributeMapping: Prisma.InputJsonValue;
    roleMapping: Prisma.InputJsonValue;
  }
>;

export interface TokenRotation {
  scimTokenHash: string;
  scimTokenLastFour: string;
  /** The old token's hash, kept until `previousExpiresAt`; null ends it at once. */
  previousScimTokenHash: string | null;
  previousExpiresAt: Date | null;
}

@Injectable()
export class DirectoriesRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(input: DirectoryInput): Promise<Directory> {
    return this.prisma.directory.create({ data: { id: newId('directory'), ...input } });
  }

  findById(id: string, db: PrismaTransaction = this.prisma): Promise<Directory | null> {
    return db.directory.findUnique({ where: { id } });
  }

  list(page: PageQuery, filter: { tenantId?: string } = {}): Promise<Page<Directory>> {
    return fetchPage(page, ({ id, order, take }) =>
      this.prisma.directory.findMany({ where: { id, tenantId: filter.tenantId }, orderBy: { id: order }, take }),
    );
  }

  listByTenant(tenantId: string, db: PrismaTransaction): Promise<Directory[]> {
    return db.directory.findMany({ where: { tenantId }, orderBy: { id: 'asc' } });
  }

  update(id: string, changes: DirectoryChanges, db: PrismaTransaction = this.prisma): Promise<Directory> {
    return db.directory.update({ where: { id }, data: { ...changes, updatedAt: new Date() } });
  }

  rotateToken(id: string, rotation: TokenRotation): Promise<Directory> {
    return this.prisma.directory.update({
      where: { id },
      data: {
        scimTokenHash: rotation.scimTokenHash,
        scimTokenLastFour: rotation.scimTokenLastFour,
        previousScimTokenHash: rotation.previousScimTokenHash,
        previousScimTokenExpires: rotation.previousExpiresAt,
        updatedAt: new Date(),
      },
    });
  }

  /**
   * Marks the directory active on its first authenticated SCIM request. Returns
   * the updated row only to the one caller that did it, so dsync.activated is emitted once.
   */
  async activate(db: PrismaTransaction, id: string): Promise<Directory | null> {
    const { count } = await db.directory.updateMany({
      where: { id, activatedAt: null },
      data: { activatedAt: new Date() },
    });
    return count === 1 ? db.directory.findUnique({ where: { id } }) : null;
  }

  /** Deletes the directory; its users, groups and memberships go with it (ON DELETE CASCADE). */
  async delete(id: string, db: PrismaTransaction): Promise<void> {
    await db.directory.delete({ where: { id } });
  }
}
