import autocannon from 'autocannon';
import { type Bench, type BenchContext, type BenchOutcome, requireStack } from '../support/bench';
import { formatNumber, round } from '../support/format';
import { createScimDirectory, scimUser } from '../support/scim-directory';

const CONCURRENCIES = [1, 10, 50];
const TARGET_RPS = 1500;
const TARGET_P99_MS = 100;

interface Step {
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** `POST /Users` at concurrency 1, 10 and 50, every request a new userName. */
export const scimCreate: Bench = {
  name: 'scim-create',
  apps: ['admin', 'ingest'],
  target: `c=50: ≥ ${formatNumber(TARGET_RPS)} req/s, p99 < ${TARGET_P99_MS} ms`,
  async run(context: BenchContext): Promise<BenchOutcome> {
    const stack = requireStack(context);
    const directory = await createScimDirectory(stack.urls.admin, stack.urls.ingest, stack.apiKey);
    const seconds = context.quick ? 2 : 10;
    let next = 0;
    const steps: Step[] = [];
    for (const connections of CONCURRENCIES) {
      context.progress.step(`POST /Users at c=${connections} for ${seconds} s`);
      const run = autocannon({
        url: directory.baseUrl,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: `${new URL(directory.baseUrl).pathname}/Users`,
            headers: { authorization: `Bearer ${directory.token}`, 'content-type': 'application/scim+json' },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify(scimUser(`user${(next += 1)}@bench.example`)),
            }),
          },
        ],
      });
      run.on('tick', ({ counter }) => context.progress.count(`c=${connections} req/s`, counter));
      const result = await run;
      steps.push({
        connections,
        requestsPerSecond: round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        requests: result['2xx'] + result.non2xx,
        non2xx: result.non2xx,
        errors: result.errors,
      });
    }
    const top = steps[steps.length - 1]!;
    const clean = steps.every((step) => step.non2xx === 0 && step.errors === 0);
    return {
      figure:
        steps
          .map(
            (s) => `c=${s.connections}: ${formatNumber(s.requestsPerSecond)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms`,
          )
          .join('; ') + (clean ? '' : ' (with errors)'),
      pass: clean && top.requestsPerSecond >= TARGET_RPS && top.p99 < TARGET_P99_MS,
      writesPerSecond: top.requestsPerSecond,
      metrics: { seconds, steps },
    };
  },
};
