import { useTestContext } from '@roster/testing';
import fc from 'fast-check';
import { type ScimDirectory, type ScimStack, startScimStack } from './scim-stack';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const RUNS = 60;

/** Fragments real filters and paths are made of, so the fuzzer reaches deep into the parser and compiler. */
const token = fc.constantFrom(
  'userName',
  'emails',
  'emails.value',
  'name.givenName',
  'members',
  'meta.lastModified',
  'active',
  'title',
  'groups',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
  'eq',
  'ne',
  'co',
  'sw',
  'ew',
  'gt',
  'ge',
  'lt',
  'le',
  'pr',
  'and',
  'or',
  'not',
  '(',
  ')',
  '[',
  ']',
  '"x"',
  '"2026-01-01T00:00:00Z"',
  'true',
  'null',
  '42',
  '.value',
  ' ',
  '"',
  '\\',
  '%',
);
const expression = fc.oneof(
  fc.array(token, { maxLength: 12 }).map((parts) => parts.join(' ')),
  fc.string({ maxLength: 40 }),
);

const operation = fc.record(
  {
    op: fc.constantFrom('add', 'replace', 'remove', 'Add', 'Replace', 'Remove', 'copy', ''),
    path: expression,
    value: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: ['op'] },
);
const patchBody = fc.oneof(
  fc.record({ schemas: fc.constant([PATCH_OP]), Operations: fc.array(operation, { maxLength: 4 }) }),
  fc.jsonValue({ maxDepth: 4 }),
);
const resourceBody = fc.oneof(
  fc.dictionary(fc.oneof(token, fc.string({ maxLength: 10 })), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 3 }),
);

describe('SCIM surface under fuzzed input: never a 500, never a change from a rejected request', () => {
  const context = useTestContext();
  let stack: ScimStack;
  let directory: ScimDirectory;
  let userId: string;
  let groupId: string;

  beforeAll(async () => {
    stack = await startScimStack(context);
    directory = await stack.createDirectory({ provider: 'entra' });
    userId = (
      await (
        await directory.scim('POST', '/Users', { userName: 'fuzz@acme.com', emails: [{ value: 'f@x.io' }] })
      ).json()
    ).id;
    groupId = (
      await (await directory.scim('POST', '/Groups', { displayName: 'Fuzz', members: [{ value: userId }] })).json()
    ).id;
  });

  async function snapshot() {
    const { rows } = await stack.db.query(
      `SELECT (SELECT count(*) FROM events WHERE directory_id = $1) AS events,
              (SELECT coalesce(sum(version), 0) FROM directory_users WHERE directory_id = $1) AS users,
              (SELECT coalesce(sum(version), 0) FROM directory_groups WHERE directory_id = $1) AS groups`,
      [directory.id],
    );
    return rows[0];
  }

  async function expectSafe(
    send: () => Promise<Response | { status: number; text(): Promise<string> }>,
  ): Promise<void> {
    const before = await snapshot();
    const response = await send();
    const text = await response.text();
    expect(response.status).toBeLessThan(500);
    expect(text).not.toMatch(/\bat \S+ \(|node_modules|Error: /);
    if (response.status >= 400) {
      expect(JSON.parse(text).schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
      expect(await snapshot()).toEqual(before);
    }
  }

  it('PATCH /Users/{id} bodies', async () => {
    await fc.assert(
      fc.asyncProperty(patchBody, (body) => expectSafe(() => directory.scim('PATCH', `/Users/${userId}`, body))),
      { numRuns: RUNS },
    );
  });

  it('PATCH /Groups/{id} bodies', async () => {
    await fc.assert(
      fc.asyncProperty(patchBody, (body) => expectSafe(() => directory.scim('PATCH', `/Groups/${groupId}`, body))),
      { numRuns: RUNS },
    );
  });

  it('POST and PUT bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        resourceBody,
        fc.constantFrom('POST /Users', `PUT /Users/`, 'POST /Groups', 'POST /Bulk', 'POST /.search'),
        (body, route) => {
          const [method, path] = route.split(' ') as [string, string];
          const target = path === '/Users/' ? `/Users/${userId}` : path;
          return expectSafe(() => directory.scim(method, target, body));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('filters, attribute lists, sorting and paging in query strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        expression,
        fc.constantFrom('filter', 'attributes', 'excludedAttributes', 'sortBy', 'count', 'startIndex', 'sortOrder'),
        fc.constantFrom('/Users', '/Groups'),
        (text, name, path) => expectSafe(() => directory.scim('GET', `${path}?${name}=${encodeURIComponent(text)}`)),
      ),
      { numRuns: RUNS },
    );
  });

  it('raw bytes, content types and precondition headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('application/json', 'application/scim+json', 'text/plain', 'application/xml'),
        fc.string({ maxLength: 12 }),
        (raw, type, ifMatch) =>
          expectSafe(() =>
            fetch(`${stack.ingest.url}/scim/v2/${directory.id}/Users/${userId}`, {
              method: 'PATCH',
              headers: {
                authorization: `Bearer ${directory.token}`,
                'content-type': type,
                'if-match': ifMatch.replace(/[^\x20-\x7e]/g, ''),
              },
              body: raw,
            }),
          ),
      ),
      { numRuns: RUNS },
    );
  });
});
