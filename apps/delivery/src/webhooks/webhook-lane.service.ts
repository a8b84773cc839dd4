import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type ClaimedDelivery,
  type WebhookDeliveryStatus,
  type WebhookEndpoint,
  WebhookDeliveriesRepository,
  WebhookEndpointsRepository,
  type WebhookLane,
} from '@roster/data';
import { toEventObject } from '@roster/events';
import { buildWebhookHeaders, nextRetry, retryWindowMs, type SentWebhook, shouldDisableEndpoint } from '@roster/webhooks';
import { WEBHOOK_DELIVERY_SETTINGS, type WebhookDeliverySettings } from './webhook-delivery.settings';
import { WebhookHttpClient } from './webhook-http-client';
import { WebhookLaneWaker } from './webhook-lane-waker';
import { WebhookSigningSecrets } from './webhook-signing-secrets';

type Step = 'next' | 'lane_blocked';

/**
 * Works one lane: sends its lowest pending delivery, records the attempt, and
 * goes on to the next only when that one succeeded or died. A failure leaves
 * the delivery at the head with its retry time and a delayed wake-up, so the
 * lane waits and nothing later overtakes it.
 */
@Injectable()
export class WebhookLaneService {
  private readonly logger = new Logger(WebhookLaneService.name);

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly secrets: WebhookSigningSecrets,
    private readonly http: WebhookHttpClient,
    private readonly waker: WebhookLaneWaker,
    @Inject(WEBHOOK_DELIVERY_SETTINGS) private readonly settings: WebhookDeliverySettings,
  ) {}

  async work(lane: WebhookLane): Promise<void> {
    const endpoint = await this.endpoints.findById(lane.endpointId);
    if (!endpoint || endpoint.state !== 'enabled') return;
    for (let sent = 0; sent < this.settings.deliveriesPerLaneJob; sent++) {
      const delivery = await this.deliveries.claimHead(lane, this.settings.leaseMs);
      if (!delivery) return;
      if ((await this.attempt(endpoint, delivery)) === 'lane_blocked') return;
    }
    // A long backlog: give other lanes their turn and carry on in a new job.
    await this.waker.wake([lane]);
  }

  private async attempt(endpoint: WebhookEndpoint, delivery: ClaimedDelivery): Promise<Step> {
    const event = await this.deliveries.findEvent(delivery.eventId);
    const sent = event
      ? await this.send(endpoint, delivery, JSON.stringify(toEventObject(event)))
      : expired(delivery.eventId);
    const now = new Date();
    const { status, nextAttemptAt } = event ? this.resolve(delivery, sent, now) : { status: 'dead' as const, nextAttemptAt: null };
    const { failingSince } = await this.deliveries.finishAttempt({
      delivery,
      status,
      nextAttemptAt,
      responseStatus: sent.responseStatus,
      responseBody: sent.responseBody,
      error: sent.outcome.ok ? null : sent.outcome.summary,
      durationMs: sent.durationMs,
    });
    if (!sent.outcome.ok) await this.disableIfFailingTooLong(endpoint, failingSince, now);
    if (status !== 'pending') return 'next';
    await this.waker.wakeAt(delivery, nextAttemptAt!, `${delivery.id}.${delivery.attemptCount + 1}`);
    return 'lane_blocked';
  }

  private send(endpoint: WebhookEndpoint, delivery: ClaimedDelivery, body: string): Promise<SentWebhook> {
    let secrets: string[];
    try {
      secrets = this.secrets.activeSecrets(endpoint);
    } catch {
      // Recorded as a failed attempt, not thrown: a stuck job would hide it.
      return Promise.resolve(notSent('the signing secret cannot be decrypted (was ROSTER_ENCRYPTION_KEY changed?)'));
    }
    const headers = buildWebhookHeaders({ msgId: delivery.eventId, timestamp: new Date(), body, secrets });
    return this.http.send(endpoint.url, { ...headers }, body);
  }

  private resolve(
    delivery: ClaimedDelivery,
    sent: SentWebhook,
    now: Date,
  ): { status: WebhookDeliveryStatus; nextAttemptAt: Date | null } {
    if (sent.outcome.ok) return { status: 'succeeded', nextAttemptAt: null };
    const retry = nextRetry({
      schedule: this.settings.retryScheduleMs,
      attempt: delivery.attemptCount + 1,
      failure: sent.outcome.failure,
      retryAfter: sent.retryAfter,
      now,
    });
    return retry.retry
      ? { status: 'pending', nextAttemptAt: new Date(now.getTime() + retry.delayMs) }
      : { status: 'dead', nextAttemptAt: null };
  }

  private async disableIfFailingTooLong(endpoint: WebhookEndpoint, failingSince: Date | null, now: Date): Promise<void> {
    const window = retryWindowMs(this.settings.retryScheduleMs);
    if (!shouldDisableEndpoint(failingSince, now, window)) return;
    const reason = `Every delivery failed since ${failingSince!.toISOString()}, the whole retry window.`;
    if (await this.endpoints.disable(endpoint.id, reason)) {
      this.logger.warn(`webhook endpoint ${endpoint.id} disabled: ${reason}`);
    }
  }
}

/** The event was pruned by retention before it could be delivered: nothing to send. */
function expired(eventId: string): SentWebhook {
  return notSent(`event ${eventId} is no longer retained`);
}

function notSent(summary: string): SentWebhook {
  return { outcome: { ok: false, failure: { kind: 'network' }, summary }, responseStatus: null, responseBody: null, retryAfter: null, durationMs: 0 };
}
