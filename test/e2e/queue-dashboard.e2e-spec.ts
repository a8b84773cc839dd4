import { createDeliveryApp } from '../../apps/delivery/src/delivery-app';
import { startApp, useTestContext } from '@roster/testing';

const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789';

describe('queue dashboard (Bull Board) on the delivery app', () => {
  const context = useTestContext();

  it('asks for an API key, then shows the delivery queues', async () => {
    const delivery = await startApp(createDeliveryApp, context.config({ ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY }));
    context.onTeardown(() => delivery.close());

    const anonymous = await fetch(`${delivery.url}/queues`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Basic');
    const wrong = await fetch(`${delivery.url}/queues`, {
      headers: { authorization: `Basic ${btoa('ops:not-a-key')}` },
    });
    expect(wrong.status).toBe(401);

    const basic = { authorization: `Basic ${btoa(`ops:${BOOTSTRAP_KEY}`)}` };
    const page = await fetch(`${delivery.url}/queues`, { headers: basic });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const queues = await fetch(`${delivery.url}/queues/api/queues`, {
      headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` },
    });
    expect(queues.status).toBe(200);
    const names = ((await queues.json()) as { queues: { name: string }[] }).queues.map((queue) => queue.name).sort();
    expect(names).toEqual(['event-fanout', 'google-sync', 'webhook-lane']);
  });
});
