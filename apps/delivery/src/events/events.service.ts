import { Injectable } from '@nestjs/common';
import {
  comparePositions,
  type EventFeedFilter,
  type EventFeedPage,
  EventFeedRepository,
  type EventPosition,
} from '@roster/data';
import { ApiError } from '@roster/platform';
import { compactJsonList } from './compact-json';
import { encodeCursor } from './event-cursor';
import type { ListEventsQuery } from './event-list.schemas';
import { EventLogListener } from './event-log-listener';
import { EventPageReadAhead, pageKey, type RenderedPage } from './event-page-read-ahead';

// A matching event has committed but waits for an older transaction to end: that
// end sends no notification, so look again soon, and less often the longer it
// takes. The blockers are SCIM and worker transactions of a few to tens of
// milliseconds: a 50 ms cap bounds the lateness the backoff adds (200 ms put
// the Events API's p99 past 100 ms) at 20 small reads a second per stuck waiter.
const PENDING_RECHECK_MS = { first: 2, max: 50 };

// Pages read ahead of a consumer catching up (EventPageReadAhead).
const READ_AHEAD_PAGES = 3;

/** The Events API: pages of the log in its global order, long-polled on the app's LISTEN connection. */
@Injectable()
export class EventsService {
  constructor(
    private readonly feed: EventFeedRepository,
    private readonly listener: EventLogListener,
    private readonly readAhead: EventPageReadAhead,
  ) {}

  /**
   * The page as the UTF-8 JSON of a list response (`ListResponse<EventObject>`,
   * byte for byte what JSON.stringify would write): built from the text
   * Postgres renders, so no event is parsed or mapped on this hot path. After
   * a full page, the next ones are read ahead (EventPageReadAhead).
   */
  async list(query: ListEventsQuery, signal: AbortSignal): Promise<Buffer> {
    const filter: EventFeedFilter = { types: query.types, tenantId: query.tenant_id, directoryId: query.directory_id };
    const readAhead = isPosition(query.after)
      ? await this.readAhead.take(pageKey(query.after, filter, query.limit))
      : null;
    const page = readAhead ?? (await this.waitAndRender(query, filter, signal));
    this.readAheadAfter(page, filter, query.limit, 1);
    return page.body;
  }

  /**
   * Reads the pages after a full one ahead of its consumer, READ_AHEAD_PAGES
   * deep: a page goes through three stages (Postgres renders it, this process
   * compacts and sends it, the consumer parses it), and with three pages ahead
   * each stage has one to work on (events-read: 38,000 events/s with one page
   * ahead, 48,700 with two, 51,400 with three).
   */
  private readAheadAfter(page: RenderedPage, filter: EventFeedFilter, limit: number, depth: number): void {
    if (!page.full || depth > READ_AHEAD_PAGES) return;
    const { next } = page;
    const key = pageKey(next, filter, limit);
    // Read ahead already (by the page before): the chain goes on from that page.
    const held = this.readAhead.peek(key);
    if (held) {
      void held.then((ahead) => ahead && this.readAheadAfter(ahead, filter, limit, depth + 1));
      return;
    }
    this.readAhead.start(key, async () => {
      const ahead = render(await this.read(next, filter, limit), limit);
      this.readAheadAfter(ahead, filter, limit, depth + 1);
      return ahead;
    });
  }

  private async waitAndRender(
    query: ListEventsQuery,
    filter: EventFeedFilter,
    signal: AbortSignal,
  ): Promise<RenderedPage> {
    const start = await this.start(query);
    const page = await this.waitForPage(start, filter, query.limit, Date.now() + query.wait * 1000, signal);
    return render(page, query.limit);
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

function render(page: EventFeedPage, limit: number): RenderedPage {
  const metadata = JSON.stringify({ before: null, after: encodeCursor(page.next) });
  const body = compactJsonList('{"object":"list","data":[', page.eventsJson, `],"list_metadata":${metadata}}`);
  return { body, next: page.next, full: page.count === limit };
}

function isPosition(after: ListEventsQuery['after']): after is EventPosition {
  return typeof after === 'object' && after !== null;
}
