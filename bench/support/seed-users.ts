import { newId } from '@roster/ids';
import { Client } from 'pg';
import { expectOk } from './http-json';
import type { Progress } from './progress';
import { type ScimDirectory, scimUser } from './scim-directory';

const BATCH = 10_000;

/**
 * Puts `count` users into a directory fast: one real SCIM POST makes a row as
 * the app writes it, then SQL clones it with new ids, userNames and emails.
 * (No `dsync.user.created` events: benches that seed only read or group users.)
 * Returns the new users' ids, in userName order (`seed.user<i>@bench.example`).
 */
export async function seedUsers(
  databaseUrl: string,
  directory: ScimDirectory,
  count: number,
  progress: Progress,
): Promise<string[]> {
  const template = await expectOk<{ id: string }>(
    'POST',
    `${directory.baseUrl}/Users`,
    directory.token,
    scimUser('seed.template@bench.example'),
  );
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const ids: string[] = [];
  try {
    for (let start = 0; start < count; start += BATCH) {
      const size = Math.min(BATCH, count - start);
      const batchIds = Array.from({ length: size }, () => newId('directoryUser'));
      const names = Array.from({ length: size }, (_, i) => `seed.user${start + i}@bench.example`);
      await client.query(CLONE_USERS, [template.body.id, batchIds, names]);
      ids.push(...batchIds);
      progress.count('seeded users', ids.length, count);
    }
    // What autovacuum does to a directory at rest: statistics, and the visibility map
    // that lets counts run as index-only scans.
    await client.query('VACUUM ANALYZE directory_users');
  } finally {
    await client.end();
  }
  return ids;
}

const CLONE_USERS = `
  INSERT INTO directory_users (id, directory_id, tenant_id, external_id, user_name, active, state,
                               display_name, given_name, family_name, email, attributes, version, created_at, updated_at)
  SELECT n.id, t.directory_id, t.tenant_id, 'ext-' || n.name, n.name, t.active, t.state,
         'Bench ' || n.name, t.given_name, n.name, n.name,
         t.attributes || jsonb_build_object(
           'userName', n.name,
           'externalId', 'ext-' || n.name,
           'displayName', 'Bench ' || n.name,
           'name', jsonb_build_object('givenName', t.given_name, 'familyName', n.name),
           'emails', jsonb_build_array(jsonb_build_object('value', n.name, 'type', 'work', 'primary', true))),
         1, now(), now()
  FROM directory_users t, unnest($2::text[], $3::text[]) AS n(id, name)
  WHERE t.id = $1`;
