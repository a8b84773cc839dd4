import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createAdminApp } from '../../apps/admin/src/admin-app';
import { createIngestApp } from '../../apps/ingest/src/ingest-app';

const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789';
const ARTIFACTS = join(__dirname, '../../.artifacts/portal-browser');
const OKTA_USER_AGENT = 'Okta SCIM Client 1.0.0';
const SCIM_JSON = 'application/scim+json';

jest.setTimeout(120_000);

/**
 * The IT admin's whole journey in real Chromium: a portal link from the API,
 * choosing Okta, revealing the token, an Okta-like SCIM client provisioning a
 * user and a group against the real ingest app, the portal showing the sync,
 * a group mapped to a role, and the role on the user in the API.
 */
describe('portal in a real browser', () => {
  const context = useTestContext();
  let admin: RunningApp;
  let ingest: RunningApp;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  let shot = 0;

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await admin.request(method, path, { token: BOOTSTRAP_KEY, body });
    expect(response.status).toBeLessThan(300);
    return response.json();
  };

  const screenshot = async (name: string) => {
    shot += 1;
    await page.screenshot({ path: join(ARTIFACTS, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
  };

  /** Reloads until `check` passes: the SCIM request log is written in batches, a moment after the request. */
  const reloadUntil = async (check: () => Promise<boolean>) => {
    for (let attempt = 0; attempt < 50 && !(await check()); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await page.reload();
    }
    expect(await check()).toBe(true);
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ingest = await startApp(createIngestApp, context.config());
    context.onTeardown(() => ingest.close());
    admin = await startApp(
      createAdminApp,
      context.config({ ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, ROSTER_PUBLIC_SCIM_URL: ingest.url }),
    );
    context.onTeardown(() => admin.close());
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    context.onTeardown(() => browser.close());
    const browserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await browserContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: admin.url });
    page = await browserContext.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  afterEach(async () => {
    // The page as it was when a step failed (or at the end), next to the step screenshots.
    await page?.screenshot({ path: join(ARTIFACTS, 'last.png'), fullPage: true }).catch(() => undefined);
  });

  it('connects Okta, syncs a user and a group, and maps the group to a role', async () => {
    const tenant = await api('POST', '/v1/tenants', { name: 'Globex' });
    await api('PUT', '/v1/roles', [
      { slug: 'engineer', name: 'Engineer' },
      { slug: 'viewer', name: 'Viewer' },
    ]);
    const { link } = await api('POST', '/v1/portal-links', {
      tenant_id: tenant.id,
      return_url: 'https://app.example.com/settings',
    });
    const linkUrl = new URL(link);

    // The link opens a session and lands on the provider choice.
    await page.goto(`${admin.url}${linkUrl.pathname}${linkUrl.search}`);
    await page.getByRole('heading', { name: 'Choose your identity provider' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal/connect');
    await screenshot('choose-idp');
    await page.getByRole('radio', { name: 'Microsoft Entra ID' }).check({ force: true });
    await page.locator('label[for="provider-okta"]').click();
    await expect(page.getByRole('radio', { name: /^Okta/ }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Continue' }).click();

    // The overview shows the SCIM URL and the token, masked until revealed.
    await page.getByRole('heading', { name: 'Set up Okta' }).waitFor();
    await expect(page.getByTestId('connection-status').textContent()).resolves.toBe('Waiting for the first request');
    const tokenElement = page.getByTestId('scim-token');
    await expect(tokenElement.textContent()).resolves.toContain('•');
    await page.getByRole('button', { name: 'Reveal' }).click();
    const token = (await tokenElement.textContent())!.trim();
    expect(token).toMatch(/^scim_[A-Za-z0-9_-]{40,}$/);
    await page.getByRole('button', { name: 'Copy' }).nth(1).click();
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(token);
    const scimUrl = (await page.getByTestId('scim-base-url').textContent())!.trim();
    // Okta refuses "_" in base URLs: the portal shows the hyphenated spelling the ingest app accepts.
    expect(scimUrl).toMatch(new RegExp(`^${ingest.url}/scim/v2/directory-`));
    await screenshot('token-revealed');

    // A scripted Okta client, as Okta provisions a user and pushes a group.
    const scim = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${scimUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          'user-agent': OKTA_USER_AGENT,
          accept: SCIM_JSON,
          ...(body === undefined ? {} : { 'content-type': SCIM_JSON }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (response.status === 204 ? null : await response.json()) as any };
    };
    const lookup = await scim(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "ada@globex.test"')}&startIndex=1&count=100`,
    );
    expect(lookup).toMatchObject({ status: 200, body: { totalResults: 0 } });
    const created = await scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'ada@globex.test',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [{ primary: true, value: 'ada@globex.test', type: 'work' }],
      displayName: 'Ada Lovelace',
      locale: 'en-US',
      externalId: '00u1ada',
      groups: [],
      password: 'Sup3r-secret!',
      active: true,
    });
    expect(created.status).toBe(201);
    const group = await scim('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Engineering',
      members: [],
    });
    expect(group.status).toBe(201);
    const patched = await scim('PATCH', `/Groups/${group.body.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', path: 'members', value: [{ value: created.body.id, display: 'ada@globex.test' }] }],
    });
    expect([200, 204]).toContain(patched.status);
    const duplicate = await scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'ADA@globex.test',
    });
    expect(duplicate.status).toBe(409);

    // The portal shows the connection active, the counts and the request log.
    await reloadUntil(async () => (await page.getByTestId('user-count').textContent()) === '1');
    await expect(page.getByTestId('group-count').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('connection-status').textContent()).resolves.toBe('Active');
    await reloadUntil(
      async () =>
        (await page.getByTestId('recent-requests').count()) > 0 &&
        (await page.getByTestId('recent-requests').textContent())!.includes('PATCH'),
    );
    expect(await page.content()).not.toContain(token);
    await screenshot('synced');
    await page.getByRole('link', { name: 'SCIM requests' }).click();
    const log = page.getByTestId('request-log');
    await log.waitFor();
    for (const line of [
      'GET /Users?filter=userName eq "ada@globex.test"',
      'POST /Users',
      'POST /Groups',
      `PATCH /Groups/${group.body.id}`,
    ]) {
      await expect(log.getByText(line, { exact: false }).count()).resolves.toBeGreaterThan(0);
    }
    await expect(log.textContent()).resolves.not.toContain('Sup3r-secret!');
    await page.getByRole('link', { name: 'Failures' }).click();
    await page.waitForURL(/status=failed/);
    await expect(page.getByTestId('request-log').getByText('409').count()).resolves.toBe(1);
    await screenshot('failures');

    // Map the Engineering group to the Engineer role.
    await page.getByRole('navigation', { name: 'Directory' }).getByRole('link', { name: 'Roles' }).click();
    await page.getByLabel('Engineering').selectOption('engineer');
    await page.getByRole('button', { name: 'Save roles' }).click();
    await page.getByText('Role mapping saved.').waitFor();
    await screenshot('roles');

    const directoryId = scimUrl.split('/').pop()!.replace('directory-', 'directory_');
    const users = await api('GET', `/v1/directory-users?directory_id=${directoryId}`);
    expect(users.data).toHaveLength(1);
    expect(users.data[0]).toMatchObject({
      username: 'ada@globex.test',
      email: 'ada@globex.test',
      first_name: 'Ada',
      groups: [{ id: group.body.id, name: 'Engineering' }],
      roles: [{ slug: 'engineer' }],
    });

    // The way back to the application.
    await expect(page.getByRole('link', { name: 'Back to app.example.com' }).getAttribute('href')).resolves.toBe(
      'https://app.example.com/settings',
    );
    expect(consoleErrors).toEqual([]);
  });
});
