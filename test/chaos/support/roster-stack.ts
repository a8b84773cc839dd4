import { createAdminApp } from '../../../apps/admin/src/admin-app';
import { createDeliveryApp } from '../../../apps/delivery/src/delivery-app';
import { createIngestApp } from '../../../apps/ingest/src/ingest-app';
import type { AppConfig } from '@roster/config';
import { type RunningApp, startApp, type TestResponse } from '@roster/testing';

export const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789';

export interface TenantDirectory {
  tenantId: string;
  tenantName: string;
  directoryId: string;
  token: string;
  /** A SCIM 2.0 call under /scim/v2/{directoryId} with this directory's token. */
  scim(method: string, path: string, body?: unknown): Promise<TestResponse>;
}

export interface RosterStack {
  admin: RunningApp;
  ingest: RunningApp;
  delivery?: RunningApp;
  /** A /v1 call with the bootstrap key. */
  api(app: RunningApp, method: string, path: string, body?: unknown): Promise<TestResponse>;
  /** A tenant with one generic SCIM 2.0 directory, created through the admin API. */
  createTenantDirectory(name: string, provider?: string): Promise<TenantDirectory>;
  close(): Promise<void>;
}

/** The real apps on one configuration (delivery only when asked: it runs the relay and workers). */
export async function startRosterStack(config: AppConfig, options: { delivery?: boolean } = {}): Promise<RosterStack> {
  const admin = await startApp(createAdminApp, config);
  const ingest = await startApp(createIngestApp, config);
  const delivery = options.delivery ? await startApp(createDeliveryApp, config) : undefined;
  const api: RosterStack['api'] = (app, method, path, body) => app.request(method, path, { token: BOOTSTRAP_KEY, body });

  const createTenantDirectory: RosterStack['createTenantDirectory'] = async (name, provider = 'generic_scim_v2') => {
    const tenant = await (await api(admin, 'POST', '/v1/tenants', { name })).json();
    const created = await api(admin, 'POST', `/v1/tenants/${tenant.id}/directories`, { name: `${name} IdP`, provider });
    if (created.status !== 201) throw new Error(`directory creation answered ${created.status}: ${await created.text()}`);
    const { directory, scim } = await created.json();
    return {
      tenantId: tenant.id,
      tenantName: name,
      directoryId: directory.id,
      token: scim.bearer_token,
      scim: (method, path, body) => ingest.request(method, `/scim/v2/${directory.id}${path}`, { token: scim.bearer_token, body }),
    };
  };

  const close = async () => {
    await delivery?.close();
    await ingest.close();
    await admin.close();
  };
  return { admin, ingest, delivery, api, createTenantDirectory, close };
}

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export function scimUser(userName: string, extra: Record<string, unknown> = {}) {
  return { schemas: [USER_SCHEMA], userName, name: { givenName: 'Given', familyName: 'Family' }, emails: [{ value: `${userName}@example.test`, type: 'work', primary: true }], active: true, ...extra };
}
