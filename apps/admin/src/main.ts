import { runApp } from '@roster/platform';
import { createAdminApp } from './admin-app';

void runApp(createAdminApp, (config) => config.ports.admin);
