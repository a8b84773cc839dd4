import { Injectable } from '@nestjs/common';
import type { Role } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export interface RoleInput {
  slug: string;
  name: string;
}

/** The SaaS's role catalogue: replaced as a whole, listed in the order it was given. */
@Injectable()
export class RolesRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(): Promise<Role[]> {
    return this.prisma.role.findMany({ orderBy: [{ position: 'asc' }, { slug: 'asc' }] });
  }

  async replaceAll(roles: readonly RoleInput[]): Promise<Role[]> {
    return this.prisma.$transaction(async (tx) => {
      await tx.role.deleteMany({});
      await tx.role.createMany({ data: roles.map((role, position) => ({ ...role, position })) });
      return tx.role.findMany({ orderBy: [{ position: 'asc' }, { slug: 'asc' }] });
    });
  }
}
