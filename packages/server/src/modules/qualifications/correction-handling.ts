/**
 * The authority handles a 资格补改 request (domain §2.2 BT-12: the authority supplements 补录 or corrects 修改 the
 * qualification record): 受理, 补改, 驳回 — each ONE transaction: the request locked and found within the actor's
 * jurisdiction (others: not found), the version the reviewer saw checked, the status changed only through
 * CORRECTION_WORKFLOW, one history row, one audit entry and a notice to the physician through the outbox.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import {
  CORRECTION_WORKFLOW, CORRECTION_STATUS_LABELS, CommonErrors, allowedCorrectionActions, correctionTransition,
  type CorrectionAction, type RejectCorrection, type ResolveCorrection,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import {
  accounts, authorities, physicians, qualificationCorrectionEvents, qualificationCorrections, qualifications, type Physician,
} from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import { audit, auditActorOf } from '../audit/service';
import { notifyAccount } from '../notifications/outbox';
import { attachmentMetadata, presentAttachments } from './attachments';
import { visibleToAuthority } from './corrections';
import { CorrectionHandlingErrors } from './handling-errors';
import { presentQualification } from './presenter';
import { reviseQualification } from './qualification-revision';

type CorrectionRow = typeof qualificationCorrections.$inferSelect;

/** The request, if the actor's jurisdiction covers it; `lock` holds it for the action's transaction. */
async function findVisible(c: Ctx, actor: AccountActor, id: string, lock: boolean) {
  if (!actor.authority) throw CommonErrors.FORBIDDEN();
  const query = c.tx.select({ correction: qualificationCorrections, authorityName: authorities.name })
    .from(qualificationCorrections)
    .innerJoin(authorities, eq(authorities.id, qualificationCorrections.authorityId))
    .where(and(eq(qualificationCorrections.id, id), ...visibleToAuthority(actor.authority)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: qualificationCorrections }) : await query;
  if (!row) throw CommonErrors.NOT_FOUND({ detail: '未找到该资格补改申请' });
  return row;
}

async function physicianOf(c: Ctx, id: string): Promise<Physician> {
  const [p] = await c.tx.select().from(physicians).where(eq(physicians.id, id));
  if (!p) throw CommonErrors.NOT_FOUND({ detail: '未找到申请资格补改的医师' });
  return p;
}

interface Step {
  action: CorrectionAction;
  reason?: string;
  patch?: Partial<CorrectionRow>;
  /** What the physician is told. */
  notice: string;
}

/** The version check, the table, the update (guarded by version), the history row, the audit entry and the notice. */
async function applyStep(c: Ctx, actor: AccountActor, before: CorrectionRow, expectedVersion: number, step: Step): Promise<CorrectionRow> {
  const current = { status: before.status, version: before.version };
  if (expectedVersion !== before.version) throw CorrectionHandlingErrors.CORRECTION_VERSION_CONFLICT({ extra: { current } });
  const to = correctionTransition(before.status, step.action, actor.role, step.reason);
  const now = c.now();
  const [after] = await c.tx.update(qualificationCorrections)
    .set({ ...step.patch, status: to, version: sql`${qualificationCorrections.version} + 1` })
    .where(and(eq(qualificationCorrections.id, before.id), eq(qualificationCorrections.version, before.version)))
    .returning();
  if (!after) throw CorrectionHandlingErrors.CORRECTION_VERSION_CONFLICT({ extra: { current } });
  await c.tx.insert(qualificationCorrectionEvents).values({
    correctionId: before.id, action: step.action, fromStatus: before.status, toStatus: to,
    actorAccountId: actor.accountId, actorRole: actor.role, authorityId: actor.authorityId, reason: step.reason ?? null, createdAt: now,
  });
  await audit(c, auditActorOf(actor), `qualification_correction.${step.action}`, 'qualification_correction', before.id, {
    from: before.status, to, qualificationId: after.qualificationId ?? null,
  });
  const physician = await physicianOf(c, before.physicianId);
  if (physician.accountId) {
    const [account] = await c.tx.select({ phone: accounts.phone, email: accounts.email }).from(accounts).where(eq(accounts.id, physician.accountId));
    await notifyAccount(c, { accountId: physician.accountId, phone: account?.phone, email: account?.email },
      `qualification_correction.${step.action}`, `资格补改申请${CORRECTION_STATUS_LABELS[to]}`, step.notice);
  }
  return after;
}

/** 受理 (submitted → in_review). */
export async function acceptCorrection(c: Ctx, actor: AccountActor, id: string, input: { expectedVersion: number }) {
  const { correction, authorityName } = await findVisible(c, actor, id, true);
  return applyStep(c, actor, correction, input.expectedVersion, {
    action: 'accept', notice: `您的资格补改申请已由${authorityName}受理，正在审核。`,
  });
}

/** 驳回 (→ rejected): the written reasons are what the physician reads. */
export async function rejectCorrection(c: Ctx, actor: AccountActor, id: string, input: RejectCorrection) {
  const { correction, authorityName } = await findVisible(c, actor, id, true);
  const reasons = input.reasons.trim();
  return applyStep(c, actor, correction, input.expectedVersion, {
    action: 'reject', reason: reasons, patch: { resolutionNote: reasons, resolvedAt: c.now() },
    notice: `您的资格补改申请经${authorityName}审核，未予补改。理由：${reasons}。如有新的材料，可重新提交申请。`,
  });
}

/** 补改 (in_review → resolved): the record corrected or supplemented in the same transaction, with its revision. */
export async function resolveCorrection(c: Ctx, actor: AccountActor, id: string, input: ResolveCorrection) {
  const { correction, authorityName } = await findVisible(c, actor, id, true);
  // The table and the version first: nothing is written to a qualification for a request that may not be resolved.
  if (input.expectedVersion !== correction.version) {
    throw CorrectionHandlingErrors.CORRECTION_VERSION_CONFLICT({ extra: { current: { status: correction.status, version: correction.version } } });
  }
  correctionTransition(correction.status, 'resolve', actor.role);
  const physician = await physicianOf(c, correction.physicianId);
  const q = await reviseQualification(c, actor, physician, correction.id, input.qualificationId, input.fields);
  const what = input.qualificationId ? '修改' : '补录';
  const note = input.note?.trim() || `已${what}医师资格信息`;
  await audit(c, auditActorOf(actor), input.qualificationId ? 'qualification.correct' : 'qualification.supplement', 'qualification', q.id, {
    correctionId: correction.id, level: q.level, category: q.category, certCodeMasked: q.certCodeMasked,
  });
  return applyStep(c, actor, correction, input.expectedVersion, {
    action: 'resolve', reason: note, patch: { resolutionNote: note, resolvedAt: c.now(), qualificationId: q.id },
    notice: `您的资格补改申请已由${authorityName}办结：${note}。请在「资格信息」中查看。`,
  });
}

/** The request as the reviewer opens it: attachments, the physician's current qualification records, history, actions. */
export async function correctionDetail(c: Ctx, actor: AccountActor, id: string) {
  const { correction, authorityName } = await findVisible(c, actor, id, false);
  const physician = await physicianOf(c, correction.physicianId);
  const records = await c.tx.select().from(qualifications)
    .where(eq(qualifications.physicianId, physician.id)).orderBy(asc(qualifications.obtainedDate), asc(qualifications.createdAt)); // qualifications_physician_idx
  const events = await c.tx.select({ event: qualificationCorrectionEvents, actorName: accounts.displayName })
    .from(qualificationCorrectionEvents)
    .leftJoin(accounts, eq(accounts.id, qualificationCorrectionEvents.actorAccountId))
    .where(eq(qualificationCorrectionEvents.correctionId, id)).orderBy(asc(qualificationCorrectionEvents.id)); // qualification_correction_events_correction_idx
  const meta = await attachmentMetadata(c, correction.attachments);
  return {
    id: correction.id,
    version: correction.version,
    physicianName: physician.name,
    idNumberMasked: physician.idNumberMasked,
    reason: correction.reason,
    attachments: presentAttachments(correction.id, correction.attachments, meta),
    authorityName,
    status: correction.status,
    statusLabel: CORRECTION_STATUS_LABELS[correction.status],
    resolutionNote: correction.resolutionNote,
    qualificationId: correction.qualificationId,
    createdAt: correction.createdAt.toISOString(),
    resolvedAt: correction.resolvedAt?.toISOString() ?? null,
    qualifications: records.map((q) => presentQualification(q, c.pii)),
    history: events.map(({ event, actorName }) => ({
      action: event.action, label: CORRECTION_WORKFLOW[event.action].label, fromStatus: event.fromStatus, toStatus: event.toStatus,
      actorName, reason: event.reason, at: event.createdAt.toISOString(),
    })),
    allowedActions: allowedCorrectionActions(correction.status, actor.role).map((a) => ({
      action: a, label: CORRECTION_WORKFLOW[a].label, requiresReason: CORRECTION_WORKFLOW[a].requiresReason,
    })),
  };
}
