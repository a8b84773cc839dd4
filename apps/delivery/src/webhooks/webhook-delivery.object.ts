import type { DeliveryWithAttempts, WebhookDeliveryAttempt } from '@roster/data';

export interface WebhookDeliveryAttemptObject {
  object: 'webhook_delivery_attempt';
  attempt_number: number;
  /** Null when no response arrived (timeout, refused, network error). */
  response_status: number | null;
  /** Truncated. */
  response_body: string | null;
  error: string | null;
  duration_ms: number;
  created_at: string;
}

export interface WebhookDeliveryObject {
  object: 'webhook_delivery';
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string | null;
  directory_id: string;
  status: 'pending' | 'succeeded' | 'dead';
  attempt_count: number;
  next_attempt_at: string | null;
  attempts: WebhookDeliveryAttemptObject[];
  created_at: string;
  updated_at: string;
}

export function toWebhookDeliveryObject(delivery: DeliveryWithAttempts): WebhookDeliveryObject {
  return {
    object: 'webhook_delivery',
    id: delivery.id,
    endpoint_id: delivery.endpointId,
    event_id: delivery.eventId,
    event_type: delivery.eventType,
    directory_id: delivery.directoryId,
    status: delivery.status as WebhookDeliveryObject['status'],
    attempt_count: delivery.attemptCount,
    next_attempt_at: delivery.status === 'pending' ? (delivery.nextAttemptAt?.toISOString() ?? null) : null,
    attempts: delivery.attempts.map(toAttemptObject),
    created_at: delivery.createdAt.toISOString(),
    updated_at: delivery.updatedAt.toISOString(),
  };
}

function toAttemptObject(attempt: WebhookDeliveryAttempt): WebhookDeliveryAttemptObject {
  return {
    object: 'webhook_delivery_attempt',
    attempt_number: attempt.attemptNumber,
    response_status: attempt.responseStatus,
    response_body: attempt.responseBody,
    error: attempt.error,
    duration_ms: attempt.durationMs,
    created_at: attempt.createdAt.toISOString(),
  };
}
