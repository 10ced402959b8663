import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../../context';
import { inTransaction, reading } from '../../context';
import { accounts } from '../../db/schema/index';
import { hitRateLimit } from '../../security/rate-limit';
import { consumeCaptcha } from './captcha';
import { AccountErrors } from './errors';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { createSession } from './sessions';
import { audit } from '../audit/service';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** Login attempts per client address per 5 minutes. */
export const LOGIN_RATE_LIMIT = 30;

export interface LoginInput {
  loginName: string;
  password: string;
  captchaId: string;
  captchaAnswer: string;
}

/**
 * Logs in with login name + password + image captcha. Five wrong passwords in a row lock the
 * account for LOCK_MINUTES. The failure count is committed on its own, before the refusal is thrown.
 */
export async function login(deps: Deps, input: LoginInput, client: { ip: string }) {
  const auto = reading(deps);
  await hitRateLimit(auto, `login:${client.ip}`, LOGIN_RATE_LIMIT, 300);
  await consumeCaptcha(auto, input.captchaId, input.captchaAnswer);

  const now = deps.now();
  const [account] = await deps.db.select().from(accounts).where(eq(sql`lower(${accounts.loginName})`, input.loginName.trim().toLowerCase())).limit(1);
  if (!account) {
    await burnPasswordCheck(input.password);
    throw AccountErrors.INVALID_CREDENTIALS();
  }
  if (account.disabled) throw AccountErrors.ACCOUNT_DISABLED();
  if (account.lockedUntil && account.lockedUntil > now) throw lockedError(account.lockedUntil, now);

  if (!(await verifyPassword(account.passwordHash, input.password))) {
    const [updated] = await deps.db
      .update(accounts)
      .set({
        failedLoginCount: sql`CASE WHEN ${accounts.failedLoginCount} + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE ${accounts.failedLoginCount} + 1 END`,
        lockedUntil: sql`CASE WHEN ${accounts.failedLoginCount} + 1 >= ${MAX_FAILED_LOGINS} THEN ${new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString()}::timestamptz ELSE NULL END`,
      })
      .where(eq(accounts.id, account.id))
      .returning({ lockedUntil: accounts.lockedUntil, failed: accounts.failedLoginCount });
    if (updated?.lockedUntil) {
      await audit(reading(deps), { accountId: account.id, role: account.role }, 'account.locked', 'account', account.id, {});
      throw lockedError(updated.lockedUntil, now);
    }
    const left = MAX_FAILED_LOGINS - (updated?.failed ?? 0);
    throw AccountErrors.INVALID_CREDENTIALS({ detail: `登录名或密码错误，再错 ${left} 次账户将被锁定 ${LOCK_MINUTES} 分钟` });
  }

  return inTransaction(deps, async (c) => {
    await c.tx.update(accounts).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(accounts.id, account.id));
    const session = await createSession(c, account.id);
    await audit(c, { accountId: account.id, role: account.role }, 'account.login', 'account', account.id, { ip: client.ip });
    return { account, ...session };
  });
}

function lockedError(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return AccountErrors.ACCOUNT_LOCKED({
    detail: `密码连续错误 ${MAX_FAILED_LOGINS} 次，账户已锁定，请 ${minutes} 分钟后再试`,
    extra: { lockedUntil: until.toISOString() },
  });
}
