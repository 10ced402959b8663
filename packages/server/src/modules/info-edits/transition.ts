/**
 * Every status change of a 个人信息修改 request: the version the actor saw checked, the status changed only through
 * INFO_EDIT_WORKFLOW, the update guarded by version (of two concurrent decisions one wins, the other is 409), one
 * history row and one audit entry — inside the caller's transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import { infoEditTransition, type InfoEditAction } from '@medreg/domain';
import type { Ctx } from '../../context';
import { infoEditEvents, infoEdits, type InfoEdit } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import { audit, auditActorOf } from '../audit/service';
import { InfoEditServerErrors } from './errors';

export interface InfoEditStep {
  action: InfoEditAction;
  reason?: string;
  patch?: Partial<Pick<InfoEdit, 'decisionReason' | 'decidedAt'>>;
}

export async function applyInfoEditStep(c: Ctx, actor: AccountActor, before: InfoEdit, expectedVersion: number, step: InfoEditStep): Promise<InfoEdit> {
  const current = { status: before.status, version: before.version };
  if (expectedVersion !== before.version) throw InfoEditServerErrors.INFO_EDIT_VERSION_CONFLICT({ extra: { current } });
  const to = infoEditTransition(before.status, step.action, actor.role, step.reason);
  const [after] = await c.tx.update(infoEdits)
    .set({ ...step.patch, status: to, version: sql`${infoEdits.version} + 1` })
    .where(and(eq(infoEdits.id, before.id), eq(infoEdits.version, before.version)))
    .returning();
  if (!after) throw InfoEditServerErrors.INFO_EDIT_VERSION_CONFLICT({ extra: { current } });
  await c.tx.insert(infoEditEvents).values({
    infoEditId: before.id, action: step.action, fromStatus: before.status, toStatus: to, actorAccountId: actor.accountId,
    actorRole: actor.role, institutionId: actor.institutionId ?? null, reason: step.reason ?? null, createdAt: c.now(),
  });
  await audit(c, auditActorOf(actor), `info_edit.${step.action}`, 'info_edit', before.id, {
    registrationId: before.registrationId, from: before.status, to, fields: before.changes.map((r) => r.field),
  });
  return after;
}
