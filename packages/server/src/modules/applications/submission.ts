/**
 * 【提交】, 撤回 and 补正后重新提交 of the applicant. Each runs in the caller's ONE transaction: the state changes
 * only through applyTransition, which writes the history entry and the audit entry; notifications go to the
 * outbox in the same transaction.
 */
import { and, eq } from 'drizzle-orm';
import { BUSINESS_TYPE_INFO, PHYSICIAN_LEVEL_INFO, allowedActions, businessCode, isBusinessType, todayInChina, type BusinessType } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { applicationEvents, type Application } from '../../db/schema/index';
import { notifyAccount } from '../notifications/outbox';
import { assertActivePhysician } from '../physicians/guard';
import { applyTransition, lockApplication } from './transition';
import { validateSubmission, type FirstRegistrationPayload } from './draft-rules';
import { ApplicationErrors } from './errors';
import { nextBusinessSerial, notifyStaff, selectBlob, selectPhysicianContact, selectValidRegistration } from './queries';
import { loadDraftFacts } from './service';
import { abandonBusiness } from '../lifecycle/business-decision';
import { isFormBusiness } from '../lifecycle/business-context';
import { submitBusiness } from '../lifecycle/business-service';

const businessTypeLabel = (type: string) => (isBusinessType(type) ? BUSINESS_TYPE_INFO[type].label : '业务');

export interface CommandInput {
  expectedVersion?: number;
  /** Header Idempotency-Key: a repeated request returns the application as the first one left it. */
  idempotencyKey?: string;
}

async function alreadyDone(c: Ctx, actor: AccountActor, id: string, key: string | undefined): Promise<Application | undefined> {
  if (!key) return undefined;
  const [seen] = await c.tx.select({ id: applicationEvents.id }).from(applicationEvents)
    .where(and(eq(applicationEvents.idempotencyKey, key), eq(applicationEvents.applicationId, id)));
  return seen ? (await lockApplication(c, actor, id)).app : undefined;
}

/**
 * 【提交】 (and resubmission after 机构退回修改): checks the whole form, allocates the 业务编号 on first submission
 * (BT + type + Beijing date + the day's serial from business_code_serials), names the confirming institution
 * (the proposed main institution, domain §2.1) and the deciding authority (the one that approved the institution's
 * practice — 《医师执业注册管理办法》第九条, domain §1.3), then moves to 待机构确认 and tells the physician and the
 * institution's staff.
 */
export async function submitApplication(c: Ctx, actor: AccountActor, id: string, input: CommandInput & { expectedVersion: number }): Promise<Application> {
  const physician = await assertActivePhysician(c, actor);
  const repeated = await alreadyDone(c, actor, id, input.idempotencyKey);
  if (repeated) return repeated;
  const { app } = await lockApplication(c, actor, id);
  if (isFormBusiness(app)) return submitBusiness(c, actor, id, input);
  // A state that cannot be submitted (e.g. a second 【提交】): let the workflow say what is allowed now.
  if (app.version !== input.expectedVersion || !allowedActions(app.state as never, actor.role).includes('submit')) {
    return applyTransition(c, actor, id, 'submit', { expectedVersion: input.expectedVersion });
  }
  const current = app.payload as FirstRegistrationPayload;
  const facts = await loadDraftFacts(c, physician, current, current.institutionId);
  const photo = current.photoSha256 ? await selectBlob(c, current.photoSha256) : undefined;
  const payload = validateSubmission(current, facts, photo !== undefined);
  const institution = facts.institution!;

  const registered = await selectValidRegistration(c, physician.id, facts.qualification.level);
  // 增加执业地点注册 (seed question 六): allowed only in a province where the physician holds no valid registration.
  const additional = app.businessType === 'additional_registration'
    && registered !== undefined && registered.practiceLocationCode.slice(0, 2) !== (payload.practiceLocationCode ?? '').slice(0, 2);
  if (registered && !additional) {
    throw ApplicationErrors.ALREADY_REGISTERED({ detail: `您已有${PHYSICIAN_LEVEL_INFO[facts.qualification.level].label}的有效执业注册，不能再提交首次注册申请。` });
  }

  const now = c.now();
  const day = todayInChina(now);
  const code = app.businessCode ?? businessCode(app.businessType as BusinessType, day, await nextBusinessSerial(c, day));
  const updated = await applyTransition(c, actor, id, 'submit', {
    expectedVersion: input.expectedVersion,
    idempotencyKey: input.idempotencyKey,
    patch: {
      businessCode: code,
      institutionId: institution.id,
      authorityId: institution.approvingAuthorityId,
      physicianName: physician.name,
      idNumberHash: physician.idNumberHash,
      submittedAt: now,
      payload,
    },
  });

  const resubmitted = app.state === 'returned_by_institution';
  const contact = await selectPhysicianContact(c, physician.id);
  if (contact) {
    await notifyAccount(c, contact, 'application.submitted', '业务申请已提交',
      `您的${businessTypeLabel(app.businessType)}申请已${resubmitted ? '重新' : ''}提交（业务编号${code}），请联系${institution.name}确认，并在机构打印《医师执业注册申请审核表》后准备纸质材料。`);
  }
  await notifyStaff(c, { institutionId: institution.id }, {
    template: 'application.submitted.institution',
    subject: '有医师业务申请待确认',
    body: `医师${physician.name}${resubmitted ? '修改后重新' : ''}提交了${businessTypeLabel(app.businessType)}申请（业务编号${code}），请在「医师申请业务办理」中核对信息后办理。`,
  });
  return updated;
}

/** 撤回: until the institution has acted (the workflow table allows it in 草稿, 待机构确认 and 机构退回修改). */
export async function withdrawApplication(c: Ctx, actor: AccountActor, id: string, input: CommandInput & { reason?: string }): Promise<Application> {
  const physician = await assertActivePhysician(c, actor);
  const repeated = await alreadyDone(c, actor, id, input.idempotencyKey);
  if (repeated) return repeated;
  const { app: before } = await lockApplication(c, actor, id);
  const updated = await applyTransition(c, actor, id, 'withdraw', { expectedVersion: input.expectedVersion, reason: input.reason, idempotencyKey: input.idempotencyKey });
  await abandonBusiness(c, actor, updated);
  if (before.state === 'pending_institution' && before.institutionId) {
    await notifyStaff(c, { institutionId: before.institutionId }, {
      template: 'application.withdrawn.institution',
      subject: '医师已撤回业务申请',
      body: `医师${physician.name}已撤回${businessTypeLabel(before.businessType)}申请（业务编号${before.businessCode ?? ''}），无需再办理。`,
    });
  }
  return updated;
}

/** 补正后重新提交: after 退回补正 (《行政许可法》第三十二条), the applicant says the materials are complete. */
export async function resubmitCorrection(c: Ctx, actor: AccountActor, id: string, input: CommandInput & { note?: string }): Promise<Application> {
  const physician = await assertActivePhysician(c, actor);
  const repeated = await alreadyDone(c, actor, id, input.idempotencyKey);
  if (repeated) return repeated;
  const updated = await applyTransition(c, actor, id, 'resubmit_correction', { expectedVersion: input.expectedVersion, reason: input.note, idempotencyKey: input.idempotencyKey });
  if (updated.authorityId) {
    await notifyStaff(c, { authorityId: updated.authorityId }, {
      template: 'application.corrected.authority',
      subject: '申请人已补正材料',
      body: `医师${physician.name}的${businessTypeLabel(updated.businessType)}申请（业务编号${updated.businessCode ?? ''}）已补正后重新提交，请在「正在申办」中办理。`,
    });
  }
  return updated;
}
