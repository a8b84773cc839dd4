import type { EventType } from './event-types';

/** An event about to be appended to the log, in the transaction of its change. */
export interface NewEvent {
  type: EventType;
  tenantId: string;
  directoryId: string;
  data: unknown;
  previousAttributes?: Record<string, unknown>;
}
