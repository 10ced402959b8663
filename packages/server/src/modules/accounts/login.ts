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
import { clearClientFailures, clientLockedUntil, LOCK_MINUTES, MAX_FAILED_LOGINS, recordAccountFailure, recordClientFailure } from './login-failures';

/** Login attempts per client address per 5 minutes. */
export const LOGIN_RATE_LIMIT = 30;

export interface LoginInput {
  loginName: string;
  password: string;
  captchaId: string;
  captchaAnswer: string;
}

/** Why a login failed, as written into the audit log (never the password, never the typed name). */
type FailureReason = 'unknown_login_name' | 'wrong_password' | 'client_locked' | 'account_locked' | 'disabled';

const ANONYMOUS = { accountId: null, role: 'public' };

/**
 * Logs in with login name + password + image captcha.
 * A wrong password and an unknown login name get the same answer. Five wrong passwords in a row from one
 * client lock that client (not the account) out of that login name for LOCK_MINUTES; the account itself is
 * locked for everybody only past ACCOUNT_FAILURES_PER_HOUR wrong passwords from all clients together.
 * Counters and audit entries are committed on their own, before the refusal is thrown.
 */
export async function login(deps: Deps, input: LoginInput, client: { ip: string }) {
  const auto = reading(deps);
  await hitRateLimit(auto, `login:${client.ip}`, LOGIN_RATE_LIMIT, 300);
  await consumeCaptcha(auto, input.captchaId, input.captchaAnswer);

  const now = deps.now();
  const attempt = { loginName: input.loginName, ip: client.ip };
  const [account] = await deps.db.select().from(accounts).where(eq(sql`lower(${accounts.loginName})`, input.loginName.trim().toLowerCase())).limit(1);
  const refuse = async (reason: FailureReason, error: Error): Promise<never> => {
    await audit(auto, ANONYMOUS, 'account.login_failed', 'account', account?.id ?? null, { ip: client.ip, reason });
    throw error;
  };

  const clientLock = await clientLockedUntil(auto, attempt);
  if (clientLock) return refuse('client_locked', clientLockedError(clientLock, now));
  if (account?.lockedUntil && account.lockedUntil > now) return refuse('account_locked', accountLockedError(account.lockedUntil, now));

  const passwordOk = account ? await verifyPassword(account.passwordHash, input.password) : await burnPasswordCheck(input.password).then(() => false);
  if (!account || !passwordOk) {
    const newClientLock = await recordClientFailure(auto, attempt);
    const newAccountLock = account ? await recordAccountFailure(auto, account.id) : null;
    if (account && (newClientLock || newAccountLock)) {
      await audit(auto, ANONYMOUS, 'account.locked', 'account', account.id, { ip: client.ip, scope: newAccountLock ? 'account' : 'client' });
    }
    const reason = account ? 'wrong_password' : 'unknown_login_name';
    if (newAccountLock) return refuse(reason, accountLockedError(newAccountLock, now));
    if (newClientLock) return refuse(reason, clientLockedError(newClientLock, now));
    return refuse(reason, AccountErrors.INVALID_CREDENTIALS());
  }
  // Only someone who knows the password learns that the account is disabled.
  if (account.disabled) return refuse('disabled', AccountErrors.ACCOUNT_DISABLED());

  return inTransaction(deps, async (c) => {
    await clearClientFailures(c, attempt);
    const session = await createSession(c, account.id);
    await audit(c, { accountId: account.id, role: account.role }, 'account.login', 'account', account.id, { ip: client.ip });
    return { account, ...session };
  });
}

function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/** This client typed a wrong password MAX_FAILED_LOGINS times in a row for this login name. */
function clientLockedError(until: Date, now: Date) {
  return AccountErrors.ACCOUNT_LOCKED({
    detail: `密码连续错误 ${MAX_FAILED_LOGINS} 次，已暂停从当前网络登录该账户，请 ${minutesLeft(until, now)} 分钟后再试`,
    extra: { lockedUntil: until.toISOString() },
  });
}

/** Too many wrong passwords for the account from everywhere together. */
function accountLockedError(until: Date, now: Date) {
  return AccountErrors.ACCOUNT_LOCKED({
    detail: `该账户近期密码错误次数过多，已临时锁定 ${LOCK_MINUTES} 分钟，请 ${minutesLeft(until, now)} 分钟后再试或联系管理员`,
    extra: { lockedUntil: until.toISOString() },
  });
}
