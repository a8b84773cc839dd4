import { Client } from 'pg';
import { type Bench, type BenchContext, type BenchOutcome, requireStack } from '../support/bench';
import { formatNumber, round } from '../support/format';
import { expectOk } from '../support/http-json';
import { type LatencySummary, summarize } from '../support/percentiles';
import { WebhookReceiver } from '../support/webhook-receiver';

const EVENTS_PER_SECOND = 1000;
const DIRECTORIES = 10;
const ENDPOINTS = 3;
// Each directory's writer commits this many events per transaction, under the directory lock as the apps do.
const EVENTS_PER_COMMIT = 5;
const SETTLE_MS = 60_000;

/**
 * Issue 6: 1,000 events/s, spread over 10 directories, fanned out to 3 local
 * receivers (3,000 webhooks/s). Events are appended straight to the log, each
 * directory by its own writer taking the directory's advisory lock, so the
 * delivery app (relay, fan-out, lanes) is what is measured. Reports delivered
 * webhooks per second and commit-to-receipt latency, and from the database
 * where the time went: commit to relayed, to fanned out, to recorded as sent,
 * and the HTTP attempt itself.
 */
export const webhookFanout: Bench = {
  name: 'webhook-fanout',
  apps: ['delivery'],
  // The receivers listen on 127.0.0.1, which the SSRF guard refuses by default.
  env: { ROSTER_WEBHOOK_ALLOW_PRIVATE: 'true' },
  target: `${formatNumber(EVENTS_PER_SECOND)} events/s to ${ENDPOINTS} endpoints kept up with (≥ 95% of ${formatNumber(EVENTS_PER_SECOND * ENDPOINTS)} webhooks/s), none lost`,
  async run(context: BenchContext): Promise<BenchOutcome> {
    const stack = requireStack(context);
    const seconds = context.quick ? 2 : 10;
    const receivers = Array.from({ length: ENDPOINTS }, () => new WebhookReceiver());
    for (const receiver of receivers) {
      const url = await receiver.start();
      await expectOk('POST', `${stack.urls.delivery}/v1/webhook-endpoints`, stack.apiKey, { url, events: ['dsync.user.created'] });
    }
    const writers = await Promise.all(Array.from({ length: DIRECTORIES }, () => connect(context.databaseUrl)));
    const committedAt = new Map<string, number>();
    let firstCommit = 0;
    let lastReceipt: number;
    try {
      context.progress.step(`${formatNumber(EVENTS_PER_SECOND * seconds)} events at ${formatNumber(EVENTS_PER_SECOND)}/s over ${DIRECTORIES} directories`);
      firstCommit = performance.now();
      await Promise.all(
        writers.map((writer, index) =>
          writeDirectory(writer, `directory_fanout${index}`, seconds, firstCommit, (usernames, at) => {
            for (const username of usernames) committedAt.set(username, at);
            context.progress.count('events committed', committedAt.size, EVENTS_PER_SECOND * seconds);
          }),
        ),
      );
      context.progress.step('waiting for the last webhooks');
      const deadline = Date.now() + SETTLE_MS;
      while (Date.now() < deadline && receivers.some((receiver) => receiver.receivedAt.size < committedAt.size)) {
        context.progress.count('webhooks received', sumOf(receivers.map((receiver) => receiver.receivedAt.size)), committedAt.size * ENDPOINTS);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      lastReceipt = Math.max(...receivers.flatMap((receiver) => [...receiver.receivedAt.values()]));
    } finally {
      await Promise.all(receivers.map((receiver) => receiver.stop()));
    }
    const stages = await stageLatencies(writers[0]!);
    await Promise.all(writers.map((writer) => writer.end()));

    const samples: number[] = [];
    let missing = 0;
    for (const receiver of receivers) {
      for (const [username, committed] of committedAt) {
        const received = receiver.receivedAt.get(username);
        if (received === undefined) missing += 1;
        else samples.push(Math.max(0, received - committed));
      }
    }
    const offered = EVENTS_PER_SECOND * ENDPOINTS;
    const delivered = samples.length;
    const deliveredPerSecond = Math.round(delivered / ((lastReceipt - firstCommit) / 1000));
    const latency = summarize(samples);
    return {
      figure:
        `${formatNumber(deliveredPerSecond)} webhooks/s delivered (${formatNumber(EVENTS_PER_SECOND)} events/s × ${ENDPOINTS} endpoints, ${seconds} s); ` +
        `commit to receipt p50 ${latency.p50} ms, p99 ${latency.p99} ms${missing ? `; ${formatNumber(missing)} missing` : ''}`,
      pass: missing === 0 && deliveredPerSecond >= offered * 0.95,
      metrics: {
        eventsPerSecond: EVENTS_PER_SECOND,
        directories: DIRECTORIES,
        endpoints: ENDPOINTS,
        seconds,
        events: committedAt.size,
        delivered,
        missing,
        deliveredPerSecond,
        commitToReceiptMs: latency,
        stagesMs: stages,
      },
    };
  },
};

async function connect(databaseUrl: string): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/** One directory's writer: its share of the rate, EVENTS_PER_COMMIT events per transaction, on a fixed schedule. */
async function writeDirectory(
  client: Client,
  directoryId: string,
  seconds: number,
  started: number,
  onCommit: (usernames: string[], at: number) => void,
): Promise<void> {
  const commits = (EVENTS_PER_SECOND / DIRECTORIES / EVENTS_PER_COMMIT) * seconds;
  const intervalMs = (1000 * DIRECTORIES * EVENTS_PER_COMMIT) / EVENTS_PER_SECOND;
  // Writers start spread over one interval, so commits do not all land at once.
  const offset = (intervalMs * Number(directoryId.replace(/\D/g, ''))) / DIRECTORIES;
  for (let commit = 0; commit < commits; commit += 1) {
    const wait = started + offset + commit * intervalMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const usernames = Array.from({ length: EVENTS_PER_COMMIT }, (_, n) => `${directoryId}.${commit * EVENTS_PER_COMMIT + n}@bench.example`);
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [directoryId]);
    await client.query(INSERT_EVENTS, [directoryId, usernames]);
    await client.query('COMMIT');
    onCommit(usernames, performance.now());
  }
}

const INSERT_EVENTS = `
  INSERT INTO events (id, type, tenant_id, directory_id, data)
  SELECT 'event_' || replace(gen_random_uuid()::text, '-', ''), 'dsync.user.created', 'tenant_fanout', $1,
         jsonb_build_object('object', 'directory_user', 'directory_id', $1::text, 'tenant_id', 'tenant_fanout',
                            'username', u, 'email', u, 'state', 'active')
    FROM unnest($2::text[]) WITH ORDINALITY AS t(u, n) ORDER BY n`;

/** Where the time went, from the rows: each stage measured from the event's transaction start. */
async function stageLatencies(client: Client): Promise<Record<string, LatencySummary>> {
  const { rows } = await client.query<{ relayed: number; fanned_out: number; sent: number; attempt: number }>(`
    SELECT extract(epoch FROM e.dispatched_at - e.created_at) * 1000 AS relayed,
           a.duration_ms AS attempt,
           extract(epoch FROM d.created_at - e.created_at) * 1000 AS fanned_out,
           extract(epoch FROM a.created_at - e.created_at) * 1000 AS sent
      FROM webhook_deliveries d
      JOIN events e ON e.id = d.event_id
      JOIN webhook_delivery_attempts a ON a.delivery_id = d.id AND a.attempt_number = 1`);
  const of = (pick: (row: (typeof rows)[number]) => number) => summarize(rows.map((row) => round(Number(pick(row)))));
  return {
    relayed: of((row) => row.relayed),
    fannedOut: of((row) => row.fanned_out),
    sent: of((row) => row.sent),
    // The HTTP attempt alone: what a lane, sending in order, waits for per delivery.
    attempt: of((row) => row.attempt),
  };
}

function sumOf(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}
