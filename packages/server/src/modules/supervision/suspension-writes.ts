/**
 * The writes of a suspension (SUSPENSION_TABLE of @medreg/domain) together with the registration it suspends
 * (REGISTRATION_TABLE suspend / resume through applyRegistrationEvent): each guarded by the status it leaves, with
 * its history row and audit entry, in the caller's transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import {
  SUSPENSION_TABLE, checkRegistrationCause, registrationTransition, suspensionTransition,
  type IsoDate, type LifecycleCause, type RegistrationStatus, type SuspensionEvent, type SuspensionKind, type SuspensionStatus,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { registrationSuspensions, suspensionEvents } from '../../db/schema/index';
import { audit, type AuditActor } from '../audit/service';
import { applyRegistrationEvent } from '../lifecycle/apply-plan';
import { LifecycleErrors } from '../lifecycle/errors';

export interface NewSuspension {
  registrationId: string;
  registrationStatus: RegistrationStatus;
  physicianId: string;
  authorityId: string;
  kind: SuspensionKind;
  documentNo: string;
  decidedOn: IsoDate;
  startsOn: IsoDate;
  endsOn: IsoDate;
  training?: string | null;
  assessmentResultId?: string | null;
}

/** `order`: the suspension 执行中 and its registration 有效 → 中止. */
export async function orderSuspension(c: Ctx, actor: AuditActor, s: NewSuspension, cause: LifecycleCause): Promise<string> {
  checkRegistrationCause('suspend', cause);
  const to = registrationTransition(s.registrationStatus, 'suspend');
  const status = suspensionTransition(null, 'order');
  const [row] = await c.tx.insert(registrationSuspensions).values({
    registrationId: s.registrationId, physicianId: s.physicianId, authorityId: s.authorityId, kind: s.kind, status,
    documentNo: s.documentNo, decidedOn: s.decidedOn, startsOn: s.startsOn, endsOn: s.endsOn, training: s.training ?? null,
    assessmentResultId: s.assessmentResultId ?? null, statusSince: c.now(), actorAccountId: actor.accountId, createdAt: c.now(),
  }).onConflictDoNothing().returning({ id: registrationSuspensions.id });
  if (!row) throw LifecycleErrors.RECORD_CHANGED({ detail: '该执业注册已在暂停执业活动中，请刷新后查看' });
  await c.tx.insert(suspensionEvents).values({
    suspensionId: row.id, event: 'order', fromStatus: null, toStatus: status, cause, actorAccountId: actor.accountId,
    changes: { documentNo: s.documentNo, startsOn: s.startsOn, endsOn: s.endsOn }, createdAt: c.now(),
  });
  await applyRegistrationEvent(c, {
    registrationId: s.registrationId, event: 'suspend', from: s.registrationStatus, to,
    changes: { suspensionId: row.id, kind: s.kind, documentNo: s.documentNo, startsOn: s.startsOn, endsOn: s.endsOn },
  }, { applicationId: null, actor, cause });
  await audit(c, actor, 'suspension.order', 'registration_suspension', row.id, { registrationId: s.registrationId, kind: s.kind, documentNo: s.documentNo, endsOn: s.endsOn });
  return row.id;
}

/** A suspension's event (expire, reassess_pass, reassess_fail, terminate), guarded by its status. Returns false when it had changed. */
export async function moveSuspension(c: Ctx, actor: AuditActor, s: { id: string; status: SuspensionStatus }, event: SuspensionEvent, cause: LifecycleCause, changes: Record<string, unknown> = {}): Promise<boolean> {
  const to = suspensionTransition(s.status, event);
  const [row] = await c.tx.update(registrationSuspensions)
    .set({ status: to, statusSince: c.now(), version: sql`${registrationSuspensions.version} + 1` })
    .where(and(eq(registrationSuspensions.id, s.id), eq(registrationSuspensions.status, s.status)))
    .returning({ id: registrationSuspensions.id });
  if (!row) return false;
  await c.tx.insert(suspensionEvents).values({
    suspensionId: s.id, event, fromStatus: s.status, toStatus: to, cause, actorAccountId: actor.accountId, changes, createdAt: c.now(),
  });
  await audit(c, actor, `suspension.${event}`, 'registration_suspension', s.id, { from: s.status, to, label: SUSPENSION_TABLE[event].label });
  return true;
}

/** `resume`: the registration 中止 → 有效. */
export async function resumeRegistration(c: Ctx, actor: AuditActor, registrationId: string, status: RegistrationStatus, cause: LifecycleCause, changes: Record<string, unknown>): Promise<void> {
  checkRegistrationCause('resume', cause);
  const to = registrationTransition(status, 'resume');
  await applyRegistrationEvent(c, { registrationId, event: 'resume', from: status, to, changes }, { applicationId: null, actor, cause });
}
