import type { DirectoryGroupObject, DirectoryUserObject } from '@roster/events';

export type { DirectoryGroupObject, DirectoryUserObject } from '@roster/events';

/** One event as the Events API and webhooks deliver it (CONTRACT section 6). */
interface EventOf<Type extends string, Data> {
  object: 'event';
  id: string;
  type: Type;
  created_at: string;
  tenant_id: string;
  directory_id: string;
  /** The object after the change (before it, for deletions). */
  data: Data;
  /** The old values of the fields that changed. */
  previous_attributes?: Record<string, unknown>;
}

export interface GroupMembershipChange {
  directory_id: string;
  user: DirectoryUserObject;
  group: DirectoryGroupObject;
}

/** Every Roster event, discriminated by `type`: `switch (event.type)` narrows `data`. */
export type RosterEvent =
  | EventOf<'dsync.activated' | 'dsync.deleted', Record<string, unknown>>
  | EventOf<'dsync.user.created' | 'dsync.user.updated' | 'dsync.user.deleted', DirectoryUserObject>
  | EventOf<'dsync.group.created' | 'dsync.group.updated' | 'dsync.group.deleted', DirectoryGroupObject>
  | EventOf<'dsync.group.user_added' | 'dsync.group.user_removed', GroupMembershipChange>;

export type RosterEventType = RosterEvent['type'];

/** The event `POST /v1/webhook-endpoints/{id}/test` sends; never in the event log. */
export type WebhookTestEvent = EventOf<'webhook.test', { object: 'webhook_test'; webhook_endpoint_id: string }>;
