/**
 * The physician's own status (账户激活 screens and 系统首页). Opening it also runs the 医师资格校验 and the
 * institution's automatic activation (§3.3 path 1: 「如未收到激活码，机构可能设置了自动激活，刷新页面即可」).
 * Both are idempotent, so a GET may run them.
 */
import { eq } from 'drizzle-orm';
import { ACTIVATION_METHOD_LABELS } from '@medreg/domain';
import type { Deps } from '../../context';
import { inTransaction } from '../../context';
import type { AccountActor } from '../../http/actor';
import { physicians } from '../../db/schema/index';
import { activationSituation } from '../activation/physician-situation';
import { tryAutoActivation } from '../activation/redeem';
import { QualificationErrors } from '../qualifications/errors';
import { QUALIFICATION_CHECK_LABELS, runQualificationCheck } from '../qualifications/check';
import { presentQualification, presentQualificationSummary } from '../qualifications/presenter';
import { auditIdReveal } from '../audit/reveal';
import { PhysicianErrors } from './errors';
import { isPastActivationGate } from './guard';
import { nextStep, presentActivation, presentRegistration, summariseRegistration } from './presenter';
import { accountContact, institutionName, physicianOfAccount } from './queries';
import { maskEmail, maskPhone } from './verification';

export async function physicianStatus(deps: Deps, actor: AccountActor) {
  return inTransaction(deps, async (c) => {
    let physician = await physicianOfAccount(c, actor.accountId, { lock: true });
    const contact = await accountContact(c, actor.accountId);
    if (!physician || !contact) throw PhysicianErrors.NOT_A_PHYSICIAN_ACCOUNT();
    const check = await runQualificationCheck(c, physician);
    const situation = await activationSituation(c, physician);
    const autoActivated = await tryAutoActivation(c, physician, situation);
    if (autoActivated) [physician] = await c.tx.select().from(physicians).where(eq(physicians.id, physician.id));
    const p = physician!;
    await auditIdReveal(c, actor, { entityType: 'physician', entityId: p.id, physicianId: p.id, via: 'physician_status' });

    const verified = p.phoneVerifiedAt !== null || p.emailVerifiedAt !== null;
    const active = p.activationStatus === 'active';
    const registrations = situation.registrations.map(presentRegistration);
    const hasValidRegistration = registrations.some((r) => r.status === 'valid');
    return {
      name: p.name,
      /** The owner sees their own ID in full (to check it); everyone else gets the masked form. */
      idNumber: c.pii.decrypt(p.idNumberEnc),
      idNumberMasked: p.idNumberMasked,
      sex: p.sex,
      birthDate: p.birthDate,
      loginName: contact.loginName,
      phoneMasked: contact.phone ? maskPhone(contact.phone) : null,
      emailMasked: contact.email ? maskEmail(contact.email) : null,
      hasEmail: contact.email !== null,
      phoneVerified: p.phoneVerifiedAt !== null,
      emailVerified: p.emailVerifiedAt !== null,
      ...presentActivation(p),
      autoActivated,
      /** Past the activation gate: active, or waiting for activation on approval (seed 六). */
      businessUnlocked: isPastActivationGate(p),
      availableActivationMethods: active ? [] : situation.methods.map((method) => ({ method, label: ACTIVATION_METHOD_LABELS[method] })),
      institutionCodeOnly: situation.institutionOnly,
      // Before activation the account has only shown that someone knows a name and an ID number, so the
      // records are summarised without the codes that activate (资格证书编码, 准考证号) or the employer.
      mainInstitutionName: active ? await institutionName(c, p.mainInstitutionId) : null,
      qualificationCheck: check.outcome,
      qualificationCheckLabel: QUALIFICATION_CHECK_LABELS[check.outcome],
      qualificationCheckMessage: check.outcome === 'name_mismatch' ? QualificationErrors.QUALIFICATION_NAME_MISMATCH().message : null,
      qualifications: check.linked.map((q) => (active ? presentQualification(q, c.pii) : presentQualificationSummary(q))),
      registrations: registrations.map(summariseRegistration),
      canCorrectIdentity: !active && p.pendingActivationPath === null && situation.registrations.length === 0,
      nextStep: nextStep({
        verified,
        active,
        pendingOnApproval: p.pendingActivationPath === 'auto_on_approval',
        qualificationCheck: check.outcome,
        methods: situation.methods,
        hasValidRegistration,
      }),
    };
  });
}
