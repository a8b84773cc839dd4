import { useTestContext } from '@roster/testing';
import { PrismaService } from '../prisma.service';
import { VISIBLE_IN_FILTERS } from './resource-list-query';

// The planner's choice VISIBLE_IN_FILTERS exists for: a `userName eq` lookup in a
// directory that has no statistics yet (an initial sync) probes the unique index.
describe('SCIM filter lookups without statistics', () => {
  const context = useTestContext();
  let prisma: PrismaService;

  beforeAll(async () => {
    prisma = new PrismaService(context.config());
    context.onTeardown(() => prisma.$disconnect());
    await prisma.sql.query(`INSERT INTO tenants (id, name) VALUES ('tenant_plan', 'Plan')`);
    await prisma.sql.query(
      `INSERT INTO directories (id, tenant_id, name, provider, scim_token_hash, scim_token_last_four)
       VALUES ('directory_plan', 'tenant_plan', 'Plan', 'okta', 'x', 'xxxx')`,
    );
    // Grown as an IdP grows it, a few users a statement, with SCIM-sized attributes.
    for (let first = 0; first < 3000; first += 5) {
      await prisma.sql.query(
        `INSERT INTO directory_users (id, directory_id, tenant_id, user_name, attributes)
         SELECT 'directory_user_plan' || g, 'directory_plan', 'tenant_plan', 'user' || g || '@plan.example',
                jsonb_build_object('userName', 'user' || g || '@plan.example', 'padding', repeat('x', 900))
           FROM generate_series($1::int, $1::int + 4) AS g`,
        [first],
      );
    }
  });

  it('probes (directory_id, lower(user_name)), not the partial listing index', async () => {
    const plan = await prisma.sql.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT t.id FROM directory_users t
        WHERE t.directory_id = $1 AND ${VISIBLE_IN_FILTERS} AND lower(t.user_name) = lower($2)`,
      ['directory_plan', 'nobody@plan.example'],
    );
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toContain('directory_users_directory_id_lower_user_name_key');
    expect(text).not.toContain('directory_users_scim_visible_idx');
  });
});
