import type { DirectoryGroupObject } from './directory-group-object';
import type { DirectoryUserObject } from './directory-user-object';
import type { NewEvent } from './new-event';
import { previousAttributes } from './previous-attributes';

/** Where events of a change belong. */
export interface EventScope {
  tenantId: string;
  directoryId: string;
}

/** A normalized object before and after one write; null where it does not exist. */
export interface ObjectChange<T> {
  before: T | null;
  after: T | null;
}

/**
 * The events of a write to one user, from its normalized states (CONTRACT
 * sections 5-6). A user that stops existing leaves each of its groups first; a
 * user that comes back (reactivated in `delete` mode) rejoins the groups it
 * still has in the IdP, so a consumer following membership events stays right.
 * Nothing changed, nothing emitted.
 */
export function userChangeEvents(
  scope: EventScope,
  change: ObjectChange<DirectoryUserObject>,
  groups: readonly DirectoryGroupObject[],
): NewEvent[] {
  const { before, after } = change;
  if (!before && after) {
    return [
      event(scope, 'dsync.user.created', after),
      ...groups.map((group) => membershipEvent(scope, 'dsync.group.user_added', after, group)),
    ];
  }
  if (before && !after) {
    return [
      ...groups.map((group) => membershipEvent(scope, 'dsync.group.user_removed', before, group)),
      event(scope, 'dsync.user.deleted', before),
    ];
  }
  if (!before || !after) return [];
  const previous = previousAttributes(before, after);
  return Object.keys(previous).length === 0 ? [] : [event(scope, 'dsync.user.updated', after, previous)];
}

/** The events of a write to one group's own attributes (not its members). */
export function groupChangeEvents(scope: EventScope, change: ObjectChange<DirectoryGroupObject>): NewEvent[] {
  const { before, after } = change;
  if (!before && after) return [event(scope, 'dsync.group.created', after)];
  if (before && !after) return [event(scope, 'dsync.group.deleted', before)];
  if (!before || !after) return [];
  const previous = previousAttributes(before, after);
  return Object.keys(previous).length === 0 ? [] : [event(scope, 'dsync.group.updated', after, previous)];
}

/** One effective membership change. */
export function membershipEvent(
  scope: EventScope,
  type: 'dsync.group.user_added' | 'dsync.group.user_removed',
  user: DirectoryUserObject,
  group: DirectoryGroupObject,
): NewEvent {
  return { type, ...scope, data: { directory_id: scope.directoryId, user, group } };
}

function event(
  scope: EventScope,
  type: NewEvent['type'],
  data: DirectoryUserObject | DirectoryGroupObject,
  previous?: Record<string, unknown>,
): NewEvent {
  return previous === undefined ? { type, ...scope, data } : { type, ...scope, data, previousAttributes: previous };
}
