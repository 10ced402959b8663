import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The drizzle database handle; the same type on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

const MIGRATION_LOCK = 7246011;
const ALREADY_APPLIED = 'SELECT 1 FROM schema_migrations WHERE name = $1';
const RECORD_APPLIED = 'INSERT INTO schema_migrations (name) VALUES ($1)';

export interface Engine {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** The handle on the read replica (READ_DATABASE_URL), when there is one. */
  readonly readDb?: Db;
  /**
   * Applies one migration file and records it, in one transaction: all of it or none of it.
   * Returns false when another process applied it first.
   */
  applyMigration(name: string, script: string): Promise<boolean>;
  /** Runs a read-only query outside a transaction (used by migrations bookkeeping and /readyz). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs SQL text outside a transaction and answers `{ rows }`: with values one statement, without them possibly
   * several (the job queue's maintenance sends `BEGIN; …; COMMIT;` as one text).
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /**
   * Runs `COPY <table> (<columns>) FROM STDIN` with `data` in COPY's text format (copy-text.ts), outside any
   * transaction, and answers the rows copied. PGlite reads the data as a blob (`FROM '/dev/blob'`), PostgreSQL
   * through pg-copy-streams.
   */
  copyFrom(target: string, data: string | Buffer): Promise<number>;
  close(): Promise<void>;
}

/** What an engine can be opened with besides its address. */
export interface EngineOptions {
  /** A second pool on this address for the reads that may go to a replica (PostgreSQL only). */
  readUrl?: string;
  /** Called with every statement drizzle sends (tests count the statements of a command with it). */
  onStatement?: (sql: string) => void;
}

function drizzleLogger(opts: EngineOptions) {
  const onStatement = opts.onStatement;
  return onStatement ? { logger: { logQuery: (query: string) => onStatement(query) } } : {};
}

/** PGlite needs pg_trgm loaded as an extension; on PostgreSQL it is part of contrib. */
export const PGLITE_EXTENSIONS = { pg_trgm };

export function pgliteEngine(client: PGlite, opts: EngineOptions = {}): Engine {
  const db = drizzlePglite(client, { schema, ...drizzleLogger(opts) }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async applyMigration(name, script) {
      return client.transaction(async (tx) => {
        if ((await tx.query(ALREADY_APPLIED, [name])).rows.length > 0) return false;
        await tx.exec(script);
        await tx.query(RECORD_APPLIED, [name]);
        return true;
      });
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query<T>(sql, params)).rows;
    },
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results[results.length - 1]?.rows ?? [] };
    },
    async copyFrom(target, data) {
      const result = await client.query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT text)`, [], { blob: new Blob([data]) });
      return result.affectedRows ?? 0;
    },
    close: () => client.close(),
  };
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  const client = new PGlite({ dataDir, extensions: PGLITE_EXTENSIONS, ...(loadDataDir ? { loadDataDir } : {}) });
  await client.waitReady;
  return client;
}

export function postgresEngine(connectionString: string, poolSize = 10, opts: EngineOptions = {}): Engine {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection can be ended by the server (a restart, a failover, an administrator). node-postgres
  // then emits 'error' on the pool and drops that connection; without a listener the process would crash.
  // The next query opens a new connection; queries in flight get their own error.
  pool.on('error', (error: Error & { code?: string }) => {
    process.emitWarning(`PostgreSQL closed an idle connection (${error.code ?? 'no SQLSTATE'})`, 'DatabaseConnectionWarning');
  });
  const db = drizzlePg(pool, { schema, ...drizzleLogger(opts) }) as unknown as Db;
  const readPool = opts.readUrl ? new pg.Pool({ connectionString: opts.readUrl, max: poolSize }) : undefined;
  readPool?.on('error', (error: Error & { code?: string }) => {
    process.emitWarning(`The read replica closed an idle connection (${error.code ?? 'no SQLSTATE'})`, 'DatabaseConnectionWarning');
  });
  return {
    kind: 'postgres',
    db,
    readDb: readPool ? drizzlePg(readPool, { schema, ...drizzleLogger(opts) }) as unknown as Db : undefined,
    async applyMigration(name, script) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Serialise concurrent migrators (several processes starting at once).
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        if ((await client.query(ALREADY_APPLIED, [name])).rows.length > 0) {
          await client.query('COMMIT');
          return false;
        }
        await client.query(script);
        await client.query(RECORD_APPLIED, [name]);
        await client.query('COMMIT');
        return true;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async executeSql(text, values) {
      const result = await pool.query(text, values);
      // Several statements answer one result each; the last one's rows are the answer.
      const last = Array.isArray(result) ? (result as pg.QueryResult[])[(result as pg.QueryResult[]).length - 1] : result;
      return { rows: last?.rows ?? [] };
    },
    async copyFrom(target, data) {
      const client = await pool.connect();
      try {
        const stream = client.query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT text)`));
        await pipeline(Readable.from([data]), stream);
        return Number(stream.rowCount ?? 0);
      } finally {
        client.release();
      }
    },
    close: async () => {
      await Promise.all([pool.end(), readPool?.end()]);
    },
  };
}
