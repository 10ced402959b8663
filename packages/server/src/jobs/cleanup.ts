import { lt, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { actorChanges, captchas, loginFailures, rateLimits, sessions, signupTokens, verificationCodes } from '../db/schema/index';
import type { Job } from './runner';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A job deleting the rows of `table` whose `column` is more than `graceMs` in the past. */
function expiry(name: string, table: PgTable, column: PgColumn, graceMs = 0, intervalMs = 10 * MINUTE): Job {
  return {
    name: `cleanup.${name}`,
    intervalMs,
    run: async (c) => {
      const condition: SQL = lt(column, new Date(c.now().getTime() - graceMs));
      await c.tx.delete(table).where(condition);
    },
  };
}

/** Deletes what has expired; every column here has an index (see the migrations). */
export const CLEANUP_JOBS: Job[] = [
  expiry('rate_limits', rateLimits, rateLimits.expiresAt),
  expiry('captchas', captchas, captchas.expiresAt),
  expiry('sessions', sessions, sessions.expiresAt),
  expiry('signup_tokens', signupTokens, signupTokens.expiresAt),
  // Kept a day past expiry, so that a late confirmation is still told "expired" rather than "not requested".
  expiry('verification_codes', verificationCodes, verificationCodes.expiresAt, DAY),
  // Failures older than a day no longer count (login-failures.ts), and any lock set then has ended.
  expiry('login_failures', loginFailures, loginFailures.lastFailedAt, DAY),
  // The session cache reads only the last seconds of the log (security/session-cache.ts); an hour is plenty.
  expiry('actor_changes', actorChanges, actorChanges.changedAt, 60 * MINUTE),
];
