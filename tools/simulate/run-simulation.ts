import { clientDialect } from './clients/client-dialects';
import { httpSender } from './http-send';
import { ProgressBar, type ProgressStream } from './progress-bar';
import { captureIds, statusAccepted, substitute } from './story-format';
import { buildSyncPlan, type Unit } from './sync-plan';

export interface SimulationOptions {
  readonly provider: string;
  readonly users: number;
  readonly groups: number;
  /** The directory's SCIM base URL as Roster prints it (`.../scim/v2/{directoryId}`). */
  readonly baseUrl: string;
  readonly token: string;
  readonly concurrency: number;
  readonly runId: string;
  /** Where the progress bar goes; stderr by default. */
  readonly progress?: ProgressStream;
}

export interface SimulationSummary {
  provider: string;
  base_url: string;
  users: number;
  groups: number;
  requests: number;
  failed: number;
  by_status: Record<string, number>;
  first_failures: string[];
  duration_ms: number;
  requests_per_second: number;
}

/** Replays a realistic sync in one IdP's dialect against a running Roster directory. */
export async function runSimulation(options: SimulationOptions): Promise<SimulationSummary> {
  const client = clientDialect(options.provider);
  const baseUrl = versionedBaseUrl(options.baseUrl, client.scimVersion);
  const send = httpSender(baseUrl, options.token);
  const phases = buildSyncPlan(client, options);
  const bar = new ProgressBar(phases.flat(2).length, options.progress);
  const captured: Record<string, string> = {};
  const byStatus: Record<string, number> = {};
  const failures: string[] = [];
  const started = Date.now();

  // A unit stops at its first failure: later requests would use ids it never captured.
  const runUnit = async (unit: Unit) => {
    for (const [index, planned] of unit.entries()) {
      let ok = false;
      try {
        const request = {
          method: planned.method,
          path: substitute(planned.path, captured),
          headers: planned.headers ?? {},
          body: substitute(planned.body, captured),
        };
        const response = await send(request);
        byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
        ok = statusAccepted(planned, response.status);
        if (ok) Object.assign(captured, captureIds(planned, response.body));
        else
          failures.push(
            `${planned.name}: ${request.method} ${request.path} -> ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
          );
      } catch (error) {
        byStatus.error = (byStatus.error ?? 0) + 1;
        failures.push(`${planned.name}: ${(error as Error).message}`);
      }
      bar.tick(ok);
      if (!ok) {
        for (let skipped = index + 1; skipped < unit.length; skipped += 1) bar.tick(false);
        return;
      }
    }
  };

  for (const phase of phases) await runPool(phase, options.concurrency, runUnit);
  bar.finish();

  const requests = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
  const durationMs = Date.now() - started;
  return {
    provider: client.provider,
    base_url: baseUrl,
    users: options.users,
    groups: options.groups,
    requests,
    failed: failures.length,
    by_status: byStatus,
    first_failures: failures.slice(0, 5),
    duration_ms: durationMs,
    requests_per_second: Math.round((requests / Math.max(durationMs, 1)) * 10000) / 10,
  };
}

async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

// A SCIM 1.1 client talks to /scim/v1/{directoryId}; accept the v2 URL Roster prints.
function versionedBaseUrl(url: string, version: '2.0' | '1.1'): string {
  return version === '1.1' ? url.replace(/\/scim\/v2\//, '/scim/v1/') : url;
}
