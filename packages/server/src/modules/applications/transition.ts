import { and, eq, sql } from 'drizzle-orm';
import { CommonErrors, DomainError, allowedActions, defineErrors, requiresReason, spec, transition, type ApplicationState, type WorkflowAction } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { applicationEvents, applications, authorities, type Application } from '../../db/schema/index';
import { recordApplicationEvent } from './events';
import { canAct, canView, type ApplicationAccess } from './policy';

export const TransitionErrors = defineErrors({
  REASON_REQUIRED: spec(400, '此操作必须填写理由', 'A reason is required'),
  VERSION_CONFLICT: spec(409, '该业务已被他人处理，请刷新查看最新状态', 'The application changed meanwhile'),
});

export interface TransitionOptions {
  reason?: string | null;
  /** The version the actor saw; a different current version is a 409 with the current state. */
  expectedVersion?: number;
  /** A double click sends the same key twice: the second returns the first's result. */
  idempotencyKey?: string;
  /** Column changes written together with the new state. */
  patch?: Partial<typeof applications.$inferInsert>;
}

/** Loads and locks an application with the facts its policy needs. Not visible → 404. */
export async function lockApplication(c: Ctx, actor: AccountActor, id: string): Promise<{ app: Application; access: ApplicationAccess }> {
  const [row] = await c.tx
    .select({ app: applications, authorityAreaCode: authorities.areaCode, authorityLevel: authorities.level })
    .from(applications)
    .leftJoin(authorities, eq(authorities.id, applications.authorityId))
    .where(eq(applications.id, id))
    .for('update', { of: applications });
  if (!row) throw CommonErrors.NOT_FOUND({ detail: '未找到该业务申请' });
  const access: ApplicationAccess = { ...row.app, authorityAreaCode: row.authorityAreaCode, authorityLevel: row.authorityLevel };
  if (!canView(actor, access)) throw CommonErrors.NOT_FOUND({ detail: '未找到该业务申请' });
  return { app: row.app, access };
}

function orgNameOf(actor: AccountActor): string | null {
  return actor.institutionName ?? actor.authority?.name ?? null;
}

/**
 * The one way an application changes state (architecture § Workflow): lock the row, check the
 * version, apply the workflow table, write the new state, a history entry and an audit entry —
 * all in the caller's transaction. Notifications are written by the caller in the same transaction.
 */
export async function applyTransition(c: Ctx, actor: AccountActor, id: string, action: WorkflowAction, opts: TransitionOptions = {}): Promise<Application> {
  if (opts.idempotencyKey) {
    const [seen] = await c.tx.select({ id: applicationEvents.id }).from(applicationEvents)
      .where(and(eq(applicationEvents.idempotencyKey, opts.idempotencyKey), eq(applicationEvents.applicationId, id)));
    if (seen) return (await lockApplication(c, actor, id)).app;
  }
  const { app, access } = await lockApplication(c, actor, id);
  const current = { state: app.state, version: app.version };
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== app.version) {
    throw TransitionErrors.VERSION_CONFLICT({ extra: { current } });
  }
  if (!canAct(actor, access)) {
    throw CommonErrors.FORBIDDEN({ detail: '上级卫生健康行政部门可以查看该业务，但只有审批机关可以作出决定', extra: { current } });
  }
  const next = transitionOrConflict(app.state as ApplicationState, action, actor, current);
  const reason = opts.reason?.trim() || null;
  if (requiresReason(action) && !reason) throw TransitionErrors.REASON_REQUIRED({ path: ['reason'] });

  const [updated] = await c.tx
    .update(applications)
    .set({ ...opts.patch, state: next, version: sql`${applications.version} + 1`, updatedAt: c.now() })
    .where(and(eq(applications.id, id), eq(applications.version, app.version)))
    .returning();
  if (!updated) throw TransitionErrors.VERSION_CONFLICT({ extra: { current } });

  await recordApplicationEvent(c, actor, {
    applicationId: id,
    action,
    fromState: app.state,
    toState: next,
    actorAccountId: actor.accountId,
    actorRole: actor.role,
    actorOrgName: orgNameOf(actor),
    reason,
    idempotencyKey: opts.idempotencyKey ?? null,
    createdAt: c.now(),
  }, { from: app.state, to: next, reason });
  return updated;
}

function transitionOrConflict(state: ApplicationState, action: WorkflowAction, actor: AccountActor, current: { state: string; version: number }): ApplicationState {
  try {
    return transition(state, action, actor.role);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // Say what the record looks like now, so a second reviewer sees why they were refused.
    throw new DomainError({
      code: error.code, status: error.status, title: error.title, titleEn: error.titleEn, detail: error.message,
      extra: { ...error.extra, current, allowedActions: allowedActions(state, actor.role) },
    });
  }
}

/** Writes the first history entry of a new application (created as a draft). */
export async function recordCreation(c: Ctx, actor: AccountActor, app: Application): Promise<void> {
  await recordApplicationEvent(c, actor, {
    applicationId: app.id, action: 'create', fromState: null, toState: app.state,
    actorAccountId: actor.accountId, actorRole: actor.role, actorOrgName: orgNameOf(actor), createdAt: c.now(),
  }, { businessType: app.businessType });
}
