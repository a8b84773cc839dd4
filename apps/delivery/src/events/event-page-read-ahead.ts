import { Injectable } from '@nestjs/common';
import type { EventFeedFilter, EventPosition } from '@roster/data';

/** A page of the Events API as sent, and where the page after it starts. */
export interface RenderedPage {
  body: Buffer;
  next: EventPosition;
  /** It holds `limit` events: its consumer is catching up and will likely ask for the next one. */
  full: boolean;
}

// Four consumers catching up at once, three pages ahead each; a page is at most about 1 MB.
const MAX_PAGES = 12;
// A consumer asks for the next page within milliseconds; one that does not has moved on.
const KEEP_MS = 5_000;

/**
 * Reads the pages after a full one while its consumer is still taking that
 * one in. A consumer catching up asks for page after page, each after the last
 * one's round trip; reading the next pages meanwhile overlaps the database's
 * share of the work with the consumer's. Only a full page is kept: below the
 * watermark the log never changes (docs/adr/0001-event-log-ordering.md), so a
 * full page read now holds what a read later would, but for retention: a
 * prune in the few seconds a page is held goes unseen, as if the consumer had
 * asked those seconds earlier. A read that fails (a cursor past retention) is
 * dropped, and the consumer's own read then answers as it would have. Held
 * pages are bounded in number, not bytes: a page is at most `limit` events.
 */
@Injectable()
export class EventPageReadAhead {
  private readonly pages = new Map<string, { page: Promise<RenderedPage | null>; expiresAt: number }>();

  /** Starts reading the page at `key` unless it is read already or enough pages are held. */
  start(key: string, read: () => Promise<RenderedPage>): void {
    this.dropExpired();
    if (this.pages.has(key) || this.pages.size >= MAX_PAGES) return;
    const page = read().then(
      (rendered) => (rendered.full ? rendered : null),
      () => null,
    );
    this.pages.set(key, { page, expiresAt: Date.now() + KEEP_MS });
  }

  /** The page read ahead at `key` (awaited if still being read), or null; either way it is no longer held. */
  async take(key: string): Promise<RenderedPage | null> {
    const held = this.pages.get(key);
    if (!held) return null;
    this.pages.delete(key);
    return held.expiresAt > Date.now() ? held.page : null;
  }

  /** The page held at `key`, still being read or read, without taking it. */
  peek(key: string): Promise<RenderedPage | null> | null {
    const held = this.pages.get(key);
    return held && held.expiresAt > Date.now() ? held.page : null;
  }

  private dropExpired(): void {
    const now = Date.now();
    for (const [key, held] of this.pages) if (held.expiresAt <= now) this.pages.delete(key);
  }
}

/** What identifies a page: where it starts, what it filters, how long it is. */
export function pageKey(after: EventPosition, filter: EventFeedFilter, limit: number): string {
  const types = filter.types ? [...filter.types].sort().join(',') : '';
  return JSON.stringify([String(after.txId), String(after.seq), types, filter.tenantId, filter.directoryId, limit]);
}
