import { useTestContext } from '@roster/testing';
import { ScimRequestLog } from '../../../apps/ingest/src/request-log/scim-request-log.service';
import { BOOTSTRAP_KEY, type ScimDirectory, type ScimStack, startScimStack } from './scim-stack';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('SCIM /Users', () => {
  const context = useTestContext();
  let stack: ScimStack;
  let directory: ScimDirectory;

  beforeAll(async () => {
    stack = await startScimStack(context);
    directory = await stack.createDirectory();
  });

  const ada = (overrides: Record<string, unknown> = {}) => ({
    schemas: [USER, ENTERPRISE],
    userName: 'ada@acme.com',
    externalId: '00u-ada',
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    emails: [{ value: 'ada@acme.com', type: 'work', primary: true }],
    active: true,
    [ENTERPRISE]: { department: 'R&D' },
    ...overrides,
  });

  it('creates a user: 201, Location, ETag, scim+json, and dsync.user.created in the log', async () => {
    const response = await directory.scim('POST', '/Users', ada(), { 'content-type': 'application/scim+json' });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    const user = await response.json();
    expect(user).toMatchObject({ id: expect.stringMatching(/^directory_user_/), userName: 'ada@acme.com', groups: [] });
    expect(response.headers.get('location')).toBe(`https://scim.example.test/scim/v2/${directory.id}/Users/${user.id}`);
    expect(response.headers.get('etag')).toBe('W/"1"');
    expect(user.meta).toMatchObject({ resourceType: 'User', version: 'W/"1"' });

    const types = (await stack.events(directory.id)).map((event) => event.type);
    expect(types).toEqual(['dsync.activated', 'dsync.user.created']);
    const created = (await stack.events(directory.id))[1]!;
    expect(created.data).toMatchObject({
      object: 'directory_user',
      id: user.id,
      idp_id: '00u-ada',
      email: 'ada@acme.com',
      first_name: 'Ada',
      state: 'active',
    });
  });

  it('answers 409 uniqueness for the same userName in another case', async () => {
    const response = await directory.scim('POST', '/Users', ada({ userName: 'ADA@acme.com' }));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '409',
      scimType: 'uniqueness',
      detail: expect.any(String),
    });
  });

  it('filters, including case-insensitive userName and complex attribute filters', async () => {
    const byName = await (
      await directory.scim('GET', `/Users?filter=${encodeURIComponent('userName eq "ADA@ACME.COM"')}`)
    ).json();
    expect(byName).toMatchObject({ totalResults: 1, startIndex: 1, itemsPerPage: 1 });
    const complex = encodeURIComponent('emails[type eq "work" and value co "@acme.com"]');
    expect((await (await directory.scim('GET', `/Users?filter=${complex}`)).json()).totalResults).toBe(1);
    const none = await (
      await directory.scim('GET', `/Users?filter=${encodeURIComponent('externalId eq "nobody"')}`)
    ).json();
    expect(none).toMatchObject({ totalResults: 0, Resources: [] });
    const bad = await directory.scim('GET', `/Users?filter=${encodeURIComponent('userName eq')}`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).scimType).toBe('invalidFilter');
  });

  it('PATCHes with ETags: 412 on a stale If-Match, updated event with previous_attributes, no event for a no-op', async () => {
    const [user] = (await (await directory.scim('GET', '/Users?count=1')).json()).Resources;
    const stale = await directory.scim('PATCH', `/Users/${user.id}`, patch('replace', 'title', 'Countess'), {
      'if-match': 'W/"7"',
    });
    expect(stale.status).toBe(412);
    const ok = await directory.scim('PATCH', `/Users/${user.id}`, patch('replace', 'name.familyName', 'King'), {
      'if-match': 'W/"1"',
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).name.familyName).toBe('King');
    expect(ok.headers.get('etag')).toBe('W/"2"');
    const again = await directory.scim('PATCH', `/Users/${user.id}`, patch('replace', 'name.familyName', 'King'));
    expect(again.headers.get('etag')).toBe('W/"2"');
    const events = await stack.events(directory.id);
    expect(events.map((event) => event.type)).toEqual(['dsync.activated', 'dsync.user.created', 'dsync.user.updated']);
    expect(events[2]!.previous_attributes).toMatchObject({ last_name: 'Lovelace' });
    const notModified = await directory.scim('GET', `/Users/${user.id}`, undefined, { 'if-none-match': 'W/"2"' });
    expect(notModified.status).toBe(304);
  });

  it('deprovisions with active=false (delete mode): SCIM still shows the user, consumers get user.deleted', async () => {
    const [user] = (await (await directory.scim('GET', '/Users?count=1')).json()).Resources;
    const response = await directory.scim('PATCH', `/Users/${user.id}`, patch('replace', 'active', false));
    expect((await response.json()).active).toBe(false);
    expect((await directory.scim('GET', `/Users/${user.id}`)).status).toBe(200);
    const reactivated = await directory.scim('PATCH', `/Users/${user.id}`, patch('replace', 'active', true));
    expect(reactivated.status).toBe(200);
    const types = (await stack.events(directory.id)).map((event) => event.type).slice(3);
    expect(types).toEqual(['dsync.user.deleted', 'dsync.user.created']);
    const deleted = await directory.scim('DELETE', `/Users/${user.id}`);
    expect(deleted.status).toBe(204);
    expect((await directory.scim('GET', `/Users/${user.id}`)).status).toBe(404);
  });

  it("refuses a wrong token, and another directory's token", async () => {
    const other = await stack.createDirectory();
    const response = await stack.ingest.request('GET', `/scim/v2/${directory.id}/Users`, { token: other.token });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect((await response.json()).status).toBe('401');
  });

  it('accepts the hyphenated directory id shown to Okta', async () => {
    const hyphenated = directory.id.replace('_', '-');
    const response = await stack.ingest.request('GET', `/scim/v2/${hyphenated}/Users?count=1`, {
      token: directory.token,
    });
    expect(response.status).toBe(200);
    expect((await response.json()).totalResults).toBeGreaterThanOrEqual(0);
  });

  it('answers 413 in SCIM form for a body over the advertised maxPayloadSize, and stores nothing', async () => {
    const before = (await stack.events(directory.id)).length;
    const response = await directory.scim('POST', '/Users', { userName: 'big', title: 'x'.repeat(1024 * 1024 + 1) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      status: '413',
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    });
    expect((await stack.events(directory.id)).length).toBe(before);
  });

  it('answers a directory deleted a moment ago with 401 or 404, never a 500', async () => {
    const doomed = await stack.createDirectory();
    await doomed.scim('GET', '/Users?count=0');
    const deleted = await stack.admin.request('DELETE', `/v1/directories/${doomed.id}`, { token: BOOTSTRAP_KEY });
    expect(deleted.status).toBe(204);
    const response = await doomed.scim('POST', '/Users', { userName: 'late@acme.com' });
    expect([401, 404]).toContain(response.status);
    expect((await response.json()).schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
  });

  it('rejects malformed JSON with invalidSyntax', async () => {
    const response = await stack.ingest.request('POST', `/scim/v2/${directory.id}/Users`, {
      token: directory.token,
      headers: { 'content-type': 'application/scim+json' },
      body: undefined,
    });
    expect([400, 415]).toContain(response.status);
    const raw = await fetch(`${stack.ingest.url}/scim/v2/${directory.id}/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${directory.token}`, 'content-type': 'application/scim+json' },
      body: '{"userName": ',
    });
    expect(raw.status).toBe(400);
    const rawBody = (await raw.json()) as { scimType?: string };
    expect(rawBody.scimType).toBe('invalidSyntax');
  });
});

function patch(op: string, path: string, value: unknown) {
  return { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op, path, value }] };
}

describe('SCIM DELETE in deactivate mode', () => {
  const context = useTestContext();

  it('keeps the directory user as inactive while the SCIM resource is gone, and a re-create revives it', async () => {
    const stack = await startScimStack(context);
    const directory = await stack.createDirectory({ provider: 'onelogin', deprovisioning: 'deactivate' });
    const user = await (
      await directory.scim('POST', '/Users', { userName: 'ada@acme.com', name: { givenName: 'Ada' } })
    ).json();
    const group = await (
      await directory.scim('POST', '/Groups', { displayName: 'Eng', members: [{ value: user.id }] })
    ).json();

    expect((await directory.scim('DELETE', `/Users/${user.id}`)).status).toBe(204);
    expect((await directory.scim('GET', `/Users/${user.id}`)).status).toBe(404);
    expect((await (await directory.scim('GET', '/Users')).json()).totalResults).toBe(0);
    expect((await (await directory.scim('GET', `/Groups/${group.id}`)).json()).members).toEqual([]);

    const revived = await directory.scim('POST', '/Users', { userName: 'ADA@acme.com', name: { givenName: 'Ada' } });
    expect(revived.status).toBe(201);
    expect((await revived.json()).id).toBe(user.id);

    // After dsync.activated, user.created, group.created and user_added: no user_removed, the user stays a member.
    const events = (await stack.events(directory.id)).slice(4);
    expect(events.map((event) => [event.type, event.data.state ?? null])).toEqual([
      ['dsync.user.updated', 'inactive'],
      ['dsync.user.updated', 'active'],
    ]);
    expect(events[0]!.previous_attributes.state).toBe('active');
  });
});

describe('SCIM request log', () => {
  const context = useTestContext();

  it('records method, path, status, error detail and a redacted body for every request', async () => {
    const stack = await startScimStack(context);
    const directory = await stack.createDirectory();
    await directory.scim('POST', '/Users', { userName: 'grace', password: 'hunter2' });
    await directory.scim('GET', '/Users/directory_user_00000000000000000000000000');
    await stack.ingest.request('GET', `/scim/v2/${directory.id}/Users`, { token: 'scim_wrong' });
    await stack.ingest.app.get(ScimRequestLog).flush();
    const { rows } = await stack.db.query(
      'SELECT method, path, status, error_detail, request_body FROM scim_requests WHERE directory_id = $1 ORDER BY id',
      [directory.id],
    );
    expect(rows).toEqual([
      {
        method: 'POST',
        path: `/scim/v2/${directory.id}/Users`,
        status: 201,
        error_detail: null,
        request_body: { userName: 'grace', password: '[redacted]' },
      },
      expect.objectContaining({ method: 'GET', status: 404, error_detail: expect.stringContaining('not found') }),
      expect.objectContaining({ status: 401, error_detail: expect.stringContaining('bearer token') }),
    ]);
    expect(JSON.stringify(rows)).not.toContain('hunter2');
  });
});
