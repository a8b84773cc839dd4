import type { AppConfig } from '@roster/config';
import type { DemoCredentials } from './demo-seed';

/** What `npm start` prints once everything is ready. */
export function banner(
  config: AppConfig,
  demo: DemoCredentials & { scim_base_url: string },
  logDir: string,
  portalLink?: string,
): string {
  const admin = `http://localhost:${config.ports.admin}`;
  return [
    '',
    'Roster is running.',
    '',
    `  Admin API + portal   ${admin}        (OpenAPI: ${admin}/docs)`,
    `  SCIM (ingest)        http://localhost:${config.ports.ingest}`,
    `  Events + webhooks    http://localhost:${config.ports.delivery}   (OpenAPI: http://localhost:${config.ports.delivery}/docs)`,
    '',
    `  Demo API key         ${demo.api_key}`,
    ...(config.bootstrapApiKey ? ['  Bootstrap API key    (the value of ROSTER_BOOTSTRAP_API_KEY)'] : []),
    `  Demo tenant          ${demo.tenant_id}`,
    `  SCIM base URL        ${demo.scim_base_url}`,
    `  SCIM bearer token    ${demo.scim_bearer_token}`,
    `  IT-admin portal      ${portalLink ?? '(could not create a link; POST /v1/portal-links)'}  (one-time, open within 5 minutes)`,
    '',
    'Try it:',
    `  curl -s -H "Authorization: Bearer ${demo.api_key}" ${admin}/v1/tenants`,
    '',
    `Logs: ${logDir}/{admin,ingest,delivery}.log. Press Ctrl-C to stop.`,
    '',
  ].join('\n');
}
