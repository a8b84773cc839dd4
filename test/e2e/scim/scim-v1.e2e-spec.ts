import { useTestContext } from '@roster/testing';
import { ScimRequestLog } from '../../../apps/ingest/src/request-log/scim-request-log.service';
import { startScimStack } from './scim-stack';

describe('SCIM 1.1 at /scim/v1 (a OneLogin-style client)', () => {
  const context = useTestContext();

  it('creates, reads, PUTs, lists and deletes in 1.1 shapes on the same core', async () => {
    const stack = await startScimStack(context);
    const directory = await stack.createDirectory({ provider: 'generic_scim_v1' });
    const v1 = (method: string, path: string, body?: unknown) =>
      stack.ingest.request(method, `/scim/v1/${directory.id}${path}`, { token: directory.token, body });

    const created = await v1('POST', '/Users', {
      schemas: ['urn:scim:schemas:core:1.0'],
      userName: 'ada@acme.com',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [{ value: 'ada@acme.com', type: 'work', primary: 'true' }],
      active: 'true',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^application\/json/);
    expect(created.headers.get('location')).toContain(`/scim/v1/${directory.id}/Users/`);
    const user = await created.json();
    expect(user.schemas).toEqual(['urn:scim:schemas:core:1.0']);
    expect(user.active).toBe(true);

    const put = await v1('PUT', `/Users/${user.id}`, {
      schemas: ['urn:scim:schemas:core:1.0'],
      userName: 'ada@acme.com',
      title: 'Countess',
      active: true,
    });
    expect(put.status).toBe(200);
    expect((await put.json()).title).toBe('Countess');
    const list = await (await v1('GET', '/Users?filter=userName eq "ada@acme.com"')).json();
    expect(list).toMatchObject({ schemas: ['urn:scim:schemas:core:1.0'], totalResults: 1 });

    const missing = await v1('GET', '/Users/0');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ Errors: [{ description: expect.any(String), code: '404' }] });

    expect((await v1('DELETE', `/Users/${user.id}`)).status).toBe(204);
    const types = (await stack.events(directory.id)).map((event) => event.type);
    expect(types).toEqual(['dsync.activated', 'dsync.user.created', 'dsync.user.updated', 'dsync.user.deleted']);
    await stack.ingest.app.get(ScimRequestLog).flush();
    const { rows } = await stack.db.query('SELECT path FROM scim_requests WHERE directory_id = $1', [directory.id]);
    expect(rows).toHaveLength(5);
    expect(rows.every((row: { path: string }) => row.path.startsWith('/scim/v1/'))).toBe(true);
  });
});
