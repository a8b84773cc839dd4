import { Injectable } from '@nestjs/common';
import {
  DirectoryUsersRepository,
  EventLogRepository,
  GroupMembershipsRepository,
  type PrismaTransaction,
} from '@roster/data';
import { type NewEvent, userChangeEvents } from '@roster/events';
import type { DirectoryContext } from './directory-context';
import { normalizedUser } from './normalized-objects';

const PAGE = 1000;

/**
 * A new attribute or role mapping changes users' `custom_attributes` and
 * `roles` without any IdP write: each user whose normalized object changes gets
 * a dsync.user.updated, so consumers that follow events see the new roles.
 * Runs in the caller's directory transaction, a page of users at a time.
 */
@Injectable()
export class MappingChangeWriter {
  constructor(
    private readonly users: DirectoryUsersRepository,
    private readonly memberships: GroupMembershipsRepository,
    private readonly events: EventLogRepository,
  ) {}

  async reproject(tx: PrismaTransaction, before: DirectoryContext, after: DirectoryContext): Promise<number> {
    let emitted = 0;
    for (let afterId = ''; ;) {
      const page = await this.users.normalizedPage(tx, after.id, afterId, PAGE);
      if (page.length === 0) return emitted;
      const groups = await this.memberships.groupRefsOfUsers(
        tx,
        page.map((user) => user.id),
      );
      const events: NewEvent[] = [];
      for (const user of page) {
        const userGroups = groups.get(user.id) ?? [];
        const change = {
          before: normalizedUser(user, userGroups, before),
          after: normalizedUser(user, userGroups, after),
        };
        events.push(...userChangeEvents({ tenantId: after.tenantId, directoryId: after.id }, change, []));
      }
      await this.events.append(tx, events);
      emitted += events.length;
      afterId = page[page.length - 1]!.id;
    }
  }
}
