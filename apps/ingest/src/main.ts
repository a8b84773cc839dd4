import { runApp } from '@roster/platform';
import { createIngestApp } from './ingest-app';

void runApp(createIngestApp, (config) => config.ports.ingest);
