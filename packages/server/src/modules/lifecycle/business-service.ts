/**
 * The generic path of every business type defined in @medreg/domain business/ (增加执业地点, 变更注册, 助理升执业,
 * 多机构备案, 补发/换领): start → fill in the form → submit → the institution confirms → the authority decides. The
 * definition says who may apply, what the form is, who confirms, who decides, and what approval does; nothing
 * here branches on the business type.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  BUSINESS_TYPE_INFO, BusinessErrors, allowedActions, businessCode, confirmingInstitutionOf, decidingAuthorityOf, eligibilityRefusals, planEffects,
  reviewRows, submittedStateOf, todayInChina, type BusinessContext, type BusinessDefinition, type ApplicationState, type EvidenceFile,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { applicationAttachments, applications, type Application, type Physician } from '../../db/schema/index';
import { notifyAccount } from '../notifications/outbox';
import { assertActivePhysician } from '../physicians/guard';
import { ApplicationErrors } from '../applications/errors';
import { lockPhysician, nextBusinessSerial, notifyStaff, selectPhysicianContact } from '../applications/queries';
import { TransitionErrors, applyTransition, forgetLockedCopy, lockApplication, recordCreation } from '../applications/transition';
import { applyPlan } from './apply-plan';
import { businessContext, definitionOf, type BusinessPayload, type FormBusinessType } from './business-context';
import { parseBusinessForm, throwRefusals } from './refusals';
import { loadPhysicianSnapshot } from './snapshot';

const EDITABLE: readonly string[] = ['draft', 'returned_by_institution'];

export interface StartBusinessInput {
  businessType: FormBusinessType;
  registrationId?: string;
  filingId?: string;
}

/** 【办理】: checks who may apply on which record (the definition's rules and the applications in progress), then opens the draft. */
export async function startBusiness(c: Ctx, actor: AccountActor, input: StartBusinessInput): Promise<Application> {
  const physician = await assertActivePhysician(c, actor);
  await lockPhysician(c, physician.id);
  const def = definitionOf(input.businessType);
  const subject = { ...(input.registrationId ? { registrationId: input.registrationId } : {}), ...(input.filingId ? { filingId: input.filingId } : {}) };
  throwRefusals(eligibilityRefusals(def, await loadPhysicianSnapshot(c, physician), subject, todayInChina(c.now())));

  const [draft] = await c.tx.select({ id: applications.id, state: applications.state, businessCode: applications.businessCode }).from(applications)
    .where(and(
      eq(applications.physicianId, physician.id), eq(applications.businessType, input.businessType), eq(applications.state, 'draft'),
      input.registrationId ? eq(applications.subjectRegistrationId, input.registrationId) : sql`${applications.subjectRegistrationId} IS NULL`,
      input.filingId ? eq(applications.subjectFilingId, input.filingId) : sql`${applications.subjectFilingId} IS NULL`,
    )).limit(1);
  if (draft) {
    throw ApplicationErrors.APPLICATION_ALREADY_OPEN({
      detail: `您已有一项未提交的${BUSINESS_TYPE_INFO[input.businessType].label}申请草稿，请继续填写该申请`,
      extra: { applicationId: draft.id, state: draft.state, businessCode: draft.businessCode },
    });
  }

  const payload: BusinessPayload = { form: { ...subject } };
  const [created] = await c.tx.insert(applications).values({
    businessType: input.businessType, physicianId: physician.id, physicianName: physician.name, idNumberHash: physician.idNumberHash,
    state: 'draft', payload: payload as unknown as Record<string, unknown>, channel: 'web',
    subjectRegistrationId: input.registrationId ?? null, subjectFilingId: input.filingId ?? null, createdAt: c.now(), updatedAt: c.now(),
  }).returning();
  await recordCreation(c, actor, created!);
  return created!;
}

/** The form checked whole: its schema, then the definition's rules on the records as they are now. */
async function checkedForm(c: Ctx, physician: Physician, app: Application, raw: unknown, stage: 'submission' | 'decision' = 'submission') {
  const def = definitionOf(app.businessType);
  const form = parseBusinessForm(def.form, raw) as Record<string, unknown>;
  // The physician files only what the physician may file (注销: 本人主动申请; an institution's report is its own).
  if (def.filedBy && def.filedBy(form) !== 'physician') throwRefusals([BusinessErrors.CANCELLATION_FILED_BY_OTHERS({ path: ['form', 'initiator'] })]);
  const subject = { registrationId: app.subjectRegistrationId ?? undefined, filingId: app.subjectFilingId ?? undefined };
  if ((subject.registrationId && form.registrationId !== undefined && form.registrationId !== subject.registrationId)
    || (subject.filingId && form.filingId !== undefined && form.filingId !== subject.filingId)) {
    throwRefusals([ApplicationErrors.APPLICATION_NOT_EDITABLE({ path: ['form', 'registrationId'], detail: '申请所依据的执业注册或备案不能更改，请重新发起申请' })]);
  }
  const ctx = await businessContext(c, physician, def, form, { stage, app });
  const pick = (s: { registrationId?: string; filingId?: string }) => ({ ...(s.registrationId ? { registrationId: s.registrationId } : {}), ...(s.filingId ? { filingId: s.filingId } : {}) });
  const refusals = [...eligibilityRefusals(def, ctx.physician, pick(subject), ctx.today), ...def.checkApplication(ctx)];
  throwRefusals(refusals.map((e) => (e.path && e.path[0] !== 'form' ? Object.assign(e, { path: ['form', ...e.path] }) : e)));
  return { def, form, ctx };
}

/** The physician's own words (申请理由 / 说明) as the definition names them. */
function statedReasonOf<F>(def: BusinessDefinition<F>, form: F): { reason?: string } {
  const reason = def.statedReason(form);
  return reason ? { reason } : {};
}

function reviewOf<F>(def: BusinessDefinition<F>, ctx: BusinessContext<F>): BusinessPayload['review'] {
  return reviewRows(def, ctx).map((r) => ({ ...r }));
}

async function lockOwnEditable(c: Ctx, actor: AccountActor, id: string, expectedVersion: number | undefined): Promise<Application> {
  const { app } = await lockApplication(c, actor, id);
  const current = { state: app.state, version: app.version };
  if (expectedVersion !== undefined && expectedVersion !== app.version) throw TransitionErrors.VERSION_CONFLICT({ extra: { current } });
  if (!EDITABLE.includes(app.state)) throw ApplicationErrors.APPLICATION_NOT_EDITABLE({ extra: { current } });
  return app;
}

/** 【确认，下一步】: saves the whole form after every check, with the 审核表 rows it would print. */
export async function saveBusinessForm(c: Ctx, actor: AccountActor, id: string, input: { expectedVersion: number; form: unknown }): Promise<Application> {
  const physician = await assertActivePhysician(c, actor);
  const app = await lockOwnEditable(c, actor, id, input.expectedVersion);
  const { def, form, ctx } = await checkedForm(c, physician, app, input.form);
  await assertAttachmentsBelong(c, app.id, def, form);
  const payload: BusinessPayload = { ...(app.payload as unknown as BusinessPayload), form, review: reviewOf(def, ctx), ...statedReasonOf(def, form) };
  const [updated] = await c.tx.update(applications)
    .set({ payload: payload as unknown as Record<string, unknown>, version: sql`${applications.version} + 1`, updatedAt: c.now() })
    .where(and(eq(applications.id, app.id), eq(applications.version, app.version))).returning();
  forgetLockedCopy(c, app.id);
  if (!updated) throw TransitionErrors.VERSION_CONFLICT({ extra: { current: { state: app.state, version: app.version } } });
  return updated;
}

/** The files a form names: the definition's list, else its `evidence[]` items. */
function evidenceFilesOf(def: BusinessDefinition<unknown>, form: Record<string, unknown>): EvidenceFile[] {
  if (def.evidenceFiles) return [...def.evidenceFiles(form)];
  const evidence = Array.isArray(form.evidence) ? (form.evidence as { fileSha256?: string }[]) : [];
  return evidence.flatMap((e, i) => (typeof e.fileSha256 === 'string' ? [{ path: ['evidence', i, 'fileSha256'], fileSha256: e.fileSha256 }] : []));
}

/** Evidence files named in the form must have been uploaded to this application. */
async function assertAttachmentsBelong(c: Ctx, applicationId: string, def: BusinessDefinition<unknown>, form: Record<string, unknown>): Promise<void> {
  const files = evidenceFilesOf(def, form);
  const shas = [...new Set(files.map((f) => f.fileSha256))];
  if (shas.length === 0) return;
  const found = await c.tx.select({ sha256: applicationAttachments.sha256 }).from(applicationAttachments)
    .where(and(eq(applicationAttachments.applicationId, applicationId), inArray(applicationAttachments.sha256, shas)));
  const known = new Set(found.map((f) => f.sha256));
  const missing = files.find((f) => !known.has(f.fileSha256));
  if (missing) throwRefusals([ApplicationErrors.APPLICATION_NOT_EDITABLE({ path: ['form', ...missing.path], detail: '证明文件未上传到本申请，请重新上传' })]);
}

/**
 * 【提交】: every rule again on the records as they are now; the 业务编号; the confirming institution and the deciding
 * authority named by the definition; what the records looked like (checked again at the decision); and the
 * definition's submission effects (a 多机构备案 新增 is 申请中 from now on).
 */
export async function submitBusiness(c: Ctx, actor: AccountActor, id: string, input: { expectedVersion: number; idempotencyKey?: string }): Promise<Application> {
  const physician = await assertActivePhysician(c, actor);
  const { app } = await lockApplication(c, actor, id);
  if (app.version !== input.expectedVersion || !allowedActions(app.state as ApplicationState, actor.role).includes('submit')) {
    return applyTransition(c, actor, id, 'submit', { expectedVersion: input.expectedVersion });
  }
  await lockPhysician(c, physician.id);
  const payload = app.payload as unknown as BusinessPayload;
  const { def, form, ctx } = await checkedForm(c, physician, app, payload.form);
  // null: no institution confirms (注销 from 注册备案), the application goes straight to the deciding authority.
  const institution = confirmingInstitutionOf(def, ctx);
  const decider = decidingAuthorityOf(def, ctx);
  const resubmitted = app.state === 'returned_by_institution';
  if (!resubmitted) {
    await applyPlan(c, planEffects(def, ctx, 'submit'), {
      physicianId: physician.id, applicationId: app.id, actor, cause: { kind: 'application', business: def.type, step: 'submit' },
    });
  }
  const now = c.now();
  const day = todayInChina(now);
  const code = app.businessCode ?? businessCode(def.type, day, await nextBusinessSerial(c, day));
  const next: BusinessPayload = { ...payload, form, review: reviewOf(def, ctx), submitted: submittedStateOf(def, ctx), ...statedReasonOf(def, form) };
  const updated = await applyTransition(c, actor, id, institution ? 'submit' : 'submit_to_authority', {
    expectedVersion: input.expectedVersion,
    idempotencyKey: input.idempotencyKey,
    patch: {
      businessCode: code, institutionId: institution?.id ?? null, authorityId: decider.authority.id, physicianName: physician.name,
      idNumberHash: physician.idNumberHash, submittedAt: now, payload: next as unknown as Record<string, unknown>,
    },
  });
  const label = BUSINESS_TYPE_INFO[def.type].label;
  const contact = await selectPhysicianContact(c, physician.id);
  if (contact) {
    await notifyAccount(c, contact, 'application.submitted', '业务申请已提交', institution
      ? `您的${label}申请已${resubmitted ? '重新' : ''}提交（业务编号${code}），请联系${institution.name}确认。`
      : `您的${label}申请已提交（业务编号${code}），无需执业机构确认，已直接报送${decider.authority.name ?? '审批机关'}。`);
  }
  if (!institution) {
    await notifyStaff(c, { authorityId: decider.authority.id }, {
      template: 'authority.application_forwarded', subject: '有新的医师执业注册申请待受理',
      body: `医师${physician.name}提交了${label}申请（业务编号${code}），请在「审批工作台」中受理。`,
    });
    return updated;
  }
  await notifyStaff(c, { institutionId: institution.id }, {
    template: 'application.submitted.institution',
    subject: '有医师业务申请待确认',
    body: `医师${physician.name}${resubmitted ? '修改后重新' : ''}提交了${label}申请（业务编号${code}），请在「医师申请业务办理」中核对信息后办理。`,
  });
  return updated;
}
