/**
 * The queue between the outbox relay and the webhook fan-out: one job per
 * committed event, job id = the event id, so re-enqueueing after a crash or a
 * Redis outage is a no-op while the job is retained, and the fan-out itself is
 * idempotent (one delivery row per endpoint and event) for when it is not.
 * Jobs carry ids only: the worker reads the event from Postgres.
 */
export const EVENT_FANOUT_QUEUE = 'event-fanout';

export interface EventFanoutJob {
  eventId: string;
  /** The event's position in the log (bigint as a decimal string). */
  seq: string;
  directoryId: string;
}
