// Public API of @roster/sdk: the client a SaaS backend uses to consume Roster (webhook verification, Events API paging).
export {
  EventsClient,
  type EventFilter,
  type EventPage,
  type EventsClientOptions,
  type IterateEventsOptions,
  type ListEventsOptions,
} from './events-client';
export { RosterApiError } from './roster-api-error';
export { RosterClient, type RosterClientOptions } from './roster-client';
export type {
  DirectoryGroupObject,
  DirectoryUserObject,
  GroupMembershipChange,
  RosterEvent,
  RosterEventType,
  WebhookTestEvent,
} from './roster-event';
export { type IncomingHeaders, isVerificationError, verifyWebhook, WebhookVerificationError } from './verify-webhook';
