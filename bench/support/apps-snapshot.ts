import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A private copy of the compiled apps for one bench run. Other work in the same
 * tree may run `npm run build`, which deletes dist/ for a moment: apps started
 * from the copy do not care. It lives under node_modules/.cache so that the
 * apps' requires still find node_modules, and is removed at the end.
 */
export interface AppsSnapshot {
  /** The directory holding apps/, libs/ and tools/ as in dist/. */
  root: string;
  remove(): void;
}

export function snapshotCompiledApps(distDir: string): AppsSnapshot {
  const repo = join(distDir, '..');
  const cache = join(repo, 'node_modules', '.cache');
  if (!existsSync(join(distDir, 'apps'))) throw new Error(`${distDir}/apps is missing: run npm run build`);
  mkdirSync(cache, { recursive: true });
  const root = mkdtempSync(join(cache, 'roster-bench-'));
  for (const dir of ['apps', 'libs']) cpSync(join(distDir, dir), join(root, dir), { recursive: true });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
