import type { FastifyReply } from 'fastify';
import { eq, lt } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { sessions } from '../../db/schema/index';
import { randomToken, sha256 } from '../../security/tokens';
import { SESSION_COOKIE } from '../../http/actor';

/** Creates a session; the cookie carries the token, the database only its SHA-256. */
export async function createSession(c: Ctx, accountId: string): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken(18);
  const now = c.now();
  const expiresAt = new Date(now.getTime() + c.config.SESSION_TTL_HOURS * 3600_000);
  await c.tx.delete(sessions).where(lt(sessions.expiresAt, now));
  await c.tx.insert(sessions).values({ tokenHash: sha256(token), accountId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function destroySession(c: Ctx, token: string): Promise<void> {
  await c.tx.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function destroyAllSessions(c: Ctx, accountId: string): Promise<void> {
  await c.tx.delete(sessions).where(eq(sessions.accountId, accountId));
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
