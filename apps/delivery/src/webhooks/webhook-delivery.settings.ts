import type { AppConfig } from '@roster/config';

/** How the webhook workers run; from the config, with code-level tunables tests may override. */
export interface WebhookDeliverySettings {
  retryScheduleMs: readonly number[];
  allowPrivate: boolean;
  /** One attempt, DNS to last byte (CONTRACT section 7: 10 s). */
  timeoutMs: number;
  /** How long a claimed delivery stays leased: longer than an attempt, so only a dead worker's lease expires. */
  leaseMs: number;
  /** How often lost wake-ups (Redis restarted, worker killed) are looked for. */
  sweepIntervalMs: number;
  /** A lane due for this long without being worked is woken by the sweep. */
  sweepGraceMs: number;
  /**
   * Deliveries one lane job sends before yielding to other lanes (through the
   * lane queue, a Redis round trip and a job): 500 is a few seconds of a busy
   * lane; at 100 the yields took about a tenth of the delivery app's CPU in
   * the webhook-fanout bench.
   */
  deliveriesPerLaneJob: number;
  /** Deliveries of a lane leased (and then recorded) together, sent one after the other. */
  leaseBatch: number;
  /** Lanes a fan-out may start in this process at once, without a queue round trip; more go through the lane queue. */
  directLanes: number;
}

export const WEBHOOK_DELIVERY_SETTINGS = Symbol('WebhookDeliverySettings');

export function webhookDeliverySettings(
  config: AppConfig,
  overrides: Partial<WebhookDeliverySettings> = {},
): WebhookDeliverySettings {
  const timeoutMs = overrides.timeoutMs ?? 10_000;
  return {
    retryScheduleMs: config.webhookRetryScheduleMs,
    allowPrivate: config.webhookAllowPrivate,
    timeoutMs,
    leaseMs: timeoutMs + 5_000,
    sweepIntervalMs: 5_000,
    sweepGraceMs: 1_000,
    deliveriesPerLaneJob: 500,
    directLanes: 32,
    leaseBatch: 50,
    ...overrides,
  };
}
