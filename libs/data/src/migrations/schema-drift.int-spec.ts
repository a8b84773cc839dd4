import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDMMF } from '@prisma/internals';
import { useTestContext } from '@roster/testing';
import { Client } from 'pg';

// schema.prisma is what the code compiles against; the hand-written migrations are
// what the database really is. This test fails when the two drift apart.

type Dmmf = Awaited<ReturnType<typeof getDMMF>>;
type Model = Dmmf['datamodel']['models'][number];
type Field = Model['fields'][number];

const POSTGRES_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp without time zone',
  Json: 'jsonb',
};

function expectedType(field: Field): string {
  const native = field.nativeType?.[0];
  if (native === 'Timestamptz') return 'timestamp with time zone';
  if (native === 'JsonB') return 'jsonb';
  if (native) throw new Error(`add native type ${native} to the drift test`);
  return field.isList ? 'ARRAY' : POSTGRES_TYPES[field.type]!;
}

const tableOf = (model: Model) => model.dbName ?? model.name;
const columnOf = (field: Field) => field.dbName ?? field.name;

describe('schema.prisma and the migrations', () => {
  const context = useTestContext();
  let db: Client;
  let dmmf: Dmmf;

  beforeAll(async () => {
    dmmf = await getDMMF({ datamodel: readFileSync(join(__dirname, '../../../../prisma/schema.prisma'), 'utf8') });
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
  });

  it('have the same tables', async () => {
    const tables = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    expect(tables.rows.map((row) => row.table_name).sort()).toEqual(dmmf.datamodel.models.map(tableOf).sort());
  });

  it('have the same columns, types and nullability', async () => {
    const columns = await db.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const actual = columns.rows
      .map((c) => `${c.table_name}.${c.column_name} ${c.data_type}${c.data_type !== 'ARRAY' && c.is_nullable === 'NO' ? ' not null' : ''}`)
      .sort();
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((field) => field.kind === 'scalar' || field.kind === 'enum')
          .map((field) => {
            const type = expectedType(field);
            return `${tableOf(model)}.${columnOf(field)} ${type}${type !== 'ARRAY' && field.isRequired ? ' not null' : ''}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it('have every index and unique constraint of the schema', async () => {
    const indexes = await db.query<{ table: string; name: string; unique: boolean; columns: string }>(
      `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique,
              string_agg(a.attname::text, ',' ORDER BY k.ord) AS columns
         FROM pg_index ix
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
         JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        GROUP BY t.relname, i.relname, ix.indisunique`,
    );
    const actual = new Set(indexes.rows.map((index) => `${index.table}(${index.columns})${index.unique ? ' unique' : ''}`));
    for (const index of dmmf.datamodel.indexes) {
      const model = dmmf.datamodel.models.find((candidate) => candidate.name === index.model)!;
      const columns = index.fields.map((f) => columnOf(model.fields.find((field) => field.name === f.name)!));
      const unique = index.type !== 'normal';
      expect(actual).toContain(`${tableOf(model)}(${columns.join(',')})${unique ? ' unique' : ''}`);
    }
  });

  it('have every foreign key of the schema, with its delete rule', async () => {
    const keys = await db.query<{ table: string; columns: string; target: string; on_delete: string }>(
      `SELECT tc.table_name AS table, string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position) AS columns,
              ccu.table_name AS target, rc.delete_rule AS on_delete
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
         JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
        WHERE tc.constraint_type = 'FOREIGN KEY'
        GROUP BY tc.table_name, ccu.table_name, rc.delete_rule, tc.constraint_name`,
    );
    const actual = keys.rows.map((key) => `${key.table}(${key.columns}) -> ${key.target} ${key.on_delete}`).sort();
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((field) => field.relationFromFields?.length)
          .map((field) => {
            const target = dmmf.datamodel.models.find((candidate) => candidate.name === field.type)!;
            const columns = field.relationFromFields!.map((name) => columnOf(model.fields.find((f) => f.name === name)!));
            const onDelete = (field.relationOnDelete ?? 'Restrict').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
            return `${tableOf(model)}(${columns.join(',')}) -> ${tableOf(target)} ${onDelete}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
