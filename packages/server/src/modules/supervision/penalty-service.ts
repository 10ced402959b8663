/**
 * 处分决定 recorded on the register (《医师法》第五十五条至第五十八条; domain §1.3 "Record suspensions, revocations
 * and penalties"): 暂停执业活动 six months to a year (the registration 中止 until the end date, then it resumes by
 * itself: jobs/suspension-end.ts), or 吊销医师执业证书 (注销注册 on ground certificate_revoked, which bars a new
 * registration for two years, 第十六条第三项). The physician is found by 执业证书编码 within the authority's
 * jurisdiction; a document number is recorded once per authority. ONE transaction each.
 */
import { and, eq } from 'drizzle-orm';
import {
  PENALTY_ARTICLE_LABELS, assertSuspensionPeriod, supervision, todayInChina, type PenaltyDecisionForm,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { penaltyDecisions } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import { audit, auditActorOf } from '../audit/service';
import { cancelRegistration } from '../lifecycle/cancel-registration';
import { notifyAccount } from '../notifications/outbox';
import { SupervisionErrors } from './errors';
import { authorityScopeOf } from './scope';
import { subjectsByLicenceCode } from './subjects';
import { assertDecidedOn, runningSuspensionOf } from './suspension-service';
import { moveSuspension, orderSuspension } from './suspension-writes';

export async function recordPenalty(c: Ctx, actor: AccountActor, form: PenaltyDecisionForm): Promise<{ id: string }> {
  const scope = authorityScopeOf(actor);
  const subject = (await subjectsByLicenceCode(c, scope, [form.licenceCode], { lock: true })).get(form.licenceCode);
  if (!subject) throw SupervisionErrors.SUPERVISION_SUBJECT_NOT_FOUND({ path: ['licenceCode'], detail: '未找到该执业证书编码在本辖区的执业注册' });
  const [taken] = await c.tx.select({ id: penaltyDecisions.id }).from(penaltyDecisions)
    .where(and(eq(penaltyDecisions.authorityId, actor.authorityId!), eq(penaltyDecisions.documentNo, form.documentNo))); // penalty_decisions_document_key
  if (taken) throw SupervisionErrors.DOCUMENT_NO_TAKEN({ path: ['documentNo'], detail: `文书编号「${form.documentNo}」已登记，不能重复登记`, extra: { decisionId: taken.id } });
  const today = todayInChina(c.now());
  assertDecidedOn(form.decidedOn, today);
  const who = auditActorOf(actor);
  let suspensionId: string | null = null;
  let cancellationId: string | null = null;

  if (form.kind === 'suspension') {
    // 《医师法》第五十五条至第五十七条: 责令暂停六个月以上一年以下执业活动.
    assertSuspensionPeriod('penalty', form.startsOn, form.endsOn);
    suspensionId = await orderSuspension(c, who, {
      registrationId: subject.registrationId, registrationStatus: subject.status, physicianId: subject.physicianId, authorityId: actor.authorityId!,
      kind: 'penalty', documentNo: form.documentNo, decidedOn: form.decidedOn, startsOn: form.startsOn, endsOn: form.endsOn,
    }, supervision('penalty_suspension'));
  } else {
    // 《医师法》第十七条第一款第三项: 被吊销医师执业证书 → 注销注册; a running suspension ends with it.
    const running = await runningSuspensionOf(c, subject.registrationId);
    if (running) await moveSuspension(c, who, running, 'terminate', supervision('penalty_revocation'), { documentNo: form.documentNo });
    const cancelled = await cancelRegistration(c, {
      registrationId: subject.registrationId, event: 'cancel', ground: 'certificate_revoked', initiator: 'authority', cause: supervision('penalty_revocation'),
      actor: who, effectiveOn: form.decidedOn, documentNo: form.documentNo, note: form.facts,
    });
    cancellationId = cancelled.cancellationId;
  }
  const [row] = await c.tx.insert(penaltyDecisions).values({
    kind: form.kind, registrationId: subject.registrationId, physicianId: subject.physicianId, authorityId: actor.authorityId!, documentNo: form.documentNo,
    decidedOn: form.decidedOn, article: form.article, facts: form.facts,
    startsOn: form.kind === 'suspension' ? form.startsOn : null, endsOn: form.kind === 'suspension' ? form.endsOn : null,
    suspensionId, cancellationId, actorAccountId: actor.accountId, createdAt: c.now(),
  }).returning({ id: penaltyDecisions.id });
  await audit(c, who, `penalty.${form.kind}`, 'penalty_decision', row!.id, { registrationId: subject.registrationId, documentNo: form.documentNo, article: form.article });
  if (form.kind === 'suspension' && subject.accountId) {
    await notifyAccount(c, { accountId: subject.accountId, phone: subject.phone, email: subject.email }, 'penalty.suspension', '行政处罚：暂停执业活动',
      `${actor.authority!.name}依${PENALTY_ARTICLE_LABELS[form.article].replace(/（.*）$/, '')}决定（${form.documentNo}）责令您自${form.startsOn}起至${form.endsOn}暂停执业活动。期满后执业注册自动恢复。`);
  }
  return row!;
}

