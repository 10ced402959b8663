import type { SQL } from 'drizzle-orm';
import { DomainError, allowedActions, APPLICATION_STATE_LABELS, type ApplicationState } from '@medreg/domain';
import { inTransaction, reading, type Deps } from '../../context';
import type { AccountActor } from '../../http/actor';
import type { Application } from '../../db/schema/index';
import { applyTransition, lockApplication } from '../applications/transition';
import { getApplicationDetail } from './application-view';
import { abandonBusiness } from '../lifecycle/business-decision';
import { applicantNoticeSql, authorityStaffNoticeSql, notifyApplicant, type InstitutionAction } from './decision-notices';

export interface DecisionInput {
  /** The version the clerk saw (optimistic lock). */
  expectedVersion: number;
  /** 不同意 / 退回修改: required; 同意: an optional opinion printed on the 审核表. */
  reason?: string;
  /** The Idempotency-Key header: a double click records one decision. */
  idempotencyKey?: string;
}

/** The facts written with each action besides the new state. */
function patchFor(action: InstitutionAction, now: Date, reason: string | null): Partial<Application> {
  switch (action) {
    case 'institution_approve':
      return { institutionDecidedAt: now };
    case 'institution_refuse':
      // 《医师法》第十六条 (read for the institution's refusal too [M]): a refusal states its reasons.
      return { institutionDecidedAt: now, decisionReasons: reason };
    case 'institution_return':
      return { institutionDecidedAt: now };
    case 'resubmit_correction':
      return {};
  }
}

/** A refusal of a stale or repeated decision says what the record looks like now and what may be done. */
function withCurrentState(error: unknown, actor: AccountActor): unknown {
  if (!(error instanceof DomainError) || (error.code !== 'VERSION_CONFLICT' && error.code !== 'WORKFLOW_ACTION_NOT_ALLOWED')) return error;
  const current = error.extra?.current as { state: ApplicationState; version: number } | undefined;
  if (!current) return error;
  return new DomainError({
    code: error.code, status: error.status, title: error.title, titleEn: error.titleEn, detail: error.message, path: error.path,
    extra: {
      ...error.extra,
      current: { ...current, stateLabel: APPLICATION_STATE_LABELS[current.state] ?? current.state },
      allowedActions: allowedActions(current.state, actor.role),
    },
  });
}

/**
 * 【同意】【不同意】【退回修改】 (seed 第四步) and 补正后重新提交: one transaction — lock, version check,
 * workflow table, new state, history, audit (applyTransition), then the notices through the outbox.
 * 同意 forwards the application to the deciding authority already stored on it (the institution's
 * approving authority, 《医师执业注册管理办法》第九条) and tells that authority's staff.
 */
export async function decideApplication(deps: Deps, actor: AccountActor, id: string, action: InstitutionAction, input: DecisionInput) {
  const key = input.idempotencyKey ? `institution:${actor.accountId}:${input.idempotencyKey}` : undefined;
  await inTransaction(deps, async (c) => {
    // Lock and read once: the row, what the policy and the notices need, and whether this key was seen.
    const { app, parties, seen } = await lockApplication(c, actor, id, { idempotencyKey: key });
    if (seen) return;
    const reason = input.reason?.trim() || null;
    const facts = { app, institutionName: parties.institutionName ?? '', authorityName: parties.authorityName ?? '卫生健康行政部门', reason };
    const to = { accountId: parties.physicianAccountId, phone: parties.phone, email: parties.email };
    const toStaff = action === 'institution_approve' || action === 'resubmit_correction';
    // A refusal abandons the business after the transition; otherwise the notices are the last write and go
    // into the transition's own statement.
    const refusal = action === 'institution_refuse';
    const also = refusal ? [] : [
      applicantNoticeSql(c, action, facts, to),
      toStaff ? authorityStaffNoticeSql(action, { ...facts, physicianName: parties.physicianName ?? '' }) : undefined,
    ].filter((s): s is SQL => s !== undefined);
    let updated: Application;
    try {
      updated = await applyTransition(c, actor, id, action, {
        reason, expectedVersion: input.expectedVersion, idempotencyKey: key, patch: patchFor(action, c.now(), reason), also,
      });
    } catch (error) {
      throw withCurrentState(error, actor);
    }
    // Unchanged version: a concurrent double click with this key decided first (applyTransition replayed it).
    if (updated.version === app.version) return;
    if (refusal) {
      await abandonBusiness(c, actor, updated);
      await notifyApplicant(c, action, { ...facts, app: updated }, to);
    }
  });
  return getApplicationDetail(reading(deps), actor, id);
}
