import fc from 'fast-check';
import { buildWebhookHeaders, signPayload } from './sign-payload';
import { verifyPayload, WebhookVerificationError, type VerificationFailure } from './verify-payload';
import { generateWebhookSecret, WebhookSecretError } from './webhook-secret';

const secret = generateWebhookSecret();
const body = '{"type":"user.created"}';
const sentAt = new Date('2024-06-01T12:00:00Z');

function headersFor(overrides: Partial<Record<string, string>> = {}): Record<string, string> {
  return { ...buildWebhookHeaders({ msgId: 'evt_1', timestamp: sentAt, body, secrets: [secret] }), ...overrides };
}

function failureOf(run: () => unknown): VerificationFailure | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.code;
    throw error;
  }
  return undefined;
}

describe('verifyPayload', () => {
  it('returns the message id and timestamp of a valid webhook', () => {
    expect(verifyPayload(body, headersFor(), secret, { now: sentAt })).toEqual({ msgId: 'evt_1', timestamp: sentAt });
  });

  it('accepts a Buffer body and headers in any case', () => {
    const headers = Object.fromEntries(Object.entries(headersFor()).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyPayload(Buffer.from(body), headers, secret, { now: sentAt }).msgId).toBe('evt_1');
  });

  it('accepts headers given as arrays, as Node may deliver them', () => {
    const headers = { ...headersFor(), 'webhook-signature': [headersFor()['webhook-signature']!] };
    expect(verifyPayload(body, headers, secret, { now: sentAt }).msgId).toBe('evt_1');
  });

  it('accepts any of several secrets, and any of several signatures', () => {
    const other = generateWebhookSecret();
    expect(verifyPayload(body, headersFor(), [other, secret], { now: sentAt }).msgId).toBe('evt_1');
    const rotated = buildWebhookHeaders({ msgId: 'evt_1', timestamp: sentAt, body, secrets: [other, secret] });
    expect(verifyPayload(body, { ...rotated }, secret, { now: sentAt }).msgId).toBe('evt_1');
    expect(verifyPayload(body, { ...rotated }, other, { now: sentAt }).msgId).toBe('evt_1');
  });

  it('skips unknown signature versions and junk entries', () => {
    const valid = headersFor()['webhook-signature']!;
    const header = `v2,abc  v1 garbage ,nothing  ${valid}`;
    expect(verifyPayload(body, headersFor({ 'webhook-signature': header }), secret, { now: sentAt }).msgId).toBe(
      'evt_1',
    );
  });

  it.each<[string, () => unknown, VerificationFailure]>([
    [
      'a tampered body',
      () => verifyPayload(`${body} `, headersFor(), secret, { now: sentAt }),
      'no_matching_signature',
    ],
    [
      'another msgId',
      () => verifyPayload(body, headersFor({ 'webhook-id': 'evt_2' }), secret, { now: sentAt }),
      'no_matching_signature',
    ],
    [
      'another timestamp',
      () =>
        verifyPayload(body, headersFor({ 'webhook-timestamp': String(sentAt.getTime() / 1000 + 1) }), secret, {
          now: sentAt,
        }),
      'no_matching_signature',
    ],
    [
      'another secret',
      () => verifyPayload(body, headersFor(), generateWebhookSecret(), { now: sentAt }),
      'no_matching_signature',
    ],
    [
      'a non-v1 version of a valid signature',
      () =>
        verifyPayload(
          body,
          headersFor({ 'webhook-signature': headersFor()['webhook-signature']!.replace('v1,', 'v2,') }),
          secret,
          { now: sentAt },
        ),
      'no_matching_signature',
    ],
    [
      'a truncated signature',
      () =>
        verifyPayload(
          body,
          headersFor({ 'webhook-signature': headersFor()['webhook-signature']!.slice(0, -2) }),
          secret,
          { now: sentAt },
        ),
      'no_matching_signature',
    ],
    [
      'no signature header',
      () => verifyPayload(body, { ...headersFor(), 'webhook-signature': undefined } as never, secret),
      'missing_headers',
    ],
    [
      'an empty id',
      () => verifyPayload(body, headersFor({ 'webhook-id': '' }), secret, { now: sentAt }),
      'missing_headers',
    ],
    [
      'no timestamp',
      () => verifyPayload(body, { 'webhook-id': 'evt_1', 'webhook-signature': 'v1,x' }, secret),
      'missing_headers',
    ],
    [
      'a non-numeric timestamp',
      () => verifyPayload(body, headersFor({ 'webhook-timestamp': '12abc' }), secret, { now: sentAt }),
      'invalid_timestamp',
    ],
    [
      'a negative timestamp',
      () => verifyPayload(body, headersFor({ 'webhook-timestamp': '-5' }), secret, { now: sentAt }),
      'invalid_timestamp',
    ],
    [
      'a stale timestamp',
      () => verifyPayload(body, headersFor(), secret, { now: new Date(sentAt.getTime() + 301_000) }),
      'timestamp_too_old',
    ],
    [
      'a future timestamp',
      () => verifyPayload(body, headersFor(), secret, { now: new Date(sentAt.getTime() - 301_000) }),
      'timestamp_too_new',
    ],
  ])('rejects %s', (_case, run, code) => {
    expect(failureOf(run)).toBe(code);
  });

  it('accepts timestamps exactly at the tolerance edge, and honours a custom tolerance', () => {
    expect(verifyPayload(body, headersFor(), secret, { now: new Date(sentAt.getTime() + 300_000) }).msgId).toBe(
      'evt_1',
    );
    expect(verifyPayload(body, headersFor(), secret, { now: new Date(sentAt.getTime() - 300_000) }).msgId).toBe(
      'evt_1',
    );
    const later = new Date(sentAt.getTime() + 11_000);
    expect(failureOf(() => verifyPayload(body, headersFor(), secret, { now: later, toleranceSeconds: 10 }))).toBe(
      'timestamp_too_old',
    );
  });

  it('uses the current clock by default', () => {
    const headers = { ...buildWebhookHeaders({ msgId: 'evt_1', timestamp: new Date(), body, secrets: [secret] }) };
    expect(verifyPayload(body, headers, secret).msgId).toBe('evt_1');
    expect(failureOf(() => verifyPayload(body, headersFor(), secret))).toBe('timestamp_too_old');
  });

  it('reports a malformed secret as a secret error, not a bad webhook', () => {
    expect(() => verifyPayload(body, headersFor(), 'whsec_short', { now: sentAt })).toThrow(WebhookSecretError);
  });

  it('round-trips arbitrary bodies and detects any single-byte change', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (bytes, index, flip) => {
          const payload = Buffer.from(bytes);
          const signature = signPayload({ msgId: 'evt_1', timestamp: sentAt, body: payload, secrets: [secret] });
          const headers = {
            'webhook-id': 'evt_1',
            'webhook-timestamp': String(sentAt.getTime() / 1000),
            'webhook-signature': signature,
          };
          expect(verifyPayload(payload, headers, secret, { now: sentAt }).msgId).toBe('evt_1');
          const tampered = Buffer.from(payload);
          tampered[index % tampered.length]! ^= flip;
          expect(failureOf(() => verifyPayload(tampered, headers, secret, { now: sentAt }))).toBe(
            'no_matching_signature',
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
