import { EventPageReadAhead, pageKey, type RenderedPage } from './event-page-read-ahead';

const at = (seq: number) => ({ txId: 7n, seq: BigInt(seq) });
const page = (seq: number, full = true): RenderedPage => ({
  body: Buffer.from(`page ${seq}`),
  next: at(seq + 10),
  full,
});

describe('EventPageReadAhead', () => {
  it('hands a full page read ahead to the first taker only', async () => {
    const readAhead = new EventPageReadAhead();
    readAhead.start('k', async () => page(1));
    expect((await readAhead.take('k'))?.body.toString()).toBe('page 1');
    expect(await readAhead.take('k')).toBeNull();
  });

  it('keeps no short page and no failed read', async () => {
    const readAhead = new EventPageReadAhead();
    readAhead.start('short', async () => page(1, false));
    readAhead.start('failed', () => Promise.reject(new Error('cursor_expired')));
    expect(await readAhead.take('short')).toBeNull();
    expect(await readAhead.take('failed')).toBeNull();
  });

  it('reads a page once however often it is asked to, and holds at most twelve', async () => {
    const readAhead = new EventPageReadAhead();
    const read = jest.fn(async () => page(1));
    readAhead.start('k', read);
    readAhead.start('k', read);
    expect(read).toHaveBeenCalledTimes(1);
    const later = jest.fn(async () => page(2));
    for (let n = 0; n < 12; n += 1) readAhead.start(`other ${n}`, later);
    expect(later).toHaveBeenCalledTimes(11);
  });

  it('tells pages apart by start, filter and length, not by the order of types', () => {
    const filter = { types: ['dsync.user.created', 'dsync.group.created'], tenantId: 't' };
    expect(pageKey(at(1), filter, 100)).toBe(pageKey(at(1), { ...filter, types: [...filter.types].reverse() }, 100));
    expect(pageKey(at(1), filter, 100)).not.toBe(pageKey(at(2), filter, 100));
    expect(pageKey(at(1), filter, 100)).not.toBe(pageKey(at(1), filter, 50));
    expect(pageKey(at(1), filter, 100)).not.toBe(pageKey(at(1), { ...filter, directoryId: 'd' }, 100));
  });

  it('serves no page held past its time', async () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const readAhead = new EventPageReadAhead();
      readAhead.start('k', async () => page(1));
      expect(readAhead.peek('k')).not.toBeNull();
      jest.setSystemTime(5_001);
      expect(readAhead.peek('k')).toBeNull();
      expect(await readAhead.take('k')).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});
