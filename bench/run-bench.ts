import { bigGroup } from './benches/big-group';
import { e2eLatency } from './benches/e2e-latency';
import { entraCycle } from './benches/entra-cycle';
import { eventsNoGap } from './benches/events-no-gap';
import { googleFirstSync } from './benches/google-first-sync';
import { idpSimulator } from './benches/idp-simulator';
import { eventsRead } from './benches/events-read';
import { oktaInitialSync } from './benches/okta-initial-sync';
import { portalPages } from './benches/portal-pages';
import { pgCeiling } from './benches/pg-ceiling';
import { scimRead } from './benches/scim-read';
import { scimCreate } from './benches/scim-create';
import { webhookFanout } from './benches/webhook-fanout';
import { join } from 'node:path';
import { startAppStack, type AppStack } from './support/app-stack';
import { snapshotCompiledApps } from './support/apps-snapshot';
import type { Bench, BenchOutcome } from './support/bench';
import { createBenchDatabase, dropBenchDatabase } from './support/bench-database';
import { provideBenchServices } from './support/bench-services';
import { recordedCeiling, recordInDocs } from './support/docs-table';
import { currentCommit, currentLoad, describeMachine } from './support/machine';
import { Progress } from './support/progress';

// Run order: the machine's ceiling first, so the others can be read against it.
const BENCHES: readonly Bench[] = [
  pgCeiling,
  scimCreate,
  oktaInitialSync,
  bigGroup,
  eventsRead,
  e2eLatency,
  eventsNoGap,
  webhookFanout,
  entraCycle,
  idpSimulator,
  googleFirstSync,
  portalPages,
  scimRead,
];

/** Each app's peak RSS must stay under this (issue 9). */
const RSS_LIMIT_MB = 250;

const USAGE = `usage: npm run bench -- [--quick] [--no-docs] [name ...]
  names: ${BENCHES.map((bench) => bench.name).join(', ')}
  --quick    small sizes and short runs (proves the benches work; figures not recorded in docs)
  --no-docs  do not update docs/benchmarks.md
  --profile  V8 CPU profiles of the apps (kept, path printed; summarize with bench/profile-summary)`;

interface Options {
  names: string[];
  quick: boolean;
  docs: boolean;
  profile: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { names: [], quick: false, docs: true, profile: false };
  for (const arg of argv) {
    if (arg === '--quick') options.quick = true;
    else if (arg === '--no-docs') options.docs = false;
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else options.names.push(arg);
  }
  return options;
}

class UsageError extends Error {}

function selectBenches(names: readonly string[]): Bench[] {
  if (names.length === 0) return [...BENCHES];
  const unknown = names.filter((name) => !BENCHES.some((bench) => bench.name === name));
  if (unknown.length) throw new UsageError(`unknown bench ${unknown.join(', ')}`);
  return BENCHES.filter((bench) => names.includes(bench.name));
}

async function runOne(
  bench: Bench,
  options: Options,
  services: { postgres: string; redis: string; compiledRoot: string },
): Promise<void> {
  const progress = new Progress(bench.name);
  progress.step('creating a fresh database');
  const databaseUrl = await createBenchDatabase(services.postgres, bench.name);
  let stack: AppStack | null = null;
  try {
    if (bench.apps.length) {
      progress.step(`starting ${bench.apps.join(', ')}`);
      stack = await startAppStack({
        compiledRoot: services.compiledRoot,
        databaseUrl,
        redisUrl: services.redis,
        apps: bench.apps,
        env: bench.env,
        profile: options.profile,
      });
    }
    const started = Date.now();
    const loadAtStart = currentLoad();
    const cpuBefore = stack?.cpuSeconds() ?? {};
    const outcome = await bench.run({ quick: options.quick, databaseUrl, redisUrl: services.redis, stack, progress });
    const peakRss = stack?.peakRss() ?? {};
    outcome.metrics.appCpuSeconds = cpuUsed(cpuBefore, stack?.cpuSeconds() ?? {});
    await stack?.stop();
    if (options.profile) progress.step(`CPU profiles in ${stack?.logDir}/profiles`);
    else stack?.removeFiles();
    stack = null;
    report(bench, options, withCeilingShare(bench, outcome), peakRss, Date.now() - started, loadAtStart);
  } catch (error) {
    if (stack) progress.step(`app logs kept in ${stack.logDir}`);
    throw error;
  } finally {
    await stack?.stop();
    await dropBenchDatabase(services.postgres, databaseUrl);
  }
}

function cpuUsed(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after).map(([app, seconds]) => [app, Math.round((seconds - (before[app] ?? 0)) * 100) / 100]),
  );
}

// This run's pg-ceiling if it ran first, else the one recorded in the docs.
let ceiling: number | undefined;

/** Adds "= N% of the pg ceiling" to a write bench's figure, so it reads against the hardware. */
function withCeilingShare(bench: Bench, outcome: BenchOutcome): BenchOutcome {
  if (bench.name === pgCeiling.name) ceiling = outcome.metrics.commitsPerSecond as number;
  const reference = ceiling ?? recordedCeiling();
  if (outcome.writesPerSecond === undefined || !reference) return outcome;
  const share = Math.round((outcome.writesPerSecond / reference) * 1000) / 10;
  return {
    ...outcome,
    figure: `${outcome.figure} = ${share}% of the pg ceiling`,
    metrics: { ...outcome.metrics, pgCeiling: reference, ceilingSharePercent: share },
  };
}

function report(
  bench: Bench,
  options: Options,
  outcome: BenchOutcome,
  peakRss: Partial<Record<string, number>>,
  elapsedMs: number,
  loadAtStart: number,
): void {
  const machine = describeMachine(loadAtStart);
  const commit = currentCommit();
  const rssOk = Object.values(peakRss).every((mb) => (mb ?? 0) < RSS_LIMIT_MB);
  const line = {
    bench: bench.name,
    quick: options.quick,
    figure: outcome.figure,
    target: bench.target,
    pass: outcome.pass,
    rssPass: rssOk,
    peakRssMb: peakRss,
    ...outcome.metrics,
    elapsedMs,
    machine,
    commit,
    date: new Date().toISOString(),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (!options.docs || options.quick) return;
  recordInDocs({
    bench: bench.name,
    figure: outcome.figure,
    target: bench.target,
    result: resultLabel(outcome.pass, rssOk),
    peakRss,
    date: new Date().toISOString().slice(0, 10),
    machine,
    commit,
  });
}

function resultLabel(pass: boolean | null, rssOk: boolean): string {
  const figure = pass === null ? 'reference' : pass ? 'pass' : 'FAIL';
  return `${figure}; RSS ${rssOk ? 'ok' : `over ${RSS_LIMIT_MB} MB`}`;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const benches = selectBenches(options.names);
  const { postgres, redis } = await provideBenchServices();
  let failures = 0;
  // dist/bench/run-bench.js: the compiled apps are next to it.
  const snapshot = { root: join(__dirname, '..'), remove: () => undefined };
  try {
    Object.assign(snapshot, snapshotCompiledApps(snapshot.root));
    for (const bench of benches) {
      try {
        await runOne(bench, options, { postgres: postgres.url, redis: redis.url, compiledRoot: snapshot.root });
      } catch (error) {
        failures += 1;
        process.stderr.write(`[${bench.name}] failed: ${(error as Error).stack ?? String(error)}\n`);
      }
    }
  } finally {
    await redis.stop();
    await postgres.stop();
    snapshot.remove();
  }
  // A missed target is news, not a crash: only a bench that could not run fails the command.
  return failures;
}

main().then(
  (failures) => process.exit(failures > 0 ? 1 : 0),
  (error) => {
    process.stderr.write(error instanceof UsageError ? `${error.message}\n${USAGE}\n` : `${(error as Error).stack}\n`);
    process.exit(2);
  },
);
