/**
 * 账户激活 (domain §3.3, seed 第二步 and questions 一, 三, 六). The paths:
 *  (a) a valid registration in an e-registration region: the activation code issued by the current main
 *      institution → 【激活我的账户】; or the institution's automatic activation (「刷新页面即可」);
 *  (b) 有资格未注册, 注册备案, 注销, 变更出 and 规培: the 资格证书编码 (seed 三);
 *  (c) exam passers without a certificate yet: the 准考证号 (seed 一);
 *  (d) a registration in a province not yet on e-registration: no activation now; the account is
 *      activated when the authority approves the application (seed 六) — see activateOnApproval.
 * The phone (or, failing SMS, the e-mail) must be verified first (§1.1 step 4).
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import {
  ACTIVATION_METHOD_LABELS, IdentifierErrors, QUALIFICATION_CODE_FAILURE_TEXT, parseQualificationCode, type ActivationMethod,
} from '@medreg/domain';
import type { Deps, Ctx } from '../../context';
import { inTransaction, reading } from '../../context';
import type { AccountActor } from '../../http/actor';
import { activationCodes, physicians, type Physician } from '../../db/schema/index';
import { hitRateLimit } from '../../security/rate-limit';
import { certCodeHash } from '../../security/cert-code';
import { sha256 } from '../../security/tokens';
import { audit } from '../audit/service';
import { notifyAccount } from '../notifications/outbox';
import { PhysicianErrors } from '../physicians/errors';
import { accountContact, physicianOfAccount } from '../physicians/queries';
import { pullByAdmissionTicket, runQualificationCheck } from '../qualifications/check';
import { QualificationErrors } from '../qualifications/errors';
import { activationSituation, type ActivationSituationView } from './physician-situation';
import { ActivationErrors } from './redeem-errors';

/** Activation attempts per account per 15 minutes (wrong codes included). */
export const ACTIVATION_ATTEMPTS = 10;

export type RedeemInput =
  | { method: 'institution_code'; code: string }
  | { method: 'qualification_code'; certCode: string }
  | { method: 'admission_ticket'; admissionTicketNo: string }
  | { method: 'auto_on_approval' };

/** The hash an institution stores for an activation code: SHA-256 of the trimmed, upper-cased code. */
export function activationCodeHash(code: string): Buffer {
  return sha256(code.trim().toUpperCase());
}

export async function redeemActivation(deps: Deps, actor: AccountActor, input: RedeemInput) {
  await hitRateLimit(reading(deps), `activation:${actor.accountId}`, ACTIVATION_ATTEMPTS, 900);
  return inTransaction(deps, async (c) => {
    const physician = await physicianOfAccount(c, actor.accountId, { lock: true });
    if (!physician) throw PhysicianErrors.NOT_A_PHYSICIAN_ACCOUNT();
    if (physician.activationStatus === 'active') throw ActivationErrors.ACCOUNT_ALREADY_ACTIVATED();
    if (!physician.phoneVerifiedAt && !physician.emailVerifiedAt) throw ActivationErrors.PHONE_NOT_VERIFIED();
    const situation = await activationSituation(c, physician);
    if (!situation.methods.includes(input.method)) throw notAllowed(situation, input.method);

    switch (input.method) {
      case 'institution_code': {
        const now = c.now();
        if (!physician.mainInstitutionId) throw ActivationErrors.ACTIVATION_CODE_INVALID({ path: ['code'] });
        const [code] = await c.tx.select({ id: activationCodes.id }).from(activationCodes)
          .where(and(
            eq(activationCodes.physicianId, physician.id), // activation_codes_physician_idx
            eq(activationCodes.codeHash, activationCodeHash(input.code)),
            isNull(activationCodes.usedAt),
            gt(activationCodes.expiresAt, now),
            eq(activationCodes.institutionId, physician.mainInstitutionId), // only the current main institution's codes
          ))
          .limit(1)
          .for('update');
        if (!code) throw ActivationErrors.ACTIVATION_CODE_INVALID({ path: ['code'] });
        await c.tx.update(activationCodes).set({ usedAt: now }).where(eq(activationCodes.id, code.id));
        return activatePhysician(c, physician, 'institution_code');
      }
      case 'qualification_code': {
        const idNumber = c.pii.decrypt(physician.idNumberEnc);
        const parsed = parseQualificationCode(input.certCode, idNumber);
        if (!parsed.ok) {
          throw IdentifierErrors.QUALIFICATION_CODE_INVALID({ path: ['certCode'], detail: QUALIFICATION_CODE_FAILURE_TEXT[parsed.reason], extra: { reason: parsed.reason } });
        }
        const check = await runQualificationCheck(c, physician);
        const entered = certCodeHash(c.pii, input.certCode);
        const match = check.linked.find((q) => q.status === 'valid' && q.certCodeHash?.equals(entered));
        if (!match) {
          if (check.outcome === 'name_mismatch') throw QualificationErrors.QUALIFICATION_NAME_MISMATCH({ path: ['certCode'] });
          throw IdentifierErrors.QUALIFICATION_CODE_INVALID({
            path: ['certCode'],
            detail: '资格证书编码与您的医师资格信息不一致，请对照《医师资格证书》核对后重新输入',
            extra: { reason: 'not_found' },
          });
        }
        return activatePhysician(c, physician, 'qualification_code');
      }
      case 'admission_ticket': {
        const qualification = await pullByAdmissionTicket(c, physician, input.admissionTicketNo);
        if (qualification.certCodeHash) {
          throw ActivationErrors.ACTIVATION_METHOD_NOT_ALLOWED({
            path: ['admissionTicketNo'],
            detail: '您已取得《医师资格证书》，请使用资格证书编码激活账户',
          });
        }
        return activatePhysician(c, physician, 'admission_ticket');
      }
      case 'auto_on_approval': {
        // Seed 六: 「可直接申请注册或变更，待机构审核通过且卫计委已审批后，账户自动激活」.
        await c.tx.update(physicians).set({ pendingActivationPath: 'auto_on_approval', updatedAt: c.now() }).where(eq(physicians.id, physician.id));
        await audit(c, { accountId: physician.accountId, role: 'physician' }, 'physician.activation_deferred', 'physician', physician.id, {});
        return { activationStatus: physician.activationStatus, activationMethod: null, pendingActivationPath: 'auto_on_approval' as const };
      }
    }
  });
}

/** Why a path does not apply, in words that say which path does. */
function notAllowed(situation: ActivationSituationView, method: ActivationMethod) {
  const path = method === 'institution_code' ? ['code'] : method === 'qualification_code' ? ['certCode'] : method === 'admission_ticket' ? ['admissionTicketNo'] : undefined;
  let detail: string;
  if (situation.institutionOnly) {
    detail = '您的执业注册为有效状态，请向您的主要执业机构索取激活码，输入激活码后激活账户；如机构已开通自动激活，刷新页面即可';
  } else if (situation.methods.includes('auto_on_approval')) {
    detail = '您的执业注册所在地区尚未实施电子化注册，无需先激活，可直接申请注册或变更，审批通过后账户自动激活';
  } else if (method === 'institution_code' || method === 'auto_on_approval') {
    detail = '您目前没有有效的执业注册，无法向机构领取激活码，请输入资格证书编码自行激活';
  } else {
    detail = '准考证号激活仅适用于尚未取得资格证书、尚未注册的考试合格人员，请输入资格证书编码激活';
  }
  return ActivationErrors.ACTIVATION_METHOD_NOT_ALLOWED({ detail, ...(path ? { path } : {}), extra: { availableMethods: situation.methods } });
}

/** Marks the account 已激活 and tells the physician (SMS and e-mail), in the caller's transaction. */
export async function activatePhysician(c: Ctx, physician: Physician, method: ActivationMethod) {
  const now = c.now();
  await c.tx.update(physicians)
    .set({ activationStatus: 'active', activationMethod: method, activatedAt: now, pendingActivationPath: null, updatedAt: now })
    .where(eq(physicians.id, physician.id));
  if (physician.accountId) {
    const contact = await accountContact(c, physician.accountId);
    if (contact) {
      await notifyAccount(c, { accountId: contact.id, phone: contact.phone, email: contact.email }, 'physician.activated', '医师电子化注册账户已激活',
        `${physician.name}，您的医师电子化注册账户已激活（${ACTIVATION_METHOD_LABELS[method]}），系统已开放所有功能。`);
    }
  }
  await audit(c, { accountId: physician.accountId, role: method === 'auto_on_approval' ? 'system' : 'physician' }, 'physician.activated', 'physician', physician.id, { method });
  return { activationStatus: 'active' as const, activationMethod: method, pendingActivationPath: null };
}

/**
 * Automatic activation by the main institution (§3.3 path 1: 「机构可能设置了自动激活，刷新页面即可」):
 * a verified physician with a valid registration at a main institution that has auto_activate on.
 */
export async function tryAutoActivation(c: Ctx, physician: Physician, situation: ActivationSituationView): Promise<boolean> {
  if (physician.activationStatus === 'active') return false;
  if (!physician.phoneVerifiedAt && !physician.emailVerifiedAt) return false;
  if (!situation.methods.includes('auto_by_institution')) return false;
  if (!situation.mainRegistration?.institutionAutoActivate) return false;
  await activatePhysician(c, physician, 'auto_by_institution');
  return true;
}

/**
 * For the approval module (seed 六): when an authority approves an application of a physician whose
 * account waits with pending_activation_path = 'auto_on_approval', call this in the approval's
 * transaction. Returns whether the account was activated.
 */
export async function activateOnApproval(c: Ctx, physicianId: string): Promise<boolean> {
  const [physician] = await c.tx.select().from(physicians).where(eq(physicians.id, physicianId)).for('update');
  if (!physician || physician.activationStatus === 'active' || physician.pendingActivationPath !== 'auto_on_approval') return false;
  await activatePhysician(c, physician, 'auto_on_approval');
  return true;
}
