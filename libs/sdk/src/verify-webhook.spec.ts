import { buildWebhookHeaders, generateWebhookSecret } from '@roster/webhooks';
import { isVerificationError, verifyWebhook } from './verify-webhook';

const event = { object: 'event', id: 'event_1', type: 'dsync.user.deleted', data: { id: 'directory_user_1' } };

describe('verifyWebhook', () => {
  const secret = generateWebhookSecret();
  const body = JSON.stringify(event);

  it('returns the event of a correctly signed webhook, whatever the header case', () => {
    const headers = buildWebhookHeaders({ msgId: 'event_1', timestamp: new Date(), body, secrets: [secret] });
    const upper = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]));
    expect(verifyWebhook(body, upper, secret)).toEqual(event);
    expect(verifyWebhook(Buffer.from(body), headers, secret)).toEqual(event);
  });

  it('accepts either secret while a rotation sends both signatures', () => {
    const next = generateWebhookSecret();
    const headers = buildWebhookHeaders({ msgId: 'event_1', timestamp: new Date(), body, secrets: [next, secret] });
    expect(verifyWebhook(body, headers, secret)).toEqual(event);
    expect(verifyWebhook(body, headers, next)).toEqual(event);
  });

  it('refuses a changed body, another secret and an old timestamp', () => {
    const headers = buildWebhookHeaders({ msgId: 'event_1', timestamp: new Date(), body, secrets: [secret] });
    const old = buildWebhookHeaders({ msgId: 'event_1', timestamp: new Date(Date.now() - 3_600_000), body, secrets: [secret] });
    const attempts = [
      () => verifyWebhook(body.replace('deleted', 'created'), headers, secret),
      () => verifyWebhook(body, headers, generateWebhookSecret()),
      () => verifyWebhook(body, old, secret),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow();
      try {
        attempt();
      } catch (error) {
        expect(isVerificationError(error)).toBe(true);
      }
    }
  });
});
