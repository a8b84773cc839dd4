import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@roster/config';
import { createHttpApp } from '@roster/platform';
import { IngestModule } from './ingest.module';

/** The ingest app, wired exactly as in production (also used by the e2e tests). */
export function createIngestApp(config: AppConfig): Promise<NestFastifyApplication> {
  return createHttpApp(IngestModule.forRoot(config));
}
