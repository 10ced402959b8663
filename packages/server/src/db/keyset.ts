import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Keyset pagination on (column, id): the row-value condition that starts after the cursor and the matching
 * ORDER BY, so the page is one range of a composite index. `after.key` is the cursor's column value (cast as needed).
 */
export function keyset(column: AnyPgColumn, id: AnyPgColumn, dir: 'asc' | 'desc', after?: { key: SQL; id: string }): { where: SQL | undefined; orderBy: SQL[] } {
  const orderBy = dir === 'asc' ? [asc(column), asc(id)] : [desc(column), desc(id)];
  if (!after) return { where: undefined, orderBy };
  const row = sql`(${column}, ${id})`;
  const cursor = sql`(${after.key}, ${after.id}::uuid)`;
  return { where: dir === 'asc' ? sql`${row} > ${cursor}` : sql`${row} < ${cursor}`, orderBy };
}
