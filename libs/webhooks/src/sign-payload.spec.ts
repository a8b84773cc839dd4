import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { buildWebhookHeaders, signPayload, signedContent, toUnixSeconds } from './sign-payload';
import { verifyPayload, WebhookVerificationError } from './verify-payload';
import { generateWebhookSecret } from './webhook-secret';

// Known-answer vector from the Standard Webhooks reference test suite.
const SPEC_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SPEC_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const SPEC_TIMESTAMP = 1614265330;
const SPEC_BODY = '{"test": 2432232314}';
const SPEC_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

describe('signPayload', () => {
  it('matches the Standard Webhooks known-answer vector', () => {
    expect(signPayload({ msgId: SPEC_ID, timestamp: SPEC_TIMESTAMP, body: SPEC_BODY, secrets: [SPEC_SECRET] })).toBe(
      SPEC_SIGNATURE,
    );
  });

  it('accepts a Date and uses its whole seconds', () => {
    const date = new Date(SPEC_TIMESTAMP * 1000 + 999);
    expect(signPayload({ msgId: SPEC_ID, timestamp: date, body: SPEC_BODY, secrets: [SPEC_SECRET] })).toBe(
      SPEC_SIGNATURE,
    );
  });

  it('signs the exact bytes of a Buffer body like the same string', () => {
    const body = '{"name":"Zoë ✓ 🚀"}';
    const input = { msgId: 'evt_1', timestamp: 1, secrets: [SPEC_SECRET] };
    expect(signPayload({ ...input, body: Buffer.from(body) })).toBe(signPayload({ ...input, body }));
  });

  it('emits one v1 signature per secret, in order', () => {
    const secrets = [generateWebhookSecret(), generateWebhookSecret()];
    const header = signPayload({ msgId: 'evt_1', timestamp: 1, body: '{}', secrets });
    const parts = header.split(' ');
    expect(parts).toHaveLength(2);
    parts.forEach((part, i) => {
      expect(part).toBe(signPayload({ msgId: 'evt_1', timestamp: 1, body: '{}', secrets: [secrets[i]!] }));
    });
  });

  it('changes when any signed field changes', () => {
    const base = { msgId: 'evt_1', timestamp: 100, body: '{}', secrets: [SPEC_SECRET] };
    const signature = signPayload(base);
    expect(signPayload({ ...base, msgId: 'evt_2' })).not.toBe(signature);
    expect(signPayload({ ...base, timestamp: 101 })).not.toBe(signature);
    expect(signPayload({ ...base, body: '{ }' })).not.toBe(signature);
  });

  it.each([
    ['no secrets', { secrets: [] }],
    ['an empty msgId', { msgId: '' }],
    ['a fractional timestamp', { timestamp: 1.5 }],
    ['a negative timestamp', { timestamp: -1 }],
    ['an invalid date', { timestamp: new Date(Number.NaN) }],
    ['a malformed secret', { secrets: ['not-a-secret'] }],
  ])('refuses %s', (_case, override) => {
    const input = { msgId: 'evt_1', timestamp: 1, body: '{}', secrets: [SPEC_SECRET], ...override };
    expect(() => signPayload(input)).toThrow();
  });

  it('builds content as {id}.{timestamp}.{body}', () => {
    expect(signedContent('evt_1', 42, Buffer.from('{"a":1}')).toString()).toBe('evt_1.42.{"a":1}');
  });

  it('converts timestamps to unix seconds', () => {
    expect(toUnixSeconds(new Date('2024-01-01T00:00:00.750Z'))).toBe(1704067200);
    expect(toUnixSeconds(1704067200)).toBe(1704067200);
  });
});

describe('buildWebhookHeaders', () => {
  it('returns the Standard Webhooks header set', () => {
    const headers = buildWebhookHeaders({
      msgId: SPEC_ID,
      timestamp: SPEC_TIMESTAMP,
      body: SPEC_BODY,
      secrets: [SPEC_SECRET],
    });
    expect(headers).toEqual({
      'webhook-id': SPEC_ID,
      'webhook-timestamp': String(SPEC_TIMESTAMP),
      'webhook-signature': SPEC_SIGNATURE,
      'content-type': 'application/json',
    });
  });
});

describe('interoperability with the standardwebhooks package', () => {
  const body = JSON.stringify({ id: 'evt_1', type: 'user.created', data: { name: 'Zoë 🚀', tags: ['a', 'b'] } });

  it('its verify() accepts our signatures, for string and Buffer bodies', () => {
    const secret = generateWebhookSecret();
    const headers = buildWebhookHeaders({ msgId: 'evt_1', timestamp: new Date(), body, secrets: [secret] });
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(new Webhook(secret).verify(Buffer.from(body), { ...headers })).toEqual(JSON.parse(body));
  });

  it('its verify() accepts both signatures during a rotation, and rejects other secrets', () => {
    const [oldSecret, newSecret] = [generateWebhookSecret(), generateWebhookSecret(24)];
    const headers = {
      ...buildWebhookHeaders({ msgId: 'evt_1', timestamp: new Date(), body, secrets: [oldSecret, newSecret] }),
    };
    expect(new Webhook(oldSecret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(newSecret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow('No matching signature found');
  });

  it('its verify() rejects a tampered body', () => {
    const secret = generateWebhookSecret();
    const headers = { ...buildWebhookHeaders({ msgId: 'evt_1', timestamp: new Date(), body, secrets: [secret] }) };
    expect(() => new Webhook(secret).verify(body.replace('user.created', 'user.deleted'), headers)).toThrow(
      'No matching signature found',
    );
  });

  it('our verifyPayload() accepts its signatures', () => {
    const secret = generateWebhookSecret();
    const now = new Date();
    const signature = new Webhook(secret).sign('evt_9', now, body);
    const headers = {
      'webhook-id': 'evt_9',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signature,
    };
    expect(verifyPayload(body, headers, secret)).toEqual({
      msgId: 'evt_9',
      timestamp: new Date(Math.floor(now.getTime() / 1000) * 1000),
    });
    expect(() => verifyPayload(`${body} `, headers, secret)).toThrow(WebhookVerificationError);
  });

  it('our verifyPayload() accepts a header that concatenates its signatures from two secrets', () => {
    const [oldSecret, newSecret] = [generateWebhookSecret(), generateWebhookSecret()];
    const now = new Date();
    const signature = [oldSecret, newSecret].map((s) => new Webhook(s).sign('evt_9', now, body)).join(' ');
    const headers = {
      'webhook-id': 'evt_9',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signature,
    };
    expect(verifyPayload(body, headers, oldSecret).msgId).toBe('evt_9');
    expect(verifyPayload(body, headers, newSecret).msgId).toBe('evt_9');
  });

  it('agrees with its sign() on arbitrary ids, times and UTF-8 bodies', () => {
    const secret = generateWebhookSecret();
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_]{1,40}$/),
        fc.integer({ min: 0, max: 4_102_444_800 }),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        (msgId, seconds, text) => {
          const ours = signPayload({ msgId, timestamp: seconds, body: text, secrets: [secret] });
          expect(ours).toBe(new Webhook(secret).sign(msgId, new Date(seconds * 1000), text));
        },
      ),
      { numRuns: 200 },
    );
  });
});
