/** What an endpoint subscribes to; empty `eventTypes` and null scopes mean "everything". */
export interface EndpointSubscription {
  eventTypes: readonly string[];
  tenantId: string | null;
  directoryId: string | null;
  createdAt: Date;
}

export interface EventScope {
  type: string;
  tenantId: string;
  directoryId: string;
  createdAt: Date;
}

/**
 * True when the endpoint wants this event: its type filter and tenant and
 * directory scopes match, and the event is not older than the endpoint (a new
 * endpoint starts from now; older events are sent only by an explicit replay).
 */
export function endpointWantsEvent(endpoint: EndpointSubscription, event: EventScope): boolean {
  return (
    event.createdAt.getTime() >= endpoint.createdAt.getTime() &&
    (endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(event.type)) &&
    (endpoint.tenantId === null || endpoint.tenantId === event.tenantId) &&
    (endpoint.directoryId === null || endpoint.directoryId === event.directoryId)
  );
}
