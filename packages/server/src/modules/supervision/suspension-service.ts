/**
 * 定期考核不合格 → 暂停执业活动 → 再次考核 (《医师法》第四十二条): the authority orders a suspension of three to six
 * months with training from a 不合格 result; when it has run its course the re-assessment is recorded: 合格 → the
 * registration resumes; 不合格 → 注销注册 (第十七条第一款第四项) with the one-year bar of 第十六条第四项. Each is ONE
 * transaction: the registration (or the suspension) locked and found within the authority's jurisdiction, the
 * tables of @medreg/domain, history, audit and a notice.
 */
import { and, eq } from 'drizzle-orm';
import {
  assertReassessmentDue, assertSuspensionPeriod, assessmentCycleLabel, supervision, todayInChina,
  type OrderAssessmentSuspension, type RecordReassessment,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { assessmentResults, registrationSuspensions } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import { auditActorOf, audit } from '../audit/service';
import { cancelRegistration } from '../lifecycle/cancel-registration';
import { notifyAccount } from '../notifications/outbox';
import { SupervisionErrors } from './errors';
import { authorityScopeOf } from './scope';
import { subjectByRegistrationId, type Subject } from './subjects';
import { moveSuspension, orderSuspension, resumeRegistration } from './suspension-writes';

const notFound = () => SupervisionErrors.SUPERVISION_SUBJECT_NOT_FOUND({ detail: '未找到该考核结果或其执业注册（不在本辖区）' });

export function assertDecidedOn(decidedOn: string, today: string): void {
  if (decidedOn > today) throw SupervisionErrors.DECISION_DATE_INVALID({ path: ['decidedOn'] });
}

async function tell(c: Ctx, s: Pick<Subject, 'accountId' | 'phone' | 'email'>, template: string, subject: string, body: string) {
  if (s.accountId) await notifyAccount(c, { accountId: s.accountId, phone: s.phone, email: s.email }, template, subject, body);
}

/** 责令暂停执业活动 from a 不合格 periodic result. Returns the suspension's id. */
export async function orderAssessmentSuspension(c: Ctx, actor: AccountActor, resultId: string, input: OrderAssessmentSuspension): Promise<string> {
  const scope = authorityScopeOf(actor);
  const [result] = await c.tx.select().from(assessmentResults).where(eq(assessmentResults.id, resultId));
  if (!result) throw notFound();
  // The registration row lock serialises two orders at once: the second finds it 中止 and is refused (409).
  const subject = await subjectByRegistrationId(c, scope, result.registrationId);
  if (!subject) throw notFound();
  if (result.kind !== 'periodic' || result.result !== 'failed') throw SupervisionErrors.ASSESSMENT_NOT_FAILED();
  const [earlier] = await c.tx.select({ id: registrationSuspensions.id }).from(registrationSuspensions).where(eq(registrationSuspensions.assessmentResultId, resultId));
  if (earlier) throw SupervisionErrors.SUSPENSION_ALREADY_ORDERED({ extra: { suspensionId: earlier.id } });
  const today = todayInChina(c.now());
  assertDecidedOn(input.decidedOn, today);
  // 《医师法》第四十二条: 责令其暂停执业活动三个月至六个月，并接受相关专业培训.
  assertSuspensionPeriod('assessment', input.startsOn, input.endsOn);
  const id = await orderSuspension(c, auditActorOf(actor), {
    registrationId: subject.registrationId, registrationStatus: subject.status, physicianId: subject.physicianId, authorityId: actor.authorityId!,
    kind: 'assessment', documentNo: input.documentNo, decidedOn: input.decidedOn, startsOn: input.startsOn, endsOn: input.endsOn,
    training: input.training, assessmentResultId: resultId,
  }, supervision('assessment_failed'));
  await tell(c, subject, 'suspension.ordered', '暂停执业活动通知',
    `因${assessmentCycleLabel(result.cycleStartYear)}周期医师定期考核不合格，${actor.authority!.name}依《医师法》第四十二条责令您自${input.startsOn}起至${input.endsOn}暂停执业活动（${input.documentNo}），期间接受培训：${input.training}。暂停期满后将再次进行考核。`);
  return id;
}

/**
 * 暂停执业活动期满，再次考核: 合格 → 已解除 and the registration 有效 again; 不合格 → 已终止 and 注销注册
 * (ground assessment_failed_again, which bars a new registration for one year, 《医师法》第十六条第四项).
 */
export async function recordReassessment(c: Ctx, actor: AccountActor, suspensionId: string, input: RecordReassessment): Promise<{ resultId: string; cancelled: boolean }> {
  const scope = authorityScopeOf(actor);
  const [found] = await c.tx.select().from(registrationSuspensions).where(eq(registrationSuspensions.id, suspensionId));
  if (!found) throw notFound();
  const subject = await subjectByRegistrationId(c, scope, found.registrationId);
  if (!subject) throw notFound();
  const [s] = await c.tx.select().from(registrationSuspensions).where(eq(registrationSuspensions.id, suspensionId)).for('update');
  if (!s || s.version !== input.expectedVersion) throw SupervisionErrors.SUSPENSION_VERSION_CONFLICT({ extra: { current: s ? { status: s.status, version: s.version } : null } });
  const today = todayInChina(c.now());
  if (input.assessedOn > today) throw SupervisionErrors.DECISION_DATE_INVALID({ path: ['assessedOn'], detail: '考核日期不能晚于今天' });
  assertReassessmentDue(s, today);
  const passed = input.result === 'passed';
  const cause = supervision(passed ? 'reassessment_passed' : 'reassessment_failed');
  const who = auditActorOf(actor);
  if (!(await moveSuspension(c, who, s, passed ? 'reassess_pass' : 'reassess_fail', cause, { result: input.result, assessedOn: input.assessedOn }))) {
    throw SupervisionErrors.SUSPENSION_VERSION_CONFLICT();
  }
  const [original] = s.assessmentResultId
    ? await c.tx.select({ cycle: assessmentResults.cycleStartYear }).from(assessmentResults).where(eq(assessmentResults.id, s.assessmentResultId))
    : [];
  const [row] = await c.tx.insert(assessmentResults).values({
    physicianId: s.physicianId, registrationId: s.registrationId, institutionId: subject.institutionId, authorityId: subject.authorityId,
    kind: 'reassessment', cycleStartYear: original?.cycle ?? Number(today.slice(0, 4)), result: input.result, assessedOn: input.assessedOn,
    assessor: input.assessor ?? null, note: input.note ?? null, source: 'form', suspensionId: s.id,
    recordedByInstitutionId: null, recordedByAuthorityId: actor.authorityId, actorAccountId: actor.accountId, createdAt: c.now(),
  }).returning({ id: assessmentResults.id });
  await audit(c, who, 'assessment.reassessment', 'assessment_result', row!.id, { suspensionId: s.id, result: input.result });

  if (passed) {
    // 《医师法》第四十二条: 再次考核合格的，允许其继续执业.
    await resumeRegistration(c, who, s.registrationId, subject.status, cause, { suspensionId: s.id, assessedOn: input.assessedOn });
    await tell(c, subject, 'suspension.lifted', '再次考核合格，恢复执业',
      `您暂停执业活动期满后的再次考核结果为合格，依《医师法》第四十二条允许您继续执业，执业注册已恢复为有效。`);
    return { resultId: row!.id, cancelled: false };
  }
  // 《医师法》第十七条第一款第四项: 定期考核不合格，暂停执业活动期满，再次考核仍不合格 → 注销注册.
  await cancelRegistration(c, {
    registrationId: s.registrationId, event: 'cancel', ground: 'assessment_failed_again', initiator: 'authority', cause, actor: who,
    documentNo: input.documentNo ?? s.documentNo, note: input.note ?? null,
  });
  return { resultId: row!.id, cancelled: true };
}

/** The running suspension of a registration, if any (the registration is 中止 while it runs). */
export async function runningSuspensionOf(c: Ctx, registrationId: string) {
  const [s] = await c.tx.select().from(registrationSuspensions)
    .where(and(eq(registrationSuspensions.registrationId, registrationId), eq(registrationSuspensions.status, 'in_force'))); // registration_suspensions_running_key
  return s;
}
