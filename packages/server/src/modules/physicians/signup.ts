/**
 * 注册新账号 (seed 第一步 3–6, domain §1.1 step 1): two steps.
 *   1. 您的姓名 + 身份证号 + 验证码 + 我同意隐私政策 → a short-lived sign-up token (30 minutes, single use);
 *   2. 手机号 + 电子邮箱 + 登录名 + 登录密码 + 确认密码 → the account, in one transaction.
 * 「姓名及身份证号码」 are the keys that later match the account to qualification and practice records.
 */
import { and, eq, isNull, lt, gt } from 'drizzle-orm';
import { maskResidentId } from '@medreg/domain';
import type { Deps } from '../../context';
import { inTransaction, reading } from '../../context';
import { accounts, physicians, signupTokens } from '../../db/schema/index';
import { hitRateLimit } from '../../security/rate-limit';
import { randomToken, sha256 } from '../../security/tokens';
import { consumeCaptcha } from '../accounts/captcha';
import { hashPassword } from '../accounts/passwords';
import { audit } from '../audit/service';
import { notifyAccount } from '../notifications/outbox';
import { PhysicianErrors } from './errors';
import { insertPhysician, loginNameTaken, physicianByIdHash } from './queries';

export const SIGNUP_TOKEN_TTL_MS = 30 * 60_000;
/** Sign-up attempts per client address per 5 minutes. */
export const SIGNUP_RATE_LIMIT = 20;

export interface SignupIdentityInput {
  name: string;
  /** Normalised by residentIdSchema. */
  idNumber: string;
  captchaId: string;
  captchaAnswer: string;
}

/**
 * Step 1. The captcha is checked and consumed outside the transaction, so a wrong answer burns it too.
 * An ID that already has an account is refused; a registered physician without an account may go on.
 */
export async function startSignup(deps: Deps, input: SignupIdentityInput, client: { ip: string }) {
  const auto = reading(deps);
  await hitRateLimit(auto, `signup:${client.ip}`, SIGNUP_RATE_LIMIT, 300);
  await consumeCaptcha(auto, input.captchaId, input.captchaAnswer);

  return inTransaction(deps, async (c) => {
    const hash = c.pii.hash(input.idNumber);
    const existing = await physicianByIdHash(c, hash);
    if (existing?.accountId) throw PhysicianErrors.ID_NUMBER_ALREADY_REGISTERED({ path: ['idNumber'] });

    const now = c.now();
    await c.tx.delete(signupTokens).where(lt(signupTokens.expiresAt, now));
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + SIGNUP_TOKEN_TTL_MS);
    await c.tx.insert(signupTokens).values({
      tokenHash: sha256(token), name: input.name, idNumberEnc: c.pii.encrypt(input.idNumber), idNumberHash: hash, expiresAt,
    });
    return { signupToken: token, expiresAt: expiresAt.toISOString(), name: input.name, idNumberMasked: maskResidentId(input.idNumber) };
  });
}

export interface SignupAccountInput {
  signupToken: string;
  phone: string;
  email?: string | undefined;
  loginName: string;
  password: string;
}

/**
 * Step 2: account + physician in one transaction. A physician record with the same ID hash and no
 * account (a registered physician, created from the registration register) is linked, not duplicated;
 * one that already has an account is refused. Notifies by SMS and e-mail.
 */
export async function completeSignup(deps: Deps, input: SignupAccountInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(deps, async (c) => {
      const now = c.now();
      const [token] = await c.tx.select().from(signupTokens)
        .where(and(eq(signupTokens.tokenHash, sha256(input.signupToken)), isNull(signupTokens.usedAt), gt(signupTokens.expiresAt, now)))
        .for('update');
      if (!token) throw PhysicianErrors.SIGNUP_TOKEN_INVALID({ path: ['signupToken'] });
      if (await loginNameTaken(c, input.loginName)) throw PhysicianErrors.LOGIN_NAME_TAKEN({ path: ['loginName'] });

      const person = await physicianByIdHash(c, token.idNumberHash, { lock: true });
      if (person?.accountId) throw PhysicianErrors.ID_NUMBER_ALREADY_REGISTERED();
      // A registered physician keeps the name on record; the name typed at step 1 names a new person.
      const name = person?.name ?? token.name;

      const [account] = await c.tx.insert(accounts).values({
        kind: 'physician', role: 'physician', loginName: input.loginName, passwordHash, displayName: name,
        phone: input.phone, email: input.email ?? null,
      }).returning({ id: accounts.id, loginName: accounts.loginName });
      const physician = person
        ? (await c.tx.update(physicians).set({ accountId: account!.id, updatedAt: now }).where(eq(physicians.id, person.id)).returning())[0]!
        : await insertPhysician(c, { name, idNumber: c.pii.decrypt(token.idNumberEnc), accountId: account!.id });
      await c.tx.update(signupTokens).set({ usedAt: now }).where(eq(signupTokens.tokenHash, token.tokenHash));

      await notifyAccount(c, { accountId: account!.id, phone: input.phone, email: input.email }, 'physician.account_created', '医师电子化注册账户注册成功',
        `${name}，您已成功注册医师电子化注册信息系统账户，登录名：${account!.loginName}。请登录后验证手机号并激活账户。如非本人操作，请联系客服。`);
      await audit(c, { accountId: account!.id, role: 'physician' }, 'physician.signup', 'physician', physician.id, { linkedExisting: Boolean(person) });
      return { loginName: account!.loginName, name, linkedExistingRecord: Boolean(person) };
    });
  } catch (error) {
    // Two sign-ups racing for one login name: the unique index decides, the loser gets the same refusal.
    if (isUniqueViolation(error, 'accounts_login_name_uidx')) throw PhysicianErrors.LOGIN_NAME_TAKEN({ path: ['loginName'] });
    if (isUniqueViolation(error, 'physicians_account_id_key') || isUniqueViolation(error, 'physicians_id_number_hash_key')) {
      throw PhysicianErrors.ID_NUMBER_ALREADY_REGISTERED();
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pg = e?.code === '23505' ? e : e?.cause?.code === '23505' ? e.cause : undefined;
  return pg !== undefined && (pg.constraint === constraint || String((pg as { message?: string }).message ?? '').includes(constraint));
}
