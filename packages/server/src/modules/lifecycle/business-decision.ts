/**
 * The authority's 准予 on the generic path, and what an abandoned application undoes: both read the definition's
 * effects and apply them through the lifecycle tables (apply-plan.ts) in the decision's transaction. 准予 first
 * checks the definition's `recheckAtDecision` rules on the records as they are now — a qualification revoked or a
 * registration changed since submission is refused with the reason, and nothing is written.
 */
import { eq } from 'drizzle-orm';
import {
  CERTIFICATE_STATUS_LABELS, REGISTRATION_STATUS_LABELS, decision, planApproval, planEffects, recheckAtDecision, todayInChina,
  type PlanStep,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { physicians, registrations, type Application } from '../../db/schema/index';
import type { AuditActor } from '../audit/service';
import { applyPlan, type AppliedPlan } from './apply-plan';
import { businessContext, definitionOf, isFormBusiness, type BusinessPayload } from './business-context';
import { parseBusinessForm, throwRefusals } from './refusals';

async function physicianOf(c: Ctx, app: Application) {
  const [p] = await c.tx.select().from(physicians).where(eq(physicians.id, app.physicianId)).limit(1);
  return p!;
}

/** Applies 准予 for `app` (locked by the caller, in the state the workflow allows): the plan, then a summary line. */
export async function approveBusiness(c: Ctx, actor: AccountActor, app: Application): Promise<{ applied: AppliedPlan; outcome: string; approvedOn: string }> {
  const def = definitionOf(app.businessType);
  const payload = app.payload as unknown as BusinessPayload;
  const form = parseBusinessForm(def.form, payload.form);
  const physician = await physicianOf(c, app);
  const ctx = await businessContext(c, physician, def, form, { stage: 'decision', lock: true, app });
  throwRefusals(recheckAtDecision(def, ctx, payload.submitted ?? {}));
  const approvedOn = todayInChina(c.now());
  const steps = planApproval(def, ctx, approvedOn);
  const department = typeof (form as { department?: unknown }).department === 'string' ? (form as { department: string }).department : undefined;
  const applied = await applyPlan(c, steps, { physicianId: app.physicianId, applicationId: app.id, actor, cause: decision(def.type), ...(department ? { department } : {}) });
  return { applied, outcome: await outcomeOf(c, steps, applied), approvedOn };
}

/** One sentence for the notice: the new registration's 执业证书编码, what happened to the old one, the filing, the certificate. */
async function outcomeOf(c: Ctx, steps: readonly PlanStep[], applied: AppliedPlan): Promise<string> {
  const parts: string[] = [];
  if (applied.openedRegistrationId) {
    const [r] = await c.tx.select({ licenceCode: registrations.licenceCode }).from(registrations).where(eq(registrations.id, applied.openedRegistrationId));
    parts.push(`新的执业注册已生效，医师执业证书编码${r?.licenceCode ?? ''}`);
  }
  for (const s of steps) {
    if (s.kind === 'registration' && s.from !== s.to) parts.push(`原执业注册状态变为「${REGISTRATION_STATUS_LABELS[s.to]}」`);
    if (s.kind === 'registration' && s.from === s.to) parts.push('执业注册事项已变更');
    if (s.kind === 'filing' && s.event === 'approve') parts.push('多机构备案已生效');
    if (s.kind === 'filing' && s.event === 'modify') parts.push('备案已修改');
    if (s.kind === 'filing' && s.event === 'end') parts.push('备案已终止');
    if (s.kind === 'certificate' && s.event === 'supersede') parts.push(`原执业证书${CERTIFICATE_STATUS_LABELS.superseded}`);
    if (s.kind === 'certificate' && s.event === 'issue') parts.push('新的电子化执业证书可在「执业注册」中下载');
  }
  return parts.length ? `${[...new Set(parts)].join('；')}。` : '';
}

/**
 * 不予, 机构不同意 or 撤回 of a submitted application: its `abandon` effects (a 多机构备案 新增's filing 申请中 → 撤销).
 * A draft has no effects to undo; an application off the generic path has none.
 */
export async function abandonBusiness(c: Ctx, actor: AuditActor, app: Application): Promise<void> {
  if (!isFormBusiness(app) || app.submittedAt === null) return;
  const def = definitionOf(app.businessType);
  if (!def.effects(parseBusinessForm(def.form, (app.payload as unknown as BusinessPayload).form)).abandon) return;
  const payload = app.payload as unknown as BusinessPayload;
  const form = parseBusinessForm(def.form, payload.form);
  const ctx = await businessContext(c, await physicianOf(c, app), def, form, { lock: true, app });
  await applyPlan(c, planEffects(def, ctx, 'abandon'), {
    physicianId: app.physicianId, applicationId: app.id, actor, cause: { kind: 'application', business: def.type, step: 'abandon' },
  });
}
