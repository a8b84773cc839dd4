/**
 * The queue between the outbox relay and the webhook fan-out: per relay
 * batch, one job per directory, naming the directory's newest event in the
 * batch (job id = that event's id). The fan-out brings the directory's
 * cursor up to it, so a job covers all the directory's events before it;
 * re-enqueueing after a crash or a Redis outage is a no-op while the job is
 * retained, and the fan-out is idempotent for when it is not. Jobs carry ids
 * only: the worker reads the events from Postgres.
 */
export const EVENT_FANOUT_QUEUE = 'event-fanout';

export interface EventFanoutJob {
  /** The directory's newest event in the relay batch. */
  eventId: string;
  /** The event's position in the log (bigint as a decimal string). */
  seq: string;
  directoryId: string;
}
