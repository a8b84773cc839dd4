import { Injectable } from '@nestjs/common';
import { PrismaService } from '@roster/data';
import type { CurrentDirectoryState } from './google-sync-plan';

/** The stored side of the diff: every user and group of a directory (ids, externalId, resource) and its memberships. */
@Injectable()
export class GoogleSyncCurrentState {
  constructor(private readonly prisma: PrismaService) {}

  async load(directoryId: string): Promise<CurrentDirectoryState> {
    const select = { id: true, externalId: true, attributes: true } as const;
    const [users, groups, rows] = await Promise.all([
      this.prisma.directoryUser.findMany({ where: { directoryId }, select }),
      this.prisma.directoryGroup.findMany({ where: { directoryId }, select }),
      this.prisma.groupMembership.findMany({ where: { directoryId }, select: { groupId: true, userId: true } }),
    ]);
    const memberships = new Map<string, string[]>();
    for (const row of rows) {
      const members = memberships.get(row.groupId) ?? [];
      members.push(row.userId);
      memberships.set(row.groupId, members);
    }
    return { users, groups, memberships };
  }
}
