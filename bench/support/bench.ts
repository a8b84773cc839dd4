import type { AppName, AppStack } from './app-stack';
import type { Progress } from './progress';

export interface BenchContext {
  /** Smaller sizes and shorter runs: to prove a bench works, not to measure. */
  quick: boolean;
  databaseUrl: string;
  redisUrl: string;
  /** The apps the bench asked for, running as child processes (null when it asked for none). */
  stack: AppStack | null;
  progress: Progress;
}

export interface BenchOutcome {
  /** The headline for the docs table, e.g. "1,620 req/s at c=50, p99 41 ms". */
  figure: string;
  /** Whether the figure meets the target (null when the bench has none). */
  pass: boolean | null;
  /** SCIM writes committed per second, for benches that write: shown as a share of the Postgres ceiling. */
  writesPerSecond?: number;
  /** Every measured number, for the JSON line. */
  metrics: Record<string, unknown>;
}

export interface Bench {
  name: string;
  apps: readonly AppName[];
  /** Extra environment for the apps. */
  env?: Record<string, string>;
  /** The target from issue 9, as shown in the table. */
  target: string;
  run(context: BenchContext): Promise<BenchOutcome>;
}

/** The stack of a bench that declared apps (a programming error otherwise). */
export function requireStack(context: BenchContext): AppStack {
  if (!context.stack) throw new Error('this bench needs apps: list them in its `apps`');
  return context.stack;
}
