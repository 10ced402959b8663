import { and, eq } from 'drizzle-orm';
import { DomainError, allowedActions, APPLICATION_STATE_LABELS, type ApplicationState } from '@medreg/domain';
import { inTransaction, reading, type Deps } from '../../context';
import type { AccountActor } from '../../http/actor';
import { applicationEvents, type Application } from '../../db/schema/index';
import { applyTransition, lockApplication } from '../applications/transition';
import { selectApplicationRecord } from './application-queries';
import { getApplicationDetail } from './application-view';
import { abandonBusiness } from '../lifecycle/business-decision';
import { notifyApplicant, notifyAuthorityStaff, type InstitutionAction } from './decision-notices';

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
    // Lock first, then look for the key: a concurrent double click waits here and then sees the first one's history row.
    await lockApplication(c, actor, id);
    if (key) {
      const [seen] = await c.tx.select({ id: applicationEvents.id }).from(applicationEvents)
        .where(and(eq(applicationEvents.idempotencyKey, key), eq(applicationEvents.applicationId, id)));
      if (seen) return;
    }
    const reason = input.reason?.trim() || null;
    let updated: Application;
    try {
      updated = await applyTransition(c, actor, id, action, {
        reason, expectedVersion: input.expectedVersion, idempotencyKey: key, patch: patchFor(action, c.now(), reason),
      });
    } catch (error) {
      throw withCurrentState(error, actor);
    }
    if (action === 'institution_refuse') await abandonBusiness(c, actor, updated);
    const record = (await selectApplicationRecord(c, id))!;
    const facts = { app: updated, institutionName: record.institutionName ?? '', authorityName: record.authorityName ?? '卫生健康行政部门', reason };
    await notifyApplicant(c, action, facts, { accountId: record.physician.accountId, phone: record.phone, email: record.email });
    if (action === 'institution_approve' || action === 'resubmit_correction') {
      await notifyAuthorityStaff(c, action, { ...facts, physicianName: record.physician.name });
    }
  });
  return getApplicationDetail(reading(deps), actor, id);
}
