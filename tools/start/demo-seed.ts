import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@roster/config';
import { ApiKeysRepository, DirectoriesRepository, PrismaService, TenantsRepository } from '@roster/data';
import { scimBaseUrl } from '@roster/events';
import { issueSecret } from '@roster/security';

export interface DemoCredentials {
  tenant_id: string;
  directory_id: string;
  api_key: string;
  scim_bearer_token: string;
}

/**
 * The demo tenant, directory and API key, created on first run. Their secrets are
 * shown once by the API, so for local development they are kept in
 * .data/demo.json (mode 600) to be printed again at every start.
 */
export async function ensureDemo(config: AppConfig): Promise<DemoCredentials & { scim_base_url: string }> {
  const file = join(config.dataDir, 'demo.json');
  const prisma = new PrismaService(config);
  try {
    const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials) : undefined;
    const directories = new DirectoriesRepository(prisma);
    const demo = saved && (await directories.findById(saved.directory_id)) ? saved : await seed(prisma);
    writeFileSync(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
    return {
      ...demo,
      scim_base_url: scimBaseUrl({ id: demo.directory_id, provider: 'generic_scim_v2' }, config.publicScimUrl)!,
    };
  } finally {
    await prisma.$disconnect();
  }
}

async function seed(prisma: PrismaService): Promise<DemoCredentials> {
  const tenant = await new TenantsRepository(prisma).create({ name: 'Demo Tenant', domains: ['example.com'] });
  const token = issueSecret('scimToken');
  const directory = await new DirectoriesRepository(prisma).create({
    tenantId: tenant.id,
    name: 'Demo SCIM directory',
    provider: 'generic_scim_v2',
    scimTokenHash: token.hash,
    scimTokenLastFour: token.lastFour,
  });
  const key = issueSecret('apiKey');
  await new ApiKeysRepository(prisma).create({ name: 'demo', keyHash: key.hash, lastFour: key.lastFour });
  return { tenant_id: tenant.id, directory_id: directory.id, api_key: key.secret, scim_bearer_token: token.secret };
}
