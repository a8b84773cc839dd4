import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type FinishedAttempt,
  type LeasedDelivery,
  type WebhookDeliveryStatus,
  WebhookDeliveriesRepository,
  WebhookEndpointsRepository,
  type WebhookLane,
  WebhookLanesRepository,
} from '@roster/data';
import { toEventObject } from '@roster/events';
import { buildWebhookHeaders, nextRetry, retryWindowMs, type SentWebhook, shouldDisableEndpoint } from '@roster/webhooks';
import { WEBHOOK_DELIVERY_SETTINGS, type WebhookDeliverySettings } from './webhook-delivery.settings';
import { WebhookHttpClient } from './webhook-http-client';
import { WebhookLaneWaker } from './webhook-lane-waker';
import { WebhookSigningSecrets } from './webhook-signing-secrets';

/**
 * How a run of a lane ended: nothing due is left (`drained`), its head waits
 * for a retry (`waiting`, a delayed wake-up is queued), or it used its share
 * and queued a wake-up to carry on (`yielded`).
 */
export type LaneOutcome = 'drained' | 'waiting' | 'yielded';

/** After an attempt: the next head already leased, the lane free to look again, or blocked on a retry. */
type Step = { kind: 'leased'; next: LeasedDelivery } | { kind: 'drained' } | { kind: 'moved_on' } | { kind: 'blocked' };

/**
 * Works one lane: sends its lowest pending delivery, records the attempt, and
 * goes on to the next only when that one succeeded or died. A success is
 * recorded and the next head leased in one statement, so a busy lane costs
 * one round trip per delivery. A failure leaves the delivery at the head with
 * its retry time and a delayed wake-up, so the lane waits and nothing later
 * overtakes it.
 */
@Injectable()
export class WebhookLaneService {
  private readonly logger = new Logger(WebhookLaneService.name);

  constructor(
    private readonly lanes: WebhookLanesRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly secrets: WebhookSigningSecrets,
    private readonly http: WebhookHttpClient,
    private readonly waker: WebhookLaneWaker,
    @Inject(WEBHOOK_DELIVERY_SETTINGS) private readonly settings: WebhookDeliverySettings,
  ) {}

  /** Sends the lane's due deliveries in order, up to the per-run share; `stopping` ends it after the attempt in flight. */
  async work(lane: WebhookLane, stopping?: AbortSignal): Promise<LaneOutcome> {
    let head = await this.lanes.lease(lane, this.settings.leaseMs);
    for (let sent = 1; head; sent++) {
      const last = sent >= this.settings.deliveriesPerLaneJob || stopping?.aborted === true;
      const step = await this.attempt(head, last);
      if (step.kind === 'blocked') return 'waiting';
      if (step.kind === 'drained') return 'drained';
      if (last) {
        // A long backlog: give other lanes their turn and carry on in a new job (or, stopping, in another worker).
        if (!stopping?.aborted) await this.waker.wake([lane]);
        return 'yielded';
      }
      head = step.kind === 'leased' ? step.next : await this.lanes.lease(lane, this.settings.leaseMs);
    }
    return 'drained';
  }

  private async attempt(delivery: LeasedDelivery, last: boolean): Promise<Step> {
    const { event } = delivery;
    const sent = event ? await this.send(delivery, JSON.stringify(toEventObject(event))) : expired(delivery.eventId);
    const now = new Date();
    const { status, nextAttemptAt } = event ? this.resolve(delivery, sent, now) : { status: 'dead' as const, nextAttemptAt: null };
    const finished: FinishedAttempt = {
      delivery,
      status,
      nextAttemptAt,
      responseStatus: sent.responseStatus,
      responseBody: sent.responseBody,
      error: sent.outcome.ok ? null : sent.outcome.summary,
      durationMs: sent.durationMs,
    };
    if (status === 'succeeded') {
      const next = await this.lanes.succeed(finished, last ? null : this.settings.leaseMs);
      return next ? { kind: 'leased', next } : { kind: last ? 'moved_on' : 'drained' };
    }
    const { failingSince } = await this.deliveries.finishAttempt(finished);
    await this.disableIfFailingTooLong(delivery.endpointId, failingSince, now);
    if (status === 'dead') return { kind: 'moved_on' };
    await this.waker.wakeAt(delivery, nextAttemptAt!, `${delivery.id}.${delivery.attemptCount + 1}`);
    return { kind: 'blocked' };
  }

  private send(delivery: LeasedDelivery, body: string): Promise<SentWebhook> {
    let secrets: string[];
    try {
      secrets = this.secrets.activeSecrets(delivery.endpoint);
    } catch {
      // Recorded as a failed attempt, not thrown: a stuck job would hide it.
      return Promise.resolve(notSent('the signing secret cannot be decrypted (was ROSTER_ENCRYPTION_KEY changed?)'));
    }
    const headers = buildWebhookHeaders({ msgId: delivery.eventId, timestamp: new Date(), body, secrets });
    return this.http.send(delivery.endpoint.url, { ...headers }, body);
  }

  private resolve(
    delivery: LeasedDelivery,
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

  private async disableIfFailingTooLong(endpointId: string, failingSince: Date | null, now: Date): Promise<void> {
    const window = retryWindowMs(this.settings.retryScheduleMs);
    if (!shouldDisableEndpoint(failingSince, now, window)) return;
    const reason = `Every delivery failed since ${failingSince!.toISOString()}, the whole retry window.`;
    if (await this.endpoints.disable(endpointId, reason)) {
      this.logger.warn(`webhook endpoint ${endpointId} disabled: ${reason}`);
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
