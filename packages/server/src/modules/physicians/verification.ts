/**
 * 安全验证 (seed 第二步 「验证您的手机号」, domain §1.1 step 4): 【向手机发送校验码】 sends a 6-digit code;
 * 「如手机收不到短信，可通过邮箱验证」 sends the same by e-mail. A verified phone or e-mail moves the account
 * from 已注册未校验 to 已校验 (§3.1 D).
 *
 * Codes: valid CODE_TTL_MS, a new one only RESEND_AFTER_MS after the last, at most MAX_ATTEMPTS wrong
 * answers per code (then it is dead), SENDS_PER_HOUR per account. Only an HMAC of the code is stored.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Deps } from '../../context';
import { inTransaction } from '../../context';
import type { AccountActor } from '../../http/actor';
import { physicians, verificationCodes } from '../../db/schema/index';
import { hitRateLimit } from '../../security/rate-limit';
import { numericCode, safeEqual } from '../../security/tokens';
import { audit } from '../audit/service';
import { notify } from '../notifications/outbox';
import { PhysicianErrors } from './errors';
import { accountContact, physicianOfAccount } from './queries';
import type { DomainError } from '@medreg/domain';

export const CODE_TTL_MS = 5 * 60_000;
export const RESEND_AFTER_MS = 60_000;
export const MAX_ATTEMPTS = 5;
export const SENDS_PER_HOUR = 10;
export const CONFIRMS_PER_HOUR = 60;

export type VerificationChannel = 'sms' | 'email';
const PURPOSE: Record<VerificationChannel, string> = { sms: 'verify_phone', email: 'verify_email' };

function codeHash(deps: Deps, accountId: string, channel: VerificationChannel, code: string): Buffer {
  return deps.pii.hash(`verification:${accountId}:${channel}:${code}`);
}

export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone.replace(/\d(?=\d{4})/g, '*');
}

export function maskEmail(email: string): string {
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 2)}${'*'.repeat(Math.max(1, user.length - 2))}@${domain}`;
}

/** Sends a new code by SMS or e-mail (through the outbox, in the same transaction). */
export async function sendVerificationCode(deps: Deps, actor: AccountActor, channel: VerificationChannel) {
  return inTransaction(deps, async (c) => {
    // Locking the account serialises two clicks on 【向手机发送校验码】.
    const account = await accountContact(c, actor.accountId, { lock: true });
    const physician = await physicianOfAccount(c, actor.accountId);
    if (!account || !physician) throw PhysicianErrors.NOT_A_PHYSICIAN_ACCOUNT();
    const target = channel === 'sms' ? account.phone : account.email;
    if (!target) throw channel === 'sms' ? PhysicianErrors.PHONE_NOT_SET() : PhysicianErrors.EMAIL_NOT_SET();
    if ((channel === 'sms' ? physician.phoneVerifiedAt : physician.emailVerifiedAt) !== null) throw PhysicianErrors.ALREADY_VERIFIED();

    const now = c.now();
    const [last] = await c.tx.select({ createdAt: verificationCodes.createdAt }).from(verificationCodes)
      .where(and(eq(verificationCodes.accountId, actor.accountId), eq(verificationCodes.purpose, PURPOSE[channel])))
      .orderBy(desc(verificationCodes.createdAt)).limit(1);
    if (last) {
      const waitMs = last.createdAt.getTime() + RESEND_AFTER_MS - now.getTime();
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        throw PhysicianErrors.SMS_RESEND_TOO_SOON({ detail: `校验码已发送，请 ${seconds} 秒后再重新获取`, extra: { secondsLeft: seconds } });
      }
    }
    await hitRateLimit(c, `verification-send:${actor.accountId}`, SENDS_PER_HOUR, 3600);

    const code = numericCode(6);
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    await c.tx.insert(verificationCodes).values({
      accountId: actor.accountId, channel, target, purpose: PURPOSE[channel], codeHash: codeHash(deps, actor.accountId, channel, code), expiresAt, createdAt: now,
    });
    const text = `您的医师电子化注册账户校验码为 ${code}，${CODE_TTL_MS / 60_000} 分钟内有效。请勿告诉他人。`;
    await notify(c, channel === 'sms'
      ? { channel, recipient: target, template: 'physician.verification_code', body: `【医师电子化注册】${text}`, accountId: actor.accountId }
      : { channel, recipient: target, template: 'physician.verification_code', subject: '医师电子化注册信息系统邮箱校验码', body: text, accountId: actor.accountId });
    return {
      channel,
      target: channel === 'sms' ? maskPhone(target) : maskEmail(target),
      expiresAt: expiresAt.toISOString(),
      resendAfterSeconds: RESEND_AFTER_MS / 1000,
    };
  });
}

type ConfirmOutcome = { ok: true } | { ok: false; error: DomainError };

/**
 * Checks a code. A wrong answer is counted in a committed transaction before the refusal is thrown,
 * so the 5-attempt limit holds; the fifth wrong answer kills the code.
 */
export async function confirmVerificationCode(deps: Deps, actor: AccountActor, channel: VerificationChannel, code: string) {
  const outcome = await inTransaction(deps, async (c): Promise<ConfirmOutcome> => {
    await hitRateLimit(c, `verification-confirm:${actor.accountId}`, CONFIRMS_PER_HOUR, 3600);
    const physician = await physicianOfAccount(c, actor.accountId, { lock: true });
    if (!physician) throw PhysicianErrors.NOT_A_PHYSICIAN_ACCOUNT();
    if ((channel === 'sms' ? physician.phoneVerifiedAt : physician.emailVerifiedAt) !== null) throw PhysicianErrors.ALREADY_VERIFIED();

    const [row] = await c.tx.select().from(verificationCodes)
      .where(and(eq(verificationCodes.accountId, actor.accountId), eq(verificationCodes.purpose, PURPOSE[channel])))
      .orderBy(desc(verificationCodes.createdAt)).limit(1).for('update');
    const now = c.now();
    if (!row || row.consumedAt) return { ok: false, error: PhysicianErrors.VERIFICATION_CODE_NOT_REQUESTED({ path: ['code'] }) };
    if (row.expiresAt <= now) return { ok: false, error: PhysicianErrors.VERIFICATION_CODE_EXPIRED({ path: ['code'] }) };
    if (row.attempts >= MAX_ATTEMPTS) {
      return { ok: false, error: PhysicianErrors.VERIFICATION_CODE_EXPIRED({ path: ['code'], detail: `校验码错误次数已达 ${MAX_ATTEMPTS} 次，已失效，请重新获取` }) };
    }
    if (!safeEqual(row.codeHash, codeHash(deps, actor.accountId, channel, code))) {
      const [updated] = await c.tx.update(verificationCodes).set({ attempts: sql`${verificationCodes.attempts} + 1` })
        .where(eq(verificationCodes.id, row.id)).returning({ attempts: verificationCodes.attempts });
      const left = MAX_ATTEMPTS - (updated?.attempts ?? MAX_ATTEMPTS);
      return {
        ok: false,
        error: PhysicianErrors.VERIFICATION_CODE_INVALID({
          path: ['code'],
          detail: left > 0 ? `校验码错误，还可再试 ${left} 次` : `校验码错误次数已达 ${MAX_ATTEMPTS} 次，该校验码已失效，请重新获取`,
          extra: { attemptsLeft: left },
        }),
      };
    }

    await c.tx.update(verificationCodes).set({ consumedAt: now }).where(eq(verificationCodes.id, row.id));
    await c.tx.update(physicians).set({
      ...(channel === 'sms' ? { phoneVerifiedAt: now } : { emailVerifiedAt: now }),
      // 已注册未校验 → 已校验 (§3.1 D); an active account stays active.
      activationStatus: physician.activationStatus === 'unverified' ? 'verified' : physician.activationStatus,
      updatedAt: now,
    }).where(eq(physicians.id, physician.id));
    await audit(c, { accountId: actor.accountId, role: actor.role }, channel === 'sms' ? 'physician.phone_verified' : 'physician.email_verified', 'physician', physician.id, {});
    return { ok: true };
  });
  if (!outcome.ok) throw outcome.error;
  return { channel, verified: true as const };
}
