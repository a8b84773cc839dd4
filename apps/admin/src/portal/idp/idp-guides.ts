import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { SafeHtml } from '../render/html';
import { renderMarkdown } from '../render/markdown';

/**
 * The step-by-step guide of each provider, rendered from `docs/idp/<provider>.md`.
 * The folder is found from the working directory or above this file (source and
 * dist layouts); a rendered guide is cached until its file changes.
 */
@Injectable()
export class IdpGuides {
  private directory: string | null = null;
  private readonly cache = new Map<string, { mtimeMs: number; html: SafeHtml }>();

  /** The rendered guide, or null when there is none for this provider. */
  guide(provider: string): SafeHtml | null {
    // Looked up until found: the guides may be added while the app runs.
    this.directory ??= findGuidesDirectory();
    if (!this.directory || !/^[a-z0-9_]+$/.test(provider)) return null;
    const file = join(this.directory, `${provider}.md`);
    try {
      const { mtimeMs } = statSync(file);
      const cached = this.cache.get(provider);
      if (cached?.mtimeMs === mtimeMs) return cached.html;
      const html = renderMarkdown(readFileSync(file, 'utf8'));
      this.cache.set(provider, { mtimeMs, html });
      return html;
    } catch {
      return null;
    }
  }
}

function findGuidesDirectory(): string | null {
  const candidates = [join(process.cwd(), 'docs', 'idp')];
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) candidates.push(join(dir, 'docs', 'idp'));
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}
