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
import {
  buildWebhookHeaders,
  nextRetry,
  retryWindowMs,
  type SentWebhook,
  shouldDisableEndpoint,
} from '@roster/webhooks';
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

// A run stops short (and gives the rest back) unless a whole attempt plus this
// margin fits in what is left of its lease: a lease running out mid-attempt
// would let another worker send the same delivery.
const LEASE_MARGIN_MS = 1_000;

/**
 * Works one lane: sends its pending deliveries in event order, going on to
 * the next only when one succeeded or died. Deliveries are leased in runs
 * from the head and a run's successes are recorded, and the next run leased,
 * in one statement, so a busy lane costs a statement per run, not several
 * per delivery. A failure leaves the delivery at the head with its retry time
 * and a delayed wake-up, and gives back the rest of the run unattempted, so
 * the lane waits and nothing later overtakes it.
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
    const budget = this.settings.deliveriesPerLaneJob;
    const runSize = (sent: number) => Math.max(1, Math.min(this.settings.leaseBatch, budget - sent));
    let sent = 0;
    let run = await this.lanes.lease(lane, this.settings.leaseMs, runSize(sent));
    while (run.length > 0) {
      const { succeeded, failed, attempted } = await this.sendRun(run, stopping);
      sent += attempted;
      const unattempted = run.slice(attempted);
      const goOn = !failed && unattempted.length === 0 && sent < budget && !stopping?.aborted;
      const next = await this.lanes.succeed(
        succeeded,
        goOn ? { leaseMs: this.settings.leaseMs, max: runSize(sent) } : null,
      );
      await this.lanes.release(unattempted);
      if (failed && (await this.recordFailure(failed)) === 'waiting') return 'waiting';
      if (sent >= budget || stopping?.aborted) {
        // A long backlog: give other lanes their turn and carry on in a new job (or, stopping, in another worker).
        if (!stopping?.aborted) await this.waker.wake([lane]);
        return 'yielded';
      }
      run = goOn ? next : await this.lanes.lease(lane, this.settings.leaseMs, runSize(sent));
    }
    return 'drained';
  }

  /** Sends a leased run in order until one fails, the lease runs short, or the worker stops. */
  private async sendRun(
    run: readonly LeasedDelivery[],
    stopping?: AbortSignal,
  ): Promise<{ succeeded: FinishedAttempt[]; failed: FinishedAttempt | null; attempted: number }> {
    const leasedAt = performance.now();
    const succeeded: FinishedAttempt[] = [];
    for (const delivery of run) {
      const leaseLeft = this.settings.leaseMs - (performance.now() - leasedAt);
      if (succeeded.length > 0 && (stopping?.aborted || leaseLeft < this.settings.timeoutMs + LEASE_MARGIN_MS)) break;
      const finished = await this.attempt(delivery);
      if (finished.status !== 'succeeded') return { succeeded, failed: finished, attempted: succeeded.length + 1 };
      succeeded.push(finished);
    }
    return { succeeded, failed: null, attempted: succeeded.length };
  }

  private async attempt(delivery: LeasedDelivery): Promise<FinishedAttempt> {
    const { event } = delivery;
    const sent = event ? await this.send(delivery, JSON.stringify(toEventObject(event))) : expired(delivery.eventId);
    const { status, nextAttemptAt } = event
      ? this.resolve(delivery, sent, new Date())
      : { status: 'dead' as const, nextAttemptAt: null };
    return {
      delivery,
      status,
      nextAttemptAt,
      responseStatus: sent.responseStatus,
      responseBody: sent.responseBody,
      error: sent.outcome.ok ? null : sent.outcome.summary,
      durationMs: sent.durationMs,
    };
  }

  /** Records a failed attempt; the lane waits for its retry, or moves on past a dead delivery. */
  private async recordFailure(failed: FinishedAttempt): Promise<'waiting' | 'moved_on'> {
    const now = new Date();
    const { failingSince } = await this.deliveries.finishAttempt(failed);
    // Judged when a delivery dies, after its last attempt is recorded: disabling the
    // endpoint earlier would leave that delivery pending, neither delivered nor dead.
    if (failed.status === 'dead') {
      await this.disableIfFailingTooLong(failed.delivery.endpointId, failingSince, now);
      return 'moved_on';
    }
    const { delivery } = failed;
    await this.waker.wakeAt(delivery, failed.nextAttemptAt!, `${delivery.id}.${delivery.attemptCount + 1}`);
    return 'waiting';
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
  return {
    outcome: { ok: false, failure: { kind: 'network' }, summary },
    responseStatus: null,
    responseBody: null,
    retryAfter: null,
    durationMs: 0,
  };
}
