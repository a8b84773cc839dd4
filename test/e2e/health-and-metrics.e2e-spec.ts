import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@roster/config';
import { findFreePort } from '@roster/local-stack';
import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { createAdminApp } from '../../apps/admin/src/admin-app';
import { createDeliveryApp } from '../../apps/delivery/src/delivery-app';
import { createIngestApp } from '../../apps/ingest/src/ingest-app';

const apps: [string, (config: AppConfig) => Promise<NestFastifyApplication>][] = [
  ['admin', createAdminApp],
  ['ingest', createIngestApp],
  ['delivery', createDeliveryApp],
];

describe.each(apps)('%s app: health, metrics', (name, create) => {
  const context = useTestContext();
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp(create, context.config());
    context.onTeardown(() => app.close());
  });

  it('is live and ready when Postgres and Redis answer', async () => {
    expect(await (await app.request('GET', '/health/live')).json()).toEqual({ status: 'ok' });
    const ready = await app.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('serves Prometheus metrics with HTTP timings by route', async () => {
    await app.request('GET', '/health/live');
    const response = await app.request('GET', '/metrics');
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('process_cpu_user_seconds_total');
    const count = text.split('\n').find((line) => line.startsWith('http_request_duration_seconds_count{'));
    expect(count).toContain(`app="${name}"`);
    expect(count).toContain('route="/health/live"');
  });

  it('echoes a request id', async () => {
    const response = await app.request('GET', '/health/live', { headers: { 'x-request-id': 'abc-123' } });
    expect(response.headers.get('x-request-id')).toBe('abc-123');
  });
});

describe('readiness when a dependency is down', () => {
  const context = useTestContext();

  async function readiness(overrides: Record<string, string>) {
    const app = await startApp(createIngestApp, context.config(overrides));
    try {
      const response = await app.request('GET', '/health/ready');
      return { status: response.status, body: await response.json() };
    } finally {
      await app.close();
    }
  }

  it('answers 503 naming Postgres when Postgres is unreachable', async () => {
    const port = await findFreePort();
    const result = await readiness({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/nothing` });
    expect(result.status).toBe(503);
    expect(result.body.error).toMatchObject({ code: 'not_ready', message: 'Postgres is not answering.' });
    expect(result.body.error.details.checks).toMatchObject({ postgres: { status: 'down' }, redis: { status: 'up' } });
  });

  it('answers 503 naming Redis when Redis is unreachable', async () => {
    const port = await findFreePort();
    const result = await readiness({ REDIS_URL: `redis://127.0.0.1:${port}` });
    expect(result.status).toBe(503);
    expect(result.body.error.message).toBe('Redis is not answering.');
  });
});

describe('OpenAPI', () => {
  const context = useTestContext();

  it.each([
    ['admin', createAdminApp, '/v1/tenants'],
    ['delivery', createDeliveryApp, undefined],
  ] as const)('%s serves /docs and /docs-json', async (_name, create, path) => {
    const app = await startApp(create, context.config());
    try {
      const spec = await (await app.request('GET', '/docs-json')).json();
      expect(spec.openapi).toMatch(/^3\./);
      if (path) expect(spec.paths[path].post.requestBody).toBeDefined();
      // The probes are operations' concern, not the API's.
      expect(Object.keys(spec.paths).filter((route) => /^\/(health|metrics)/.test(route))).toEqual([]);
      expect((await app.request('GET', '/docs')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
