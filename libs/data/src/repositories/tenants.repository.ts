import { Injectable } from '@nestjs/common';
import { newId } from '@roster/ids';
import { fetchPage, type Page, type PageQuery } from '../cursor-page';
import type { Tenant } from '../generated/prisma/client';
import { PrismaService, type PrismaTransaction } from '../prisma.service';
import { translateUniqueViolation } from '../unique-violation';

export interface TenantInput {
  name: string;
  externalId?: string | null;
  domains?: string[];
}

@Injectable()
export class TenantsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(input: TenantInput): Promise<Tenant> {
    return this.prisma.tenant
      .create({ data: { id: newId('tenant'), name: input.name, externalId: input.externalId, domains: input.domains } })
      .catch((error: unknown) => translateUniqueViolation(error, 'external_id'));
  }

  findById(id: string, db: PrismaTransaction = this.prisma): Promise<Tenant | null> {
    return db.tenant.findUnique({ where: { id } });
  }

  list(page: PageQuery, filter: { externalId?: string } = {}): Promise<Page<Tenant>> {
    return fetchPage(page, ({ id, order, take }) =>
      this.prisma.tenant.findMany({ where: { id, externalId: filter.externalId }, orderBy: { id: order }, take }),
    );
  }

  async update(id: string, input: Partial<TenantInput>): Promise<Tenant> {
    return this.prisma.tenant
      .update({ where: { id }, data: { ...input, updatedAt: new Date() } })
      .catch((error: unknown) => translateUniqueViolation(error, 'external_id'));
  }

  async delete(id: string, db: PrismaTransaction): Promise<void> {
    await db.tenant.delete({ where: { id } });
  }
}
