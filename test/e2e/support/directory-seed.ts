import { newId } from '@roster/ids';
import { hashSecret } from '@roster/security';
import type { Client } from 'pg';

export interface DirectoryFixture {
  tenantId: string;
  directoryId: string;
  /** userName -> directory user id */
  users: Record<string, string>;
  /** group name -> directory group id */
  groups: Record<string, string>;
}

export interface DirectorySeed {
  tenantName?: string;
  provider?: string;
  users: string[];
  groups: string[];
  /** userName -> group names */
  memberships?: Record<string, string[]>;
  /** userNames whose normalized user is gone (removed_at set, as in delete-mode deprovisioning) */
  removed?: string[];
}

/**
 * Writes a tenant and a directory with users, groups and memberships straight into
 * the tables ingest owns, so reads can be tested without the SCIM server.
 */
export async function seedDirectory(db: Client, seed: DirectorySeed): Promise<DirectoryFixture> {
  const tenantId = newId('tenant');
  const directoryId = newId('directory');
  await db.query('INSERT INTO tenants (id, name) VALUES ($1, $2)', [tenantId, seed.tenantName ?? 'Acme']);
  await db.query(
    `INSERT INTO directories (id, tenant_id, name, provider, scim_token_hash, scim_token_last_four)
     VALUES ($1, $2, 'Acme directory', $3, $4, 'abcd')`,
    [directoryId, tenantId, seed.provider ?? 'okta', hashSecret(newId('directory'))],
  );
  const users: Record<string, string> = {};
  for (const userName of seed.users) {
    users[userName] = newId('directoryUser');
    const given = userName.charAt(0).toUpperCase() + userName.slice(1);
    const attributes = {
      userName,
      name: { givenName: given, familyName: 'Tester' },
      emails: [{ value: `${userName}@acme.test`, type: 'work', primary: true }],
      title: 'Engineer',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'R&D' },
    };
    await db.query(
      `INSERT INTO directory_users (id, directory_id, tenant_id, external_id, user_name, given_name, family_name, email, attributes, removed_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'Tester', $7, $8, $9)`,
      [
        users[userName],
        directoryId,
        tenantId,
        `ext-${userName}`,
        userName,
        given,
        `${userName}@acme.test`,
        JSON.stringify(attributes),
        seed.removed?.includes(userName) ? new Date() : null,
      ],
    );
  }
  const groups: Record<string, string> = {};
  for (const name of seed.groups) {
    groups[name] = newId('directoryGroup');
    await db.query(
      `INSERT INTO directory_groups (id, directory_id, tenant_id, external_id, display_name, attributes)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [groups[name], directoryId, tenantId, `ext-${name}`, name, JSON.stringify({ displayName: name })],
    );
  }
  for (const [userName, names] of Object.entries(seed.memberships ?? {})) {
    for (const name of names) {
      await db.query('INSERT INTO group_memberships (group_id, user_id, directory_id) VALUES ($1, $2, $3)', [
        groups[name],
        users[userName],
        directoryId,
      ]);
    }
  }
  return { tenantId, directoryId, users, groups };
}
