import { memoizeParse } from './memoize-parse';

describe('memoizeParse', () => {
  it('parses each text once and shares the result, undefined results included', () => {
    const parse = jest.fn((text: string) => (text === '' ? undefined : { text }));
    const cached = memoizeParse(parse);
    expect(cached('a')).toBe(cached('a'));
    expect(cached('')).toBeUndefined();
    expect(cached('')).toBeUndefined();
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('does not remember failures', () => {
    let calls = 0;
    const cached = memoizeParse(() => {
      calls += 1;
      throw new Error('bad path');
    });
    expect(() => cached('x')).toThrow('bad path');
    expect(() => cached('x')).toThrow('bad path');
    expect(calls).toBe(2);
  });

  it('starts over once full', () => {
    const parse = jest.fn((text: string) => ({ text }));
    const cached = memoizeParse(parse, 2);
    const first = cached('a');
    cached('b');
    cached('c');
    expect(cached('a')).not.toBe(first);
  });
});
