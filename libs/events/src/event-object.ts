import type { EventType } from './event-types';

/** An event as the Events API and webhooks show it (CONTRACT section 6). */
export interface EventObject {
  object: 'event';
  id: string;
  type: EventType;
  created_at: string;
  tenant_id: string;
  directory_id: string;
  data: unknown;
  previous_attributes?: Record<string, unknown>;
}

/** The stored fields an event object is built from. */
export interface EventRecord {
  id: string;
  type: string;
  createdAt: Date;
  tenantId: string;
  directoryId: string;
  data: unknown;
  previousAttributes: unknown;
}

export function toEventObject(event: EventRecord): EventObject {
  const object: EventObject = {
    object: 'event',
    id: event.id,
    type: event.type as EventType,
    created_at: event.createdAt.toISOString(),
    tenant_id: event.tenantId,
    directory_id: event.directoryId,
    data: event.data,
  };
  if (event.previousAttributes) object.previous_attributes = event.previousAttributes as Record<string, unknown>;
  return object;
}
