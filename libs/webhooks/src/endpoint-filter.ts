/** What an endpoint subscribes to; empty `eventTypes` and null scopes mean "everything". */
export interface EndpointSubscription {
  eventTypes: readonly string[];
  tenantId: string | null;
  directoryId: string | null;
}

export interface EventScope {
  type: string;
  tenantId: string;
  directoryId: string;
}

/** True when the endpoint wants this event: its type filter and tenant/directory scope all match. */
export function endpointWantsEvent(endpoint: EndpointSubscription, event: EventScope): boolean {
  return (
    (endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(event.type)) &&
    (endpoint.tenantId === null || endpoint.tenantId === event.tenantId) &&
    (endpoint.directoryId === null || endpoint.directoryId === event.directoryId)
  );
}
