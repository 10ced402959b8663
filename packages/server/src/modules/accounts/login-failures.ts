import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { accounts, loginFailures } from '../../db/schema/index';
import { countHit } from '../../security/rate-limit';
import { sha256 } from '../../security/tokens';
import { clientKey } from './client-key';

/** Wrong passwords in a row from one client for one login name before that client is locked out of it. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** Consecutive failures older than this no longer count towards a client's lock. */
const FAILURE_MEMORY_HOURS = 24;
/**
 * Wrong passwords for one account from all clients together within an hour before the account itself is
 * locked for everybody (distributed guessing). Far above what one client can do (5 per 15 minutes).
 */
export const ACCOUNT_FAILURES_PER_HOUR = 100;

export interface LoginAttempt {
  /** The login name as typed. */
  loginName: string;
  /** The client address (req.ip under TRUST_PROXY). */
  ip: string;
}

function keyOf(attempt: LoginAttempt) {
  return { loginHash: sha256(attempt.loginName.trim().toLowerCase()), client: clientKey(attempt.ip) };
}

/** Until when this client is locked out of this login name, if it is. */
export async function clientLockedUntil(c: Ctx, attempt: LoginAttempt): Promise<Date | null> {
  const key = keyOf(attempt);
  const [row] = await c.tx.select({ lockedUntil: loginFailures.lockedUntil }).from(loginFailures)
    .where(and(eq(loginFailures.loginHash, key.loginHash), eq(loginFailures.client, key.client)));
  return row?.lockedUntil && row.lockedUntil > c.now() ? row.lockedUntil : null;
}

/**
 * Counts a wrong password (or an unknown login name: the same count, so that the answers cannot tell them
 * apart). Returns the client's new lock, if this failure set one.
 */
export async function recordClientFailure(c: Ctx, attempt: LoginAttempt): Promise<Date | null> {
  const key = keyOf(attempt);
  const now = c.now();
  const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_HOURS * 3600_000).toISOString();
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
  const counted = sql`CASE WHEN ${loginFailures.lastFailedAt} < ${forgetBefore}::timestamptz THEN 1 ELSE ${loginFailures.failures} + 1 END`;
  const [row] = await c.tx.insert(loginFailures)
    .values({ ...key, failures: 1, lastFailedAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: [loginFailures.loginHash, loginFailures.client],
      set: {
        failures: sql`CASE WHEN ${counted} >= ${MAX_FAILED_LOGINS} THEN 0 ELSE ${counted} END`,
        lockedUntil: sql`CASE WHEN ${counted} >= ${MAX_FAILED_LOGINS} THEN ${lockUntil}::timestamptz ELSE NULL END`,
        lastFailedAt: now,
      },
    })
    .returning({ lockedUntil: loginFailures.lockedUntil });
  return row?.lockedUntil ?? null;
}

/**
 * Counts a wrong password against the account's hourly ceiling over all clients; past it the account is
 * locked for everybody for LOCK_MINUTES. Returns that lock when this failure set it.
 */
export async function recordAccountFailure(c: Ctx, accountId: string): Promise<Date | null> {
  const { hits } = await countHit(c, `login-failures:account:${accountId}`, 3600);
  if (hits < ACCOUNT_FAILURES_PER_HOUR) return null;
  const until = new Date(c.now().getTime() + LOCK_MINUTES * 60_000);
  await c.tx.update(accounts).set({ lockedUntil: until }).where(eq(accounts.id, accountId));
  return until;
}

/** A successful login forgets this client's failures for the login name. */
export async function clearClientFailures(c: Ctx, attempt: LoginAttempt): Promise<void> {
  const key = keyOf(attempt);
  await c.tx.delete(loginFailures).where(and(eq(loginFailures.loginHash, key.loginHash), eq(loginFailures.client, key.client)));
}

/** Forgets every client's failures for a login name (an administrator reset its password). */
export async function clearAllFailures(c: Ctx, loginName: string): Promise<void> {
  await c.tx.delete(loginFailures).where(eq(loginFailures.loginHash, sha256(loginName.trim().toLowerCase())));
}
