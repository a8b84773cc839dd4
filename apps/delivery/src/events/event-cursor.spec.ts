import { decodeCursor, encodeCursor } from './event-cursor';

describe('Events API cursors', () => {
  it('round-trip a position', () => {
    const position = { txId: 123456789012n, seq: 42n };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it('refuse what is not a cursor', () => {
    for (const bad of ['', 'now', 'event_01h', 'abc+/=', Buffer.from('2:1:1').toString('base64url')]) {
      expect(decodeCursor(bad)).toBeNull();
    }
    expect(decodeCursor(Buffer.from('1:-1:5').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from(`1:${2n ** 63n}:5`).toString('base64url'))).toBeNull();
  });
});
