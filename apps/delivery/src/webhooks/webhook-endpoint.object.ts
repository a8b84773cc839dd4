import type { WebhookEndpoint } from '@roster/data';

export interface WebhookEndpointObject {
  object: 'webhook_endpoint';
  id: string;
  url: string;
  /** Empty: every event type. */
  events: string[];
  tenant_id: string | null;
  directory_id: string | null;
  state: 'enabled' | 'disabled';
  disabled_reason: string | null;
  /** During a rotation's overlap: when the previous secret stops signing. */
  previous_secret_expires_at: string | null;
  failing_since: string | null;
  created_at: string;
  updated_at: string;
}

export function toWebhookEndpointObject(endpoint: WebhookEndpoint, now = new Date()): WebhookEndpointObject {
  const overlap = endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now ? endpoint.previousSecretExpiresAt : null;
  return {
    object: 'webhook_endpoint',
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.eventTypes,
    tenant_id: endpoint.tenantId,
    directory_id: endpoint.directoryId,
    state: endpoint.state as WebhookEndpointObject['state'],
    disabled_reason: endpoint.disabledReason,
    previous_secret_expires_at: overlap?.toISOString() ?? null,
    failing_since: endpoint.failingSince?.toISOString() ?? null,
    created_at: endpoint.createdAt.toISOString(),
    updated_at: endpoint.updatedAt.toISOString(),
  };
}
