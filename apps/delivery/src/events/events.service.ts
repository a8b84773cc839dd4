import { Injectable } from '@nestjs/common';
import {
  comparePositions,
  type EventFeedFilter,
  type EventFeedPage,
  EventFeedRepository,
  type EventPosition,
} from '@roster/data';
import { ApiError } from '@roster/platform';
import { compactJson } from './compact-json';
import { encodeCursor } from './event-cursor';
import type { ListEventsQuery } from './event-list.schemas';
import { EventLogListener } from './event-log-listener';

// A matching event has committed but waits for an older transaction to end: that
// end sends no notification, so look again soon, and less often the longer it
// takes. The blockers are SCIM and worker transactions of a few to tens of
// milliseconds: a 50 ms cap bounds the lateness the backoff adds (200 ms put
// the Events API's p99 past 100 ms) at 20 small reads a second per stuck waiter.
const PENDING_RECHECK_MS = { first: 2, max: 50 };

/** The Events API: pages of the log in its global order, long-polled on the app's LISTEN connection. */
@Injectable()
export class EventsService {
  constructor(
    private readonly feed: EventFeedRepository,
    private readonly listener: EventLogListener,
  ) {}

  /**
   * The page as the UTF-8 JSON of a list response (`ListResponse<EventObject>`,
   * byte for byte what JSON.stringify would write): built from the text
   * Postgres renders, so no event is parsed or mapped on this hot path.
   */
  async list(query: ListEventsQuery, signal: AbortSignal): Promise<Buffer> {
    const filter: EventFeedFilter = { types: query.types, tenantId: query.tenant_id, directoryId: query.directory_id };
    const start = await this.start(query);
    const page = await this.waitForPage(start, filter, query.limit, Date.now() + query.wait * 1000, signal);
    const metadata = JSON.stringify({ before: null, after: encodeCursor(page.next) });
    // Compacted on its own, not joined to the envelope first: joining would copy
    // the page into another large string, garbage only a full GC reclaims.
    return Buffer.concat([
      Buffer.from('{"object":"list","data":['),
      compactJson(page.eventsJson),
      Buffer.from(`],"list_metadata":${metadata}}`),
    ]);
  }

  private start(query: ListEventsQuery): Promise<EventPosition | null> {
    if (query.after === 'now') return this.feed.tail();
    if (query.after) return Promise.resolve(query.after);
    if (query.range_start) return this.feed.before(query.range_start);
    return Promise.resolve(null);
  }

  private async waitForPage(
    after: EventPosition | null,
    filter: EventFeedFilter,
    limit: number,
    deadline: number,
    signal: AbortSignal,
  ): Promise<EventFeedPage> {
    let recheck = PENDING_RECHECK_MS.first;
    // Listen before the first read, so a commit right after a read still wakes us.
    const watch = this.listener.watch(filter);
    try {
      for (;;) {
        const page = await this.read(after, filter, limit);
        const left = deadline - Date.now();
        if (page.count > 0 || left <= 0 || signal.aborted || !this.listener.open) return page;
        await watch.wait(page.pending ? Math.min(recheck, left) : left, signal);
        // The client left, or the app is shutting down: answer with what we have.
        if (signal.aborted || !this.listener.open) return page;
        if (page.pending) recheck = Math.min(recheck * 2, PENDING_RECHECK_MS.max);
        after = page.next;
      }
    } finally {
      watch.close();
    }
  }

  // The page and the retention horizon share a snapshot: a prune that committed
  // before it is seen by both, and one that commits after it deleted nothing this read needed.
  private async read(after: EventPosition | null, filter: EventFeedFilter, limit: number): Promise<EventFeedPage> {
    const page = await this.feed.page(after, filter, limit);
    if (after && page.horizon && comparePositions(after, page.horizon) < 0) {
      throw new ApiError(
        410,
        'cursor_expired',
        'Events after this cursor are older than the retention period and were deleted; start again without after, or with after=now.',
      );
    }
    return page;
  }
}
