import { and, eq, ne } from 'drizzle-orm';
import { CommonErrors, PASSWORD_PROBLEM_TEXT, checkPassword } from '@medreg/domain';
import type { Deps } from '../../context';
import { inTransaction, reading } from '../../context';
import { accounts, sessions } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import { hitRateLimit } from '../../security/rate-limit';
import { sha256 } from '../../security/tokens';
import { audit } from '../audit/service';
import { AccountErrors } from './errors';
import { hashPassword, verifyPassword } from './passwords';

/** Password-change attempts per account per 15 minutes. */
export const PASSWORD_CHANGE_LIMIT = 10;

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * 修改密码 of the signed-in account: the current password, then a new one under the password policy
 * (packages/domain account-credentials). Clears the one-time-password flag and ends every other
 * session of the account; the session that made the change stays signed in.
 */
export async function changeOwnPassword(deps: Deps, actor: AccountActor, sessionToken: string, input: PasswordChange): Promise<void> {
  // A stolen session must not become a way to guess the current password.
  await hitRateLimit(reading(deps), `password-change:${actor.accountId}`, PASSWORD_CHANGE_LIMIT, 900);
  await inTransaction(deps, async (c) => {
    const [account] = await c.tx.select().from(accounts).where(eq(accounts.id, actor.accountId)).for('update');
    if (!account) throw CommonErrors.UNAUTHENTICATED();
    if (!(await verifyPassword(account.passwordHash, input.currentPassword))) throw AccountErrors.CURRENT_PASSWORD_WRONG({ path: ['currentPassword'] });
    const problem = checkPassword(input.newPassword, account.loginName)[0];
    if (problem) throw CommonErrors.VALIDATION_FAILED({ path: ['newPassword'], detail: PASSWORD_PROBLEM_TEXT[problem] });
    if (input.newPassword === input.currentPassword) throw AccountErrors.PASSWORD_UNCHANGED({ path: ['newPassword'] });
    await c.tx.update(accounts)
      .set({ passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, failedLoginCount: 0, lockedUntil: null, updatedAt: c.now() })
      .where(eq(accounts.id, account.id));
    await c.tx.delete(sessions).where(and(eq(sessions.accountId, account.id), ne(sessions.tokenHash, sha256(sessionToken))));
    await audit(c, { accountId: account.id, role: account.role }, 'account.password_changed', 'account', account.id, { firstLogin: account.mustChangePassword });
  });
}
