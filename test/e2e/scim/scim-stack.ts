import { createAdminApp } from '../../../apps/admin/src/admin-app';
import { createIngestApp } from '../../../apps/ingest/src/ingest-app';
import { type RunningApp, startApp, type TestContext, type TestResponse } from '@roster/testing';
import { Client } from 'pg';

export const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789';

export interface ScimDirectory {
  id: string;
  tenantId: string;
  token: string;
  /** A SCIM call under /scim/v2/{id}, with the directory's token unless another is given. */
  scim(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
}

export interface ScimStack {
  admin: RunningApp;
  ingest: RunningApp;
  db: Client;
  /** A new tenant with one directory, created through the admin API. */
  createDirectory(options?: { provider?: string; deprovisioning?: string }): Promise<ScimDirectory>;
  /** The events of a directory in log order: type, data and previous_attributes. */
  events(directoryId: string): Promise<{ type: string; data: any; previous_attributes: any }[]>;
}

/** Real admin and ingest apps on the test database, for SCIM end-to-end tests. */
export async function startScimStack(context: TestContext, env: Record<string, string> = {}): Promise<ScimStack> {
  const config = context.config({ ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, ...env });
  const admin = await startApp(createAdminApp, config);
  context.onTeardown(() => admin.close());
  const ingest = await startApp(createIngestApp, { ...config, publicScimUrl: 'https://scim.example.test' });
  context.onTeardown(() => ingest.close());
  const db = new Client({ connectionString: context.databaseUrl });
  await db.connect();
  context.onTeardown(() => db.end());

  const createDirectory: ScimStack['createDirectory'] = async (options = {}) => {
    const tenant = await (
      await admin.request('POST', '/v1/tenants', { token: BOOTSTRAP_KEY, body: { name: 'Acme' } })
    ).json();
    const created = await admin.request('POST', `/v1/tenants/${tenant.id}/directories`, {
      token: BOOTSTRAP_KEY,
      body: {
        name: 'IdP',
        provider: options.provider ?? 'generic_scim_v2',
        ...(options.deprovisioning ? { deprovisioning: options.deprovisioning } : {}),
      },
    });
    const { directory, scim } = await created.json();
    return {
      id: directory.id,
      tenantId: tenant.id,
      token: scim.bearer_token,
      scim: (method, path, body, headers = {}) =>
        ingest.request(method, `/scim/v2/${directory.id}${path}`, { token: scim.bearer_token, body, headers }),
    };
  };

  const events: ScimStack['events'] = async (directoryId) =>
    (
      await db.query('SELECT type, data, previous_attributes FROM events WHERE directory_id = $1 ORDER BY seq', [
        directoryId,
      ])
    ).rows;

  return { admin, ingest, db, createDirectory, events };
}
