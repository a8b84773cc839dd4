import { comparePositions, laterPosition } from './event-position';

describe('event positions', () => {
  it('order by transaction id first, then by seq', () => {
    expect(comparePositions({ txId: 5n, seq: 90n }, { txId: 6n, seq: 1n })).toBe(-1);
    expect(comparePositions({ txId: 6n, seq: 2n }, { txId: 6n, seq: 1n })).toBe(1);
    expect(comparePositions({ txId: 6n, seq: 2n }, { txId: 6n, seq: 2n })).toBe(0);
  });

  it('pick the later of two positions', () => {
    expect(laterPosition({ txId: 5n, seq: 90n }, { txId: 6n, seq: 0n })).toEqual({ txId: 6n, seq: 0n });
    expect(laterPosition({ txId: 7n, seq: 1n }, { txId: 6n, seq: 9n })).toEqual({ txId: 7n, seq: 1n });
  });
});
