import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { Logger } from 'nestjs-pino';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { type OpenApiInfo, serveOpenApi } from './open-api';
import { assignRequestId, REQUEST_ID_HEADER } from './request-id';

export interface HttpAppOptions {
  /** Largest accepted request body in bytes (413 beyond). */
  bodyLimit?: number;
  /** Serve OpenAPI at /docs and /docs-json. */
  openApi?: OpenApiInfo;
  /** False for apps that render errors in their own format (SCIM). */
  apiErrors?: boolean;
  /** More media types to parse as JSON, e.g. `application/scim+json`. */
  jsonMediaTypes?: string[];
  /** Rewrites a request URL before routing (Fastify's rewriteUrl), e.g. a legacy prefix onto the current routes. */
  rewriteUrl?: (request: IncomingMessage) => string;
  /** Registers app-specific Fastify hooks; runs before Nest wraps the instance (hooks added later never run). */
  configureFastify?: (fastify: FastifyInstance) => void;
}

/** Builds a Fastify-based Nest app with Roster's logging, metrics and error shape. */
export async function createHttpApp(
  rootModule: DynamicModule,
  options: HttpAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: true,
    genReqId: assignRequestId,
    ...(options.rewriteUrl ? { rewriteUrl: options.rewriteUrl } : {}),
  });
  // Hooks go on the Fastify instance before Nest wraps it, or they never run.
  const metrics: { registry?: MetricsRegistry } = {};
  addHttpHooks(adapter, metrics);
  addJsonParsers(adapter, options.jsonMediaTypes ?? []);
  options.configureFastify?.(adapter.getInstance() as unknown as FastifyInstance);
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, { bufferLogs: true });
  metrics.registry = app.get(MetricsRegistry);
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  if (options.apiErrors !== false) app.useGlobalFilters(new ApiExceptionFilter());
  if (options.openApi) await serveOpenApi(app, options.openApi);
  return app;
}

function addHttpHooks(adapter: FastifyAdapter, metrics: { registry?: MetricsRegistry }): void {
  const fastify = adapter.getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL, keeps label cardinality bounded.
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    metrics.registry?.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });
}

function addJsonParsers(adapter: FastifyAdapter, mediaTypes: string[]): void {
  const fastify = adapter.getInstance();
  // Same parser as application/json, prototype-poisoning guarded.
  for (const type of mediaTypes)
    fastify.addContentTypeParser(type, { parseAs: 'string' }, fastify.getDefaultJsonParser('error', 'error'));
}
