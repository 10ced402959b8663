import { sql } from 'drizzle-orm';
import { CommonErrors } from '@medreg/domain';
import type { Ctx } from '../context';
import { rowsOf } from '../db/rows';
import { sharedHitCounter } from './shared-hit-counter';

/**
 * Counts one hit in a fixed window kept in the database, so every server process sees the same counts.
 * A row expires with its window; the cleanup job (src/jobs) deletes it then.
 */
export async function countHit(c: Ctx, bucket: string, windowSeconds: number): Promise<{ hits: number; retryAfterSeconds: number }> {
  const nowMs = c.now().getTime();
  const windowStart = new Date(nowMs - (nowMs % (windowSeconds * 1000)));
  const windowEnd = new Date(windowStart.getTime() + windowSeconds * 1000);
  const rows = await rowsOf<{ hits: number }>(c.tx, sql`
    INSERT INTO rate_limits (bucket, window_start, hits, expires_at)
    VALUES (${bucket}, ${windowStart.toISOString()}, 1, ${windowEnd.toISOString()})
    ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
    RETURNING hits`);
  return { hits: Number(rows[0]?.hits ?? 0), retryAfterSeconds: Math.ceil((windowEnd.getTime() - nowMs) / 1000) };
}

/** Throws RATE_LIMITED (429, with retryAfterSeconds) once `limit` hits are exceeded within `windowSeconds`. */
export async function hitRateLimit(c: Ctx, bucket: string, limit: number, windowSeconds: number): Promise<void> {
  refuseOver(await countHit(c, bucket, windowSeconds), limit);
}

/**
 * The same limit without a database write per hit: counted in this process and added to the shared counts in
 * batches (security/shared-hit-counter.ts), for the high-volume public reads. Exact in one process; across
 * processes the limit holds to within one flush interval.
 */
export function hitBatchedRateLimit(c: Ctx, bucket: string, limit: number, windowSeconds: number): void {
  refuseOver(sharedHitCounter(c.engine, c.db).hit(bucket, windowSeconds, c.now()), limit);
}

function refuseOver({ hits, retryAfterSeconds: retryAfter }: { hits: number; retryAfterSeconds: number }, limit: number): void {
  if (hits > limit) {
    throw CommonErrors.RATE_LIMITED({ detail: `操作过于频繁，请 ${retryAfter} 秒后再试`, extra: { retryAfterSeconds: retryAfter } });
  }
}
