import type { SQL } from 'drizzle-orm';
import type { Executor } from './engine';

/** Runs raw SQL and returns its rows on either engine (PGlite and node-postgres both answer `{ rows }`). */
export async function rowsOf<T>(tx: Executor, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
