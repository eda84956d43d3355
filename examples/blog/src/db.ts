// The example's whole database interface: one method, `query(sql, params) → rows`. The Sources,
// the naive resolvers and the seed all go through it, so the same code runs on the embedded
// PGlite (default) and on a PostgreSQL server through `pg` (when DATABASE_URL is set), and a
// per-request wrapper can count every SQL statement.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Db {
  /** Runs one SQL statement with positional parameters ($1, $2, …) and returns its rows. */
  query<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/** A database the app opened: a `Db` plus what the summary prints and how to close it. */
export interface Database extends Db {
  /** e.g. 'PGlite (embedded)' or 'PostgreSQL postgres://db.example/app (schema blog)'. */
  readonly label: string;
  /** Runs several `;`-separated statements without parameters (the seed's DDL). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the embedded database, or the PostgreSQL server at `url` when one is given. On a server
 * every table lives in `schema` (created by the seed), so the example never touches the
 * server's other tables.
 */
export async function openDatabase(
  url: string | undefined,
  schema = 'graphql_codegen_batch_example',
): Promise<Database> {
  if (url === undefined || url === '') return openPglite();
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`openDatabase: schema must be a lower-case SQL identifier, got "${schema}"`);
  }
  return openPostgres(url, schema);
}

async function openPglite(): Promise<Database> {
  const db = new PGlite();
  await db.waitReady;
  return {
    label: 'PGlite (embedded, in memory)',
    async query<R>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<R>(sql, params as unknown[])).rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

async function openPostgres(url: string, schema: string): Promise<Database> {
  // A pool, so that batches fetched concurrently (AsyncDataloader, the manual-parallelism
  // Source) really run in parallel. Every connection starts with the example's search_path.
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 8 });
  const client = await pool.connect().catch((error: unknown) => {
    void pool.end();
    throw new Error(`Cannot connect to DATABASE_URL (${redact(url)}): ${String(error)}`);
  });
  client.release();
  return {
    label: `PostgreSQL ${redact(url)} (schema ${schema})`,
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const result = await pool.query(sql, params as unknown[]);
      return result.rows as R[];
    },
    async exec(sql) {
      // The search_path names the schema from the first connection on; it must exist before
      // the seed's first CREATE TABLE.
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}; ${sql}`);
    },
    close: () => pool.end(),
  };
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparsable URL>';
  }
}

/** Counts the statements and rows that go through it: one per request, around the shared Db. */
export class CountingDb implements Db {
  statements = 0;
  rows = 0;
  /** The SQL text of each statement, in order (for tests and for debugging a count). */
  readonly log: string[] = [];

  constructor(private readonly db: Db) {}

  async query<R>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    this.statements++;
    this.log.push(sql);
    const rows = await this.db.query<R>(sql, params);
    this.rows += rows.length;
    return rows;
  }
}
