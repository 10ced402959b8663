/**
 * The job queue under the runner: pg-boss (10.4.2, the last major that runs on Node 20) on the server's own
 * database — PostgreSQL or PGlite alike, through `executeSql` adapters instead of a pool of its own. Its schema
 * `pgboss` comes from the migration 20261202120000_job_queue.sql, so pg-boss starts with `migrate: false`.
 */
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Deps } from '../context';
import type { Engine, Executor } from '../db/engine';

export type QueueDb = PgBoss.Db;

/** pg-boss on the engine's own connections (outside any transaction). */
export function engineQueueDb(engine: Engine): QueueDb {
  return { executeSql: (text, values) => engine.executeSql(text, values) };
}

/**
 * pg-boss inside an open transaction: its `$1`-numbered text becomes one drizzle query on `tx`, so taking a job,
 * the job's own work and marking it done commit (or roll back) together.
 */
export function transactionQueueDb(tx: Executor): QueueDb {
  return {
    async executeSql(text, values = []) {
      const result = (await tx.execute(numberedToSql(text, values))) as unknown as { rows: unknown[] };
      return { rows: result.rows };
    },
  };
}

/** `SELECT … $2 … $1` with values → drizzle SQL with each placeholder as a bound parameter (arrays kept whole). */
export function numberedToSql(text: string, values: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(parts.map((part, i) => (i % 2 === 1 ? sql`${sql.param(values[Number(part) - 1] ?? null)}` : sql.raw(part))), sql``);
}

/**
 * The id of a job's run for the interval slot holding `at`: the same in every process, so the first process to
 * enqueue the slot's run creates it and every other enqueue of that slot is a no-op (pg-boss answers null).
 */
export function slotJobId(name: string, intervalMs: number, at: Date): { id: string; slotStart: Date } {
  const slot = Math.floor(at.getTime() / intervalMs);
  const hex = createHash('sha256').update(`${name}@${intervalMs}@${slot}`).digest('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return { id, slotStart: new Date(slot * intervalMs) };
}

export function createBoss(engine: Engine, supervise: boolean): PgBoss {
  return new PgBoss({
    db: engineQueueDb(engine),
    migrate: false,
    // Maintenance (archive finished runs after a day, delete them after a week) only in started servers; tests tick.
    supervise,
    schedule: false,
    archiveCompletedAfterSeconds: 24 * 3600,
    deleteAfterDays: 7,
  });
}

/** pg_advisory_xact_lock key serialising queue creation (pg-boss's create_queue deadlocks when two processes race). */
const CREATE_QUEUE_LOCK = 7246012;

/** Creates the job's pg-boss queue unless it exists: one creator at a time, under an advisory lock. */
export async function ensureQueue(deps: Deps, name: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CREATE_QUEUE_LOCK})`);
    const existing = (await tx.execute(sql`SELECT 1 FROM pgboss.queue WHERE name = ${name}`)) as unknown as { rows: unknown[] };
    if (existing.rows.length > 0) return;
    // A run is not retried by pg-boss: the job's next interval is its retry.
    await tx.execute(sql`SELECT pgboss.create_queue(${name}, ${JSON.stringify({ policy: 'standard', retryLimit: 0 })}::json)`);
  });
}
