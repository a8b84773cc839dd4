import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppName } from './app-stack';
import { machineLabel, type MachineInfo } from './machine';
import { findTableRow, upsertTableRow } from './markdown-table';

/** docs/benchmarks.md, found from dist/bench/support or bench/support alike. */
export function benchmarksDocPath(): string {
  const root = __dirname.includes(`${join('dist', 'bench')}`)
    ? join(__dirname, '..', '..', '..')
    : join(__dirname, '..', '..');
  return join(root, 'docs', 'benchmarks.md');
}

export interface DocRowInput {
  bench: string;
  figure: string;
  target: string;
  result: string;
  peakRss: Partial<Record<AppName, number>>;
  date: string;
  machine: MachineInfo;
  commit: string;
}

/** Writes the bench's row into the docs table, replacing its previous one. */
export function recordInDocs(input: DocRowInput, path = benchmarksDocPath()): void {
  const document = readFileSync(path, 'utf8');
  const rss = Object.entries(input.peakRss)
    .map(([app, mb]) => `${app} ${mb}`)
    .join(', ');
  const updated = upsertTableRow(document, {
    Bench: input.bench,
    Figure: input.figure,
    Target: input.target,
    Result: input.result,
    'Peak RSS (MB)': rss || '-',
    Date: input.date,
    Machine: machineLabel(input.machine),
    Commit: input.commit,
  });
  writeFileSync(path, updated);
}

/** The commits/s of the last recorded pg-ceiling run, if any. */
export function recordedCeiling(path = benchmarksDocPath()): number | undefined {
  const figure = findTableRow(readFileSync(path, 'utf8'), 'pg-ceiling')?.Figure;
  const match = figure ? /^([\d,]+) commits\/s/.exec(figure) : null;
  return match ? Number(match[1]!.replace(/,/g, '')) : undefined;
}
