import { Webhook } from 'standardwebhooks';
import * as webhooks from '@roster/webhooks';

describe('@roster/webhooks public API', () => {
  it('signs a delivery end to end through the package entry point', () => {
    const secret = webhooks.generateWebhookSecret();
    const body = JSON.stringify({ id: 'evt_1', type: 'user.created' });
    const headers = webhooks.buildWebhookHeaders({ msgId: 'evt_1', timestamp: new Date(), body, secrets: [secret] });
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(webhooks.verifyPayload(body, { ...headers }, secret).msgId).toBe('evt_1');
  });

  it('exposes the delivery policy functions', () => {
    const outcome = webhooks.classifyResponse(503);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(webhooks.nextRetry({ schedule: [1000], attempt: 1, failure: outcome.failure, random: () => 0 })).toEqual({
        retry: true,
        delayMs: 1000,
      });
    }
    expect(webhooks.validateWebhookUrl('http://0x7f.1/')).toMatchObject({ ok: false, reason: 'non_public_address' });
  });
});
