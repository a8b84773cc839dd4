import { Injectable } from '@nestjs/common';
import {
  type DirectoryGroup,
  type DirectoryGroupFields,
  DirectoryGroupsRepository,
  EventLogRepository,
  type Database,
} from '@roster/data';
import { groupChangeEvents, toDirectoryGroupObject } from '@roster/events';
import { newId } from '@roster/ids';
import { deepEqual, type MembershipOperation, readAttributeValue, GROUP_RESOURCE_TYPE } from '@roster/scim';
import type { DirectoryContext } from './directory-context';
import { MembershipWriter } from './membership-writer';
import { withUniqueness } from './write-preconditions';

/** The SCIM requests' plain pg transactions, or a Prisma one (the Google poller's). */

/**
 * Stores groups and their memberships and appends the events of each change in
 * the same transaction: the group's own change first, then one event per
 * effective membership change, in the order the operations were sent.
 */
@Injectable()
export class GroupWriter {
  constructor(
    private readonly groups: DirectoryGroupsRepository,
    private readonly membership: MembershipWriter,
    private readonly events: EventLogRepository,
  ) {}

  async create(
    tx: Database,
    directory: DirectoryContext,
    resource: Record<string, unknown>,
    memberIds: readonly string[] = [],
  ): Promise<DirectoryGroup> {
    const group = await withUniqueness('displayName', () =>
      this.groups.insert(tx, {
        id: newId('directoryGroup'),
        directoryId: directory.id,
        tenantId: directory.tenantId,
        ...groupFields(resource),
      }),
    );
    await this.events.append(
      tx,
      groupChangeEvents(scopeOf(directory), { before: null, after: toDirectoryGroupObject(group) }),
    );
    await this.membership.apply(tx, directory, group, [{ kind: 'add', userIds: [...memberIds] }]);
    return group;
  }

  /** Stores a new resource and applies membership operations; unchanged parts are not rewritten. */
  async save(
    tx: Database,
    directory: DirectoryContext,
    before: DirectoryGroup,
    resource: Record<string, unknown>,
    membership: readonly MembershipOperation[],
  ): Promise<DirectoryGroup> {
    const fields = groupFields(resource);
    let group = before;
    if (!deepEqual(before.attributes, fields.attributes)) {
      group = await withUniqueness('displayName', () => this.groups.update(tx, before.id, fields));
      const change = { before: toDirectoryGroupObject(before), after: toDirectoryGroupObject(group) };
      await this.events.append(tx, groupChangeEvents(scopeOf(directory), change));
    }
    const membersChanged = await this.membership.apply(tx, directory, group, membership);
    return membersChanged && group === before ? this.groups.touch(tx, group.id) : group;
  }

  /** Every member leaves (one event each), then the group goes. */
  async delete(tx: Database, directory: DirectoryContext, group: DirectoryGroup): Promise<void> {
    await this.membership.removeEveryone(tx, directory, group);
    await this.events.append(
      tx,
      groupChangeEvents(scopeOf(directory), { before: toDirectoryGroupObject(group), after: null }),
    );
    await this.groups.delete(tx, group.id);
  }
}

function groupFields(resource: Record<string, unknown>): DirectoryGroupFields {
  const externalId = readAttributeValue(resource, 'externalId', GROUP_RESOURCE_TYPE);
  return {
    displayName: String(readAttributeValue(resource, 'displayName', GROUP_RESOURCE_TYPE)),
    externalId: typeof externalId === 'string' && externalId !== '' ? externalId : null,
    attributes: resource as DirectoryGroupFields['attributes'],
  };
}

function scopeOf(directory: DirectoryContext) {
  return { tenantId: directory.tenantId, directoryId: directory.id };
}
