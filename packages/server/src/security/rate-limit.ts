import { sql } from 'drizzle-orm';
import { CommonErrors } from '@medreg/domain';
import type { Ctx } from '../context';
import { rowsOf } from '../db/rows';

/**
 * Fixed-window rate limit kept in the database, so every server process sees the same counts.
 * Throws RATE_LIMITED (429) once `limit` hits are exceeded within `windowSeconds`.
 */
export async function hitRateLimit(c: Ctx, bucket: string, limit: number, windowSeconds: number): Promise<void> {
  const nowMs = c.now().getTime();
  const windowStart = new Date(nowMs - (nowMs % (windowSeconds * 1000)));
  const rows = await rowsOf<{ hits: number }>(c.tx, sql`
    INSERT INTO rate_limits (bucket, window_start, hits) VALUES (${bucket}, ${windowStart.toISOString()}, 1)
    ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
    RETURNING hits`);
  const hits = Number(rows[0]?.hits ?? 0);
  if (hits > limit) {
    const retryAfter = Math.ceil((windowStart.getTime() + windowSeconds * 1000 - nowMs) / 1000);
    throw CommonErrors.RATE_LIMITED({ detail: `操作过于频繁，请 ${retryAfter} 秒后再试`, extra: { retryAfterSeconds: retryAfter } });
  }
}
