import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthController } from '../health/health.controller';
import { MetricsController } from '../metrics/metrics.controller';

export interface OpenApiInfo {
  title: string;
  description: string;
}

/**
 * Serves OpenAPI at /docs and /docs-json. @nestjs/swagger (with es-toolkit and
 * js-yaml, ~600 modules and 5 MB of heap) is imported here, when an app asks for
 * docs, so the SCIM app, which has none, never loads it.
 */
export async function serveOpenApi(app: NestFastifyApplication, info: OpenApiInfo): Promise<void> {
  const { ApiExcludeController, DocumentBuilder, SwaggerModule } = await import('@nestjs/swagger');
  // Probes and scrapers call these, not API clients. Excluded here rather than by
  // decorators on the controllers, which would load swagger into every app.
  for (const controller of [HealthController, MetricsController]) ApiExcludeController()(controller);
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key' })
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json' });
}
