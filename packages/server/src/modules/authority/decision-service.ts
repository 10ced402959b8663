/**
 * The authority's commands on an application — each ONE transaction, through `applyTransition` (lock, version,
 * workflow table, history, audit), with what the decision produces written in the same transaction:
 *  受理 (accept):            starts the clock — 《医师法》第十三条: decide within 20 working days of 受理;
 *  退回补正 (request_correction): all missing items at once — 《行政许可法》第三十二条;
 *  准予注册 (approve):        the registration, its 执业证书编码, the physician's main institution and, on path 六, activation;
 *  不予注册 (refuse):         the written decision with reasons and appeal rights — 《医师法》第十六条, 《行政许可法》第三十八条.
 */
import { eq, sql } from 'drizzle-orm';
import {
  BUSINESS_TYPE_INFO, CommonErrors, allowedActions, correctionItemsOf, isBusinessType, numberedList, refusalDocumentNo,
  requiresReason, todayInChina, type ApplicationState, type BusinessType, type CorrectionRequest, type MaterialsUpdate,
  type RefusalDecision, type WorkflowAction,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { applications, physicians, type Application } from '../../db/schema/index';
import { renderRefusalDecision } from '../../pdf/refusal-decision';
import { audit } from '../audit/service';
import { canAct, canDecide } from '../applications/policy';
import { TransitionErrors, applyTransition, forgetLockedCopy, lockApplication } from '../applications/transition';
import { registerApprovedApplication } from '../registrations/register-approved';
import { isFormBusiness } from '../lifecycle/business-context';
import { abandonBusiness, approveBusiness } from '../lifecycle/business-decision';
import { registrationIntentOf } from '../registrations/registration-intent';
import { decisionLimit, dueDateAfter } from './calendar';
import { alreadyApplied, findApplicantQualification, loadParties, nextDocumentSerial, recordDecisionDocument } from './decision-queries';
import { AuthorityErrors } from './errors';
import { noticeAccepted, noticeApproved, noticeBusinessApproved, noticeCorrection, noticeRefused, type NoticeParties } from './notices';
import { MATERIALS_STATES } from './policy';

export interface CommandOptions {
  expectedVersion?: number;
  idempotencyKey?: string;
}

/** Businesses whose approval creates a new registration record. */
const REGISTERING_TYPES: readonly BusinessType[] = ['first_registration', 'additional_registration', 're_registration'];

/** A repeated request (same Idempotency-Key) answers with the record as it is, doing nothing twice. */
async function replayed(c: Ctx, actor: AccountActor, id: string, opts: CommandOptions): Promise<Application | undefined> {
  if (!(await alreadyApplied(c, id, opts.idempotencyKey))) return undefined;
  return (await lockApplication(c, actor, id)).app;
}

/**
 * Locks the application and makes sure the transition will be allowed BEFORE the decision's own writes
 * (a PDF, a registration): when it would not, `applyTransition` raises the very refusal it would give
 * (404 / 409 version / 403 / 409 with the allowed actions / 400 reason) before writing anything.
 */
async function preflight(c: Ctx, actor: AccountActor, id: string, action: WorkflowAction, opts: CommandOptions & { reason?: string }): Promise<Application> {
  const { app, access } = await lockApplication(c, actor, id);
  const allowed = (opts.expectedVersion === undefined || opts.expectedVersion === app.version)
    && canAct(actor, access)
    && allowedActions(app.state as ApplicationState, actor.role).includes(action)
    && (!requiresReason(action) || Boolean(opts.reason?.trim()));
  if (!allowed) {
    await applyTransition(c, actor, id, action, { reason: opts.reason, expectedVersion: opts.expectedVersion });
    // applyTransition refused above; reaching here would mean the two checks disagree — roll everything back.
    throw CommonErrors.INTERNAL({ detail: '审批前置检查不一致' });
  }
  return app;
}

function businessTypeLabel(type: string): string {
  return isBusinessType(type) ? BUSINESS_TYPE_INFO[type].label : type;
}

export async function partiesOf(c: Ctx, app: Application) {
  const parties = await loadParties(c, app);
  if (!parties) throw CommonErrors.NOT_FOUND({ detail: '未找到该业务申请的申请人' });
  const notice: NoticeParties = {
    physician: { name: parties.physician.name, accountId: parties.physician.accountId, phone: parties.phone, email: parties.email },
    institutionId: app.institutionId,
    institutionName: parties.institution?.name ?? '',
    authorityName: parties.authority?.name ?? '',
    businessCode: app.businessCode ?? '',
    businessTypeLabel: businessTypeLabel(app.businessType),
  };
  return { ...parties, notice };
}

/** 受理: accepted_at = now, due_date = today (China) + N working days. */
export async function acceptApplication(c: Ctx, actor: AccountActor, id: string, opts: CommandOptions): Promise<Application> {
  const replay = await replayed(c, actor, id, opts);
  if (replay) return replay;
  const now = c.now();
  const { app: current } = await lockApplication(c, actor, id);
  // A filing or a certificate is not a licence: no statutory clock runs (domain §2.2 BT-05 [I]).
  if (isBusinessType(current.businessType) && BUSINESS_TYPE_INFO[current.businessType].statutoryWorkingDays === null) {
    const app = await applyTransition(c, actor, id, 'accept', { ...opts, patch: { acceptedAt: now, dueDate: null } });
    await noticeAccepted(c, (await partiesOf(c, app)).notice, null, null);
    return app;
  }
  const limit = await decisionLimit(c);
  const due = await dueDateAfter(c, todayInChina(now), limit.workingDays);
  const app = await applyTransition(c, actor, id, 'accept', {
    ...opts, patch: { acceptedAt: now, dueDate: due.dueDate, dueDateProvisional: due.provisional, dueWorkingDays: limit.workingDays },
  });
  await noticeAccepted(c, (await partiesOf(c, app)).notice, due.dueDate, limit.workingDays, due.provisional);
  return app;
}

/** 退回补正: every missing item in one notice; the listed materials are marked as not received. */
export async function requestCorrection(c: Ctx, actor: AccountActor, id: string, input: CorrectionRequest & CommandOptions): Promise<Application> {
  const replay = await replayed(c, actor, id, input);
  if (replay) return replay;
  const items = correctionItemsOf(input.items, input.note);
  const list = numberedList(items);
  const { app: before } = await lockApplication(c, actor, id);
  const materials = { ...before.materials, ...Object.fromEntries(input.items.map((k) => [k, false])) };
  const app = await applyTransition(c, actor, id, 'request_correction', {
    reason: list, expectedVersion: input.expectedVersion, idempotencyKey: input.idempotencyKey,
    patch: { correctionItems: items, decisionReasons: list, materials },
  });
  await noticeCorrection(c, (await partiesOf(c, app)).notice, list);
  return app;
}

/** The paper-materials checklist, ticked as the materials arrive (正在申办 / 已受理 only), version-checked and audited. */
export async function updateMaterials(c: Ctx, actor: AccountActor, id: string, input: MaterialsUpdate): Promise<Application> {
  const { app, access } = await lockApplication(c, actor, id);
  const current = { state: app.state, version: app.version };
  if (input.expectedVersion !== undefined && input.expectedVersion !== app.version) throw TransitionErrors.VERSION_CONFLICT({ extra: { current } });
  if (!canDecide(actor, access)) throw CommonErrors.FORBIDDEN({ detail: '只有审批机关可以登记纸质材料', extra: { current } });
  if (!MATERIALS_STATES.includes(app.state)) {
    throw AuthorityErrors.MATERIALS_NOT_EDITABLE({ detail: '只有「正在申办」或「已受理」的业务可以登记纸质材料', extra: { current } });
  }
  const materials = { ...app.materials, ...input.items };
  const [updated] = await c.tx.update(applications)
    .set({ materials, version: sql`${applications.version} + 1`, updatedAt: c.now() })
    .where(eq(applications.id, id))
    .returning();
  forgetLockedCopy(c, id);
  await audit(c, actor, 'application.materials', 'application', id, { changed: input.items });
  return updated!;
}

/** 准予注册: the registration and everything it implies, in the decision's transaction. */
export async function approveApplication(c: Ctx, actor: AccountActor, id: string, opts: CommandOptions): Promise<Application> {
  const replay = await replayed(c, actor, id, opts);
  if (replay) return replay;
  const before = await preflight(c, actor, id, 'approve', opts);
  if (isFormBusiness(before)) return approveOnGenericPath(c, actor, before, opts);
  if (!isBusinessType(before.businessType) || !REGISTERING_TYPES.includes(before.businessType)) {
    throw AuthorityErrors.APPROVAL_NOT_SUPPORTED({ detail: `「${businessTypeLabel(before.businessType)}」的准予决定暂不能在线办理` });
  }
  const parties = await partiesOf(c, before);
  if (!parties.institution || !parties.authority) throw AuthorityErrors.REGISTRATION_DATA_INVALID({ detail: '申请缺少主要执业机构或审批机关' });
  const qualification = await findApplicantQualification(c, before);
  if (!qualification || qualification.status !== 'valid') throw AuthorityErrors.APPLICANT_QUALIFICATION_INVALID();
  const intent = registrationIntentOf(before.payload, qualification, parties.institution);

  const now = c.now();
  const approvedOn = todayInChina(now);
  const registration = await registerApprovedApplication(c, {
    applicationId: id, physicianId: before.physicianId, qualificationId: qualification.id, mainInstitutionId: parties.institution.id,
    authority: parties.authority, intent, approvedOn, businessType: before.businessType as BusinessType, actor,
  });
  const app = await applyTransition(c, actor, id, 'approve', { ...opts, patch: { registrationId: registration.id, decidedAt: now } });

  // Seed question 六: a physician from a region without e-registration is activated when the approval comes.
  const physician = parties.physician;
  const activate = physician.pendingActivationPath === 'auto_on_approval' && physician.activationStatus !== 'active';
  await c.tx.update(physicians).set({
    mainInstitutionId: parties.institution.id,
    updatedAt: now,
    ...(activate ? { activationStatus: 'active', activationMethod: 'auto_on_approval', activatedAt: now, pendingActivationPath: null } : {}),
  } as const).where(eq(physicians.id, physician.id));
  await audit(c, actor, 'registration.create', 'registration', registration.id, { applicationId: id, licenceCode: registration.licenceCode, approvedOn });
  if (activate) await audit(c, actor, 'physician.activate', 'physician', physician.id, { method: 'auto_on_approval', applicationId: id });

  await noticeApproved(c, parties.notice, registration.licenceCode!, approvedOn, activate);
  return app;
}

/** 准予 of a business on the generic path: the definition's effects, then the transition, then the notices. */
async function approveOnGenericPath(c: Ctx, actor: AccountActor, before: Application, opts: CommandOptions): Promise<Application> {
  const parties = await partiesOf(c, before);
  const { applied, outcome, approvedOn } = await approveBusiness(c, actor, before);
  const app = await applyTransition(c, actor, before.id, 'approve', {
    ...opts, patch: { registrationId: applied.openedRegistrationId ?? before.subjectRegistrationId, decidedAt: c.now() },
  });
  await noticeBusinessApproved(c, parties.notice, approvedOn, outcome);
  return app;
}

/** 不予注册: render the written decision first, store it, then the transition — never a refusal without its document. */
export async function refuseApplication(c: Ctx, actor: AccountActor, id: string, input: RefusalDecision & CommandOptions): Promise<Application> {
  const replay = await replayed(c, actor, id, input);
  if (replay) return replay;
  const reasons = input.reasons.trim();
  const before = await preflight(c, actor, id, 'refuse', { ...input, reason: reasons });
  const parties = await partiesOf(c, before);
  if (!parties.authority) throw CommonErrors.NOT_FOUND({ detail: '未找到审批机关' });

  const now = c.now();
  const issuedOn = todayInChina(now);
  const year = Number(issuedOn.slice(0, 4));
  const documentNo = refusalDocumentNo(parties.authority, year, await nextDocumentSerial(c, parties.authority.id, year));
  const pdf = await renderRefusalDecision({
    documentNo,
    physicianName: parties.physician.name,
    idNumberMasked: parties.physician.idNumberMasked,
    businessCode: before.businessCode ?? '',
    businessTypeLabel: businessTypeLabel(before.businessType),
    institutionName: parties.institution?.name ?? '',
    authorityName: parties.authority.name,
    reasons,
    decidedAt: issuedOn,
  });
  const { sha256 } = await c.blobs.put(c.tx, pdf, 'application/pdf');
  await recordDecisionDocument(c, { applicationId: id, documentNo, authorityId: parties.authority.id, sha256, sizeBytes: pdf.length, issuedOn });

  const app = await applyTransition(c, actor, id, 'refuse', {
    reason: reasons, expectedVersion: input.expectedVersion, idempotencyKey: input.idempotencyKey,
    patch: { decisionReasons: reasons, decisionDocumentSha256: sha256, decidedAt: now },
  });
  await abandonBusiness(c, actor, app);
  await noticeRefused(c, parties.notice, documentNo, reasons);
  return app;
}
