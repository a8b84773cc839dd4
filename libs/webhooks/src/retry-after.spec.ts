import { parseRetryAfter } from './retry-after';

const now = new Date('2015-10-21T07:28:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['120', 120_000],
    [' 30 ', 30_000],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 0],
    ['Wed, 21 Oct 2015 07:30:30 GMT', 150_000],
    ['Wed, 21 Oct 2015 07:00:00 GMT', 0], // already passed
    ['Wednesday, 21-Oct-15 07:29:00 GMT', 60_000], // obsolete RFC 850 form
    ['Wed Oct 21 07:29:00 2015', 60_000], // asctime, which is GMT although it does not say so
    ['Thu Oct 22  7:28:00 2015', undefined],
    ['Wed, 21 Oct 2015 07:29:00 PST', undefined], // HTTP-dates are always GMT
  ])('%p -> %p', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each([undefined, null, '', '  ', '-5', '1.5', '1e3', 'soon', '2015-10-21T07:30:00Z', 'Wed, not a date', '0x10'])(
    'ignores %p',
    (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    },
  );

  it('measures HTTP-dates from the current time by default', () => {
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    expect(parseRetryAfter(inAMinute)).toBeGreaterThan(55_000);
    expect(parseRetryAfter(inAMinute)).toBeLessThanOrEqual(60_000);
  });
});
