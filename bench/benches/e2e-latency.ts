import { type Bench, type BenchContext, type BenchOutcome, requireStack } from '../support/bench';
import { formatNumber } from '../support/format';
import { EventTail } from '../support/event-tail';
import { requestJson } from '../support/http-json';
import { type LatencySummary, summarize } from '../support/percentiles';
import { createScimDirectory, scimUser } from '../support/scim-directory';
import { WebhookReceiver } from '../support/webhook-receiver';

const RATE_PER_SECOND = 50;
const TARGET_EVENTS_P99_MS = 100;
const TARGET_WEBHOOK_P99_MS = 150;
const SETTLE_MS = 30_000;

/**
 * From a SCIM create's 2xx to the event being visible to a long-polling Events
 * API consumer, and to its webhook arriving, at a steady 50 creates/s.
 * A consumer that sees the event before the 2xx reaches the IdP counts as 0 ms.
 */
export const e2eLatency: Bench = {
  name: 'e2e-latency',
  apps: ['admin', 'ingest', 'delivery'],
  // The webhook receiver listens on 127.0.0.1, which the SSRF guard refuses by default.
  env: { ROSTER_WEBHOOK_ALLOW_PRIVATE: 'true' },
  target: `p99 < ${TARGET_EVENTS_P99_MS} ms to Events API, < ${TARGET_WEBHOOK_P99_MS} ms to webhook`,
  async run(context: BenchContext): Promise<BenchOutcome> {
    const stack = requireStack(context);
    const seconds = context.quick ? 3 : 20;
    // The first second warms the apps up (JIT, pools) and is not counted.
    const warmup = RATE_PER_SECOND;
    const total = warmup + RATE_PER_SECOND * seconds;
    const directory = await createScimDirectory(stack.urls.admin, stack.urls.ingest, stack.apiKey, 'okta');
    const receiver = new WebhookReceiver();
    const webhookUrl = await receiver.start();
    const endpoint = await requestJson('POST', `${stack.urls.delivery}/v1/webhook-endpoints`, stack.apiKey, {
      url: webhookUrl,
      events: ['dsync.user.created'],
      directory_id: directory.directoryId,
    });
    const webhooks = endpoint.status === 201 || endpoint.status === 200;
    if (!webhooks)
      context.progress.step(
        `no webhook endpoint (${endpoint.status} ${JSON.stringify(endpoint.body)}): Events API only`,
      );
    const tail = new EventTail(stack.urls.delivery, stack.apiKey, directory.directoryId);
    await tail.start();
    const okAt = new Map<string, number>();
    let failures = 0;
    try {
      context.progress.step(`${formatNumber(total)} creates at ${RATE_PER_SECOND}/s`);
      const sends: Promise<void>[] = [];
      const started = performance.now();
      for (let i = 0; i < total; i += 1) {
        const due = started + (i * 1000) / RATE_PER_SECOND;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const userName = `e2e.user${i}@bench.example`;
        sends.push(
          requestJson('POST', `${directory.baseUrl}/Users`, directory.token, scimUser(userName)).then((response) => {
            if (response.status !== 201) failures += 1;
            else if (i >= warmup) okAt.set(userName, performance.now());
          }),
        );
        context.progress.count('creates sent', i + 1, total);
      }
      await Promise.all(sends);
      context.progress.step('waiting for the last events and webhooks');
      const deadline = Date.now() + SETTLE_MS;
      while (Date.now() < deadline && (tail.seenAt.size < total || (webhooks && receiver.receivedAt.size < total))) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await tail.stop();
      await receiver.stop();
    }
    const toEvents = latencies(okAt, tail.seenAt);
    const toWebhook = webhooks ? latencies(okAt, receiver.receivedAt) : null;
    const eventsPass = toEvents.missing === 0 && toEvents.summary.p99 < TARGET_EVENTS_P99_MS;
    const webhookPass = toWebhook ? toWebhook.missing === 0 && toWebhook.summary.p99 < TARGET_WEBHOOK_P99_MS : false;
    return {
      figure:
        `Events API p50 ${toEvents.summary.p50} ms, p99 ${toEvents.summary.p99} ms` +
        (toWebhook
          ? `; webhook p50 ${toWebhook.summary.p50} ms, p99 ${toWebhook.summary.p99} ms`
          : '; webhook not measured') +
        ` (${RATE_PER_SECOND}/s for ${seconds} s${failures ? `, ${failures} failed creates` : ''})`,
      pass: failures === 0 && eventsPass && webhookPass,
      metrics: {
        ratePerSecond: RATE_PER_SECOND,
        seconds,
        creates: okAt.size,
        failedCreates: failures,
        toEventsApiMs: toEvents.summary,
        eventsMissing: toEvents.missing,
        toWebhookMs: toWebhook?.summary ?? null,
        webhooksMissing: toWebhook?.missing ?? null,
      },
    };
  },
};

function latencies(
  okAt: Map<string, number>,
  seenAt: Map<string, number>,
): { summary: LatencySummary; missing: number } {
  const samples: number[] = [];
  let missing = 0;
  for (const [userName, ok] of okAt) {
    const seen = seenAt.get(userName);
    if (seen === undefined) missing += 1;
    else samples.push(Math.max(0, seen - ok));
  }
  return { summary: summarize(samples), missing };
}
