import type { QueryResultRow } from 'pg';
import type { PrismaTransaction } from '../prisma.service';
import type { SqlRunner } from '../sql';

/**
 * What the repositories of the SCIM hot paths run on: a plain pg runner (the
 * app's pool or a pg transaction, cheap per statement) or a Prisma client or
 * transaction (the writers that still run on Prisma). Their SQL is written once
 * and runs on either.
 */
export type Database = PrismaTransaction | SqlRunner;

/** The statement runner of a Database: on Prisma, the same text goes through `$queryRawUnsafe` on its connection. */
export function sqlOf(db: Database): SqlRunner {
  if (isSqlRunner(db)) return db;
  return {
    query: <Row extends QueryResultRow>(text: string, values: readonly unknown[] = []) =>
      db.$queryRawUnsafe<Row[]>(text, ...values),
  };
}

function isSqlRunner(db: Database): db is SqlRunner {
  return typeof (db as Partial<SqlRunner>).query === 'function';
}
