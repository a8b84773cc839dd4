import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryConfig, QueryResultRow } from 'pg';

/** Runs one statement: on the pool, or on a transaction's connection. */
export interface SqlRunner {
  query<Row extends QueryResultRow>(
    text: string,
    values?: readonly unknown[],
    options?: StatementOptions,
  ): Promise<Row[]>;
}

export interface StatementOptions {
  /**
   * Prepare (name) the statement on each connection, so Postgres plans it
   * once per connection instead of on every run. For statements whose plan
   * does not depend on their values: after five runs Postgres may switch to
   * one generic plan, which for a lookup in a table that grows during a run
   * (an IdP's initial sync) was measured 1.7× slower overall.
   */
  prepare?: boolean;
}

/**
 * Plain SQL on the app's own pg pool (the one Prisma's driver adapter uses),
 * for the few statements that run thousands of times a second: a Prisma raw
 * query costs about 0.4 ms of CPU against pg's 0.15 ms for the same statement
 * (measured on this machine), and on those paths that difference is the
 * throughput. Everything else stays on Prisma.
 *
 * A statement can be prepared (StatementOptions): planning the lane's lease
 * statement takes longer than running it.
 */
export class Sql implements SqlRunner {
  constructor(private readonly pool: Pool) {}

  async query<Row extends QueryResultRow>(
    text: string,
    values: readonly unknown[] = [],
    options: StatementOptions = {},
  ): Promise<Row[]> {
    const result = await this.pool.query<Row>(statement(text, values, options));
    return result.rows;
  }

  /** Runs `work` in one transaction on one connection: committed if it resolves, rolled back if it throws. */
  async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let unusable: Error | undefined;
    // Postgres ending this connection between statements (a restart) emits
    // 'error' on the checked-out client; unheard, it would end the process.
    const onError = (error: Error) => (unusable = error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(onClient(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection whose rollback fails is in an unknown state: dropped, not reused.
      await client.query('ROLLBACK').catch((rollbackError: Error) => (unusable = rollbackError));
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(unusable);
    }
  }
}

function onClient(client: PoolClient): SqlRunner {
  return {
    async query<Row extends QueryResultRow>(
      text: string,
      values: readonly unknown[] = [],
      options: StatementOptions = {},
    ): Promise<Row[]> {
      return (await client.query<Row>(statement(text, values, options))).rows;
    },
  };
}

// Prepared statement texts seen, with their names. Bounded: a caller building texts
// without end (it should not) would otherwise grow every connection's set of
// prepared statements; past the bound, new texts run unprepared.
const statementNames = new Map<string, string>();
const MAX_PREPARED = 500;

/** The statement as a query, named (prepared) if asked: the same text always gets the same name. */
function statement(text: string, values: readonly unknown[], options: StatementOptions): QueryConfig {
  if (!options.prepare) return { text, values: values as unknown[] };
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED) {
    name = `roster_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return { name, text, values: values as unknown[] };
}

/** Collects the values of a statement built in parts; `add` returns the placeholder to write. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
