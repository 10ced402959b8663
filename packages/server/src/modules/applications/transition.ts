import { and, eq, sql, type SQL } from 'drizzle-orm';
import { CommonErrors, DomainError, allowedActions, defineErrors, requiresReason, spec, transition, type ApplicationState, type WorkflowAction } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { accounts, applicationEvents, applications, authorities, institutions, physicians, type Application } from '../../db/schema/index';
import { auditApplicationEvent, insertEventAfter, recordApplicationEvent, type NewApplicationEvent } from './events';
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
  /**
   * Writes that follow from this transition (e.g. the outbox's notices), as data-modifying CTEs run in the same
   * statement only when the transition is written. Giving any also takes the audit chain's lock in that
   * statement, so it must be the command's last write (modules/audit/flush.ts).
   */
  also?: SQL[];
}

/** Who the application concerns and where it stands, read with the lock for the notices a command sends. */
export interface ApplicationParties {
  physicianName: string | null;
  physicianAccountId: string | null;
  phone: string | null;
  email: string | null;
  institutionName: string | null;
  authorityName: string | null;
}

export interface LockedApplication {
  app: Application;
  access: ApplicationAccess;
  parties: ApplicationParties;
  /** Whether a history entry already carries the idempotency key asked about (false when none was). */
  seen: boolean;
  /** The key `seen` answers for. */
  seenKey?: string;
}

/**
 * Loads and locks an application with the facts its policy and its notices need, in one statement; with an
 * idempotency key, also whether a history entry already carries it (looked for after the lock, so a concurrent
 * double click waits here and then sees the first one's entry). A second call in the same transaction answers
 * from the lock it holds. Not visible → 404.
 */
export async function lockApplication(c: Ctx, actor: AccountActor, id: string, opts: { idempotencyKey?: string } = {}): Promise<LockedApplication> {
  const held = c.locked?.get(`applications:${id}`) as LockedApplication | undefined;
  if (held) {
    if (!canView(actor, held.access)) throw CommonErrors.NOT_FOUND({ detail: '未找到该业务申请' });
    if (!opts.idempotencyKey) return { ...held, seen: false };
    if (held.seenKey === opts.idempotencyKey) return held;
    return { ...held, seen: await keySeen(c, id, opts.idempotencyKey), seenKey: opts.idempotencyKey };
  }
  const key = opts.idempotencyKey ?? null;
  const [row] = await c.tx
    .select({
      app: applications, authorityAreaCode: authorities.areaCode, authorityLevel: authorities.level,
      physicianName: physicians.name, physicianAccountId: physicians.accountId, phone: accounts.phone, email: accounts.email,
      institutionName: institutions.name, authorityName: authorities.name,
      seen: key === null ? sql<boolean>`false` : sql<boolean>`EXISTS (SELECT 1 FROM application_events e
        WHERE e.application_id = ${applications.id} AND e.idempotency_key = ${key})`,
    })
    .from(applications)
    .leftJoin(authorities, eq(authorities.id, applications.authorityId))
    .leftJoin(physicians, eq(physicians.id, applications.physicianId))
    .leftJoin(accounts, eq(accounts.id, physicians.accountId))
    .leftJoin(institutions, eq(institutions.id, applications.institutionId))
    .where(eq(applications.id, id))
    .for('update', { of: applications });
  if (!row) throw CommonErrors.NOT_FOUND({ detail: '未找到该业务申请' });
  const access: ApplicationAccess = { ...row.app, authorityAreaCode: row.authorityAreaCode, authorityLevel: row.authorityLevel };
  const parties: ApplicationParties = {
    physicianName: row.physicianName, physicianAccountId: row.physicianAccountId, phone: row.phone, email: row.email,
    institutionName: row.institutionName, authorityName: row.authorityName,
  };
  const locked: LockedApplication = { app: row.app, access, parties, seen: Boolean(row.seen), seenKey: key ?? undefined };
  c.locked?.set(`applications:${id}`, locked);
  if (!canView(actor, access)) throw CommonErrors.NOT_FOUND({ detail: '未找到该业务申请' });
  return locked;
}

/** After a write to the application outside applyTransition: the lock stays, the held copy is stale. */
export function forgetLockedCopy(c: Ctx, id: string): void {
  c.locked?.delete(`applications:${id}`);
}

async function keySeen(c: Ctx, id: string, key: string): Promise<boolean> {
  const [seen] = await c.tx.select({ id: applicationEvents.id }).from(applicationEvents)
    .where(and(eq(applicationEvents.idempotencyKey, key), eq(applicationEvents.applicationId, id)));
  return Boolean(seen);
}

function orgNameOf(actor: AccountActor): string | null {
  return actor.institutionName ?? actor.authority?.name ?? null;
}

/**
 * The one way an application changes state (architecture § Workflow): lock the row (once per transaction),
 * check the version, apply the workflow table, write the new state and its history entry in one statement and
 * queue the audit entry — all in the caller's transaction. Notifications are written by the caller in the same
 * transaction, or passed as `also` to be written in the transition's statement.
 */
export async function applyTransition(c: Ctx, actor: AccountActor, id: string, action: WorkflowAction, opts: TransitionOptions = {}): Promise<Application> {
  const { app, access, seen } = await lockApplication(c, actor, id, { idempotencyKey: opts.idempotencyKey });
  if (seen) return app;
  const current = { state: app.state, version: app.version };
  // The lock's statement looked for the key in the snapshot it started with: when it waited for a concurrent
  // double click, that one's entry committed meanwhile. A conflict therefore looks again, in a new statement.
  const replay = async () => Boolean(opts.idempotencyKey) && await keySeen(c, id, opts.idempotencyKey!);
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== app.version) {
    if (await replay()) return app;
    throw TransitionErrors.VERSION_CONFLICT({ extra: { current } });
  }
  if (!canAct(actor, access)) {
    throw CommonErrors.FORBIDDEN({ detail: '上级卫生健康行政部门可以查看该业务，但只有审批机关可以作出决定', extra: { current } });
  }
  let next: ApplicationState;
  try {
    next = transitionOrConflict(app.state as ApplicationState, action, actor, current);
  } catch (error) {
    if (await replay()) return app;
    throw error;
  }
  const reason = opts.reason?.trim() || null;
  if (requiresReason(action) && !reason) throw TransitionErrors.REASON_REQUIRED({ path: ['reason'] });

  const now = c.now();
  const patch = Object.fromEntries(Object.entries(opts.patch ?? {}).filter(([, v]) => v !== undefined)) as Partial<Application>;
  const update = c.tx
    .update(applications)
    .set({ ...patch, state: next, version: sql`${applications.version} + 1`, updatedAt: now })
    .where(and(eq(applications.id, id), eq(applications.version, app.version)))
    .returning({ id: applications.id });
  const event: NewApplicationEvent = {
    applicationId: id,
    action,
    fromState: app.state,
    toState: next,
    actorAccountId: actor.accountId,
    actorRole: actor.role,
    actorOrgName: orgNameOf(actor),
    reason,
    idempotencyKey: opts.idempotencyKey ?? null,
    createdAt: now,
  };
  // The new state and its history entry in one statement; the entry exists only if the update matched.
  const written = await insertEventAfter(c, update.getSQL(), event, opts.also ?? []);
  if (!written) throw TransitionErrors.VERSION_CONFLICT({ extra: { current } });
  if (opts.also?.length) c.auditChainLocked = true;
  // The row lock is still held: the row is what was read plus what was just written.
  const updated: Application = { ...app, ...patch, state: next, version: app.version + 1, updatedAt: now };
  const held = c.locked?.get(`applications:${id}`) as LockedApplication | undefined;
  if (held) {
    const keyed = opts.idempotencyKey ? { seen: true, seenKey: opts.idempotencyKey } : { seen: false, seenKey: undefined };
    c.locked!.set(`applications:${id}`, { ...held, ...keyed, app: updated, access: { ...held.access, ...updated } });
  }
  await auditApplicationEvent(c, actor, written, { from: app.state, to: next, reason });
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
