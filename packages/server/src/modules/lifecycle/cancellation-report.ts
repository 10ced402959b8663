/**
 * 【报告注销情形】 by the main institution (《医师法》第十七条第二款: 医疗卫生机构应当在三十日内报告准予注册的卫生健康
 * 主管部门): the report becomes an application of BT-07 注销注册 filed by the institution, opened straight at the
 * granting authority as 正在申办 (待受理) — the institution reports, it does not confirm its own report — so the
 * authority's queue, its 20-working-day clock, 受理/不予/准予 and the 审核表 work as for every business, and 准予
 * applies the definition's `cancel` effect (cancelRegistration, initiator institution).
 *  - A report more than 30 calendar days after the event is accepted and marked late (registration/cancellation-
 *    report.ts), as the departure report is: the ground exists either way.
 *  - A registration outside the institution (not its main institution) reads as not found.
 *  - One report at a time per registration: a second while one is in progress is APPLICATION_PENDING.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  BUSINESS_TYPE_INFO, BusinessErrors, CANCELLATION_GROUND_INFO, businessCode, cancellation, cancellationReportDueOn, decidingAuthorityOf,
  isLateCancellationReport, reviewRows, submittedStateOf, todayInChina, toDayNumber, type CancellationReportForm, type IsoDate,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { applications, physicians, registrations } from '../../db/schema/index';
import { lockPhysician, nextBusinessSerial, notifyStaff, selectPhysicianContact } from '../applications/queries';
import { recordCreation } from '../applications/transition';
import { InstitutionErrors } from '../institutions/errors';
import { institutionIdOf } from '../institutions/policy';
import { notifyAccount } from '../notifications/outbox';
import { businessContext, type BusinessPayload } from './business-context';
import { parseBusinessForm, throwRefusals } from './refusals';

export interface CancellationReportResult {
  applicationId: string;
  businessCode: string;
  state: 'pending_authority';
  triggerOn: IsoDate;
  reportedOn: IsoDate;
  /** The last on-time day (30 calendar days after triggerOn). */
  dueOn: IsoDate;
  late: boolean;
}

const OPEN_STATES = ['draft', 'pending_institution', 'returned_by_institution', 'pending_authority', 'accepted', 'returned_for_correction'];

export async function reportCancellation(c: Ctx, actor: AccountActor, registrationId: string, report: CancellationReportForm): Promise<CancellationReportResult> {
  const institutionId = institutionIdOf(actor);
  const [reg] = await c.tx.select({ id: registrations.id, physicianId: registrations.physicianId }).from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.mainInstitutionId, institutionId)));
  if (!reg) throw InstitutionErrors.REGISTRATION_NOT_FOUND();
  await lockPhysician(c, reg.physicianId);
  const [physician] = await c.tx.select().from(physicians).where(eq(physicians.id, reg.physicianId));
  const reportedOn = todayInChina(c.now());
  if (toDayNumber(report.triggerOn) > toDayNumber(reportedOn)) throwRefusals([BusinessErrors.TRIGGER_DATE_IN_FUTURE({ path: ['triggerOn'] })]);
  const late = isLateCancellationReport(report.triggerOn, reportedOn);
  const form = parseBusinessForm(cancellation.form, {
    initiator: 'institution', registrationId, ground: report.ground, triggerOn: report.triggerOn, late, ...(report.note ? { note: report.note } : {}),
  }, []);

  const [open] = await c.tx.select({ id: applications.id }).from(applications).where(and(
    eq(applications.subjectRegistrationId, registrationId), eq(applications.businessType, 'cancellation'), inArray(applications.state, OPEN_STATES),
  )).limit(1);
  if (open) throw BusinessErrors.APPLICATION_PENDING({ detail: '该执业注册已有注销申请或报告正在办理，请等待办结', extra: { applicationId: open.id } });

  const ctx = await businessContext(c, physician!, cancellation, form, { stage: 'submission' });
  throwRefusals(cancellation.whoMayApply(ctx.physician, { registrationId }));
  const decider = decidingAuthorityOf(cancellation, ctx);
  const code = businessCode('cancellation', reportedOn, await nextBusinessSerial(c, reportedOn));
  const payload: BusinessPayload = {
    form: form as unknown as Record<string, unknown>, review: reviewRows(cancellation, ctx).map((r) => ({ ...r })),
    submitted: submittedStateOf(cancellation, ctx), ...(report.note ? { reason: report.note } : {}),
  };
  const [created] = await c.tx.insert(applications).values({
    businessType: 'cancellation', physicianId: physician!.id, physicianName: physician!.name, idNumberHash: physician!.idNumberHash,
    state: 'pending_authority', payload: payload as unknown as Record<string, unknown>, channel: 'institution', businessCode: code,
    institutionId, authorityId: decider.authority.id, subjectRegistrationId: registrationId, submittedAt: c.now(), createdAt: c.now(), updatedAt: c.now(),
  }).returning();
  await recordCreation(c, actor, created!);

  const ground = CANCELLATION_GROUND_INFO[report.ground].label;
  const label = BUSINESS_TYPE_INFO.cancellation.label;
  await notifyStaff(c, { authorityId: decider.authority.id }, {
    template: 'authority.application_forwarded', subject: '有医疗机构报告的注销情形待受理',
    body: `${actor.institutionName ?? '医疗机构'}报告医师${physician!.name}「${ground}」（事件发生日期${report.triggerOn}${late ? '，逾期报告' : ''}），`
      + `已生成${label}申请（业务编号${code}），请在「审批工作台」中受理。`,
  });
  const contact = await selectPhysicianContact(c, physician!.id);
  if (contact) {
    await notifyAccount(c, contact, 'application.cancellation_reported', '执业机构报告了注销情形',
      `${actor.institutionName ?? '您的执业机构'}已向卫生健康主管部门报告「${ground}」，申请注销您的执业注册（业务编号${code}）。如有异议，请联系该机构或审批机关。`);
  }
  return { applicationId: created!.id, businessCode: code, state: 'pending_authority', triggerOn: report.triggerOn, reportedOn, dueOn: cancellationReportDueOn(report.triggerOn), late };
}
