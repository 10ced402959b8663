/**
 * The 审核表 rows of an application, old → new: the record it starts from against the record as the decision would
 * leave it (the plan of plan-approval.ts applied to the snapshot), for the fields its definition names.
 */
import { PHYSICIAN_LEVEL_INFO } from '../reference/physician-levels';
import { PRACTICE_CATEGORY_INFO } from '../reference/practice-categories';
import { getScope } from '../reference/practice-scopes';
import { regionFullName } from '../regions/regions';
import { CANCELLATION_GROUND_INFO } from '../registration/cancellation-grounds';
import { CERTIFICATE_STATUS_LABELS } from '../registration/certificate-lifecycle';
import { FILING_STATUS_LABELS } from '../registration/filing-lifecycle';
import type { FilingSnapshot, PhysicianSnapshot, RegistrationSnapshot } from '../registration/physician-snapshot';
import { REGISTRATION_STATUS_LABELS } from '../registration/registration-status';
import { applyPlan } from './apply-plan';
import type { BusinessContext, BusinessDefinition } from './definition';
import { planEffects, proposedFilingOf, type PlanStep } from './plan-approval';
import { REVIEW_FIELD_LABELS, type ReviewField } from './review-fields';
import { findFiling, findRegistration } from './subject-rules';

export interface ReviewRow {
  field: ReviewField;
  label: string;
  old: string | null;
  new: string | null;
  changed: boolean;
}

/** One row's two values, old → new. */
export interface ReviewRowValue {
  old: string | null;
  new: string | null;
}

export interface ApprovalPreview {
  steps: PlanStep[];
  after: PhysicianSnapshot;
  openedRegistrationId?: string;
}

/** What 准予 would do today — for a BT-05 新增 not yet submitted, as if it had been. */
export function previewApproval<F>(def: BusinessDefinition<F>, ctx: BusinessContext<F>): ApprovalPreview {
  let physician = ctx.physician;
  const proposal = def.proposal(ctx.form, physician);
  if (def.effects(ctx.form).submit && !proposedFilingOf(physician, proposal)) {
    physician = applyPlan(physician, planEffects(def, ctx, 'submit')).physician;
  }
  const steps = planEffects(def, { ...ctx, physician }, 'approve');
  const applied = applyPlan(physician, steps);
  return { steps, after: applied.physician, ...(applied.openedRegistrationId ? { openedRegistrationId: applied.openedRegistrationId } : {}) };
}

const scopesText = (scopes: readonly string[]) => scopes.map((s) => getScope(s)?.name ?? s).join('、');

function registrationValue(field: ReviewField, r: RegistrationSnapshot | undefined): string | null {
  if (!r) return null;
  switch (field) {
    case 'level': return PHYSICIAN_LEVEL_INFO[r.level].label;
    case 'practiceLocation': return regionFullName(r.practiceLocationCode) ?? r.practiceLocationCode;
    case 'mainInstitution': return r.mainInstitution.name;
    case 'category': return PRACTICE_CATEGORY_INFO[r.category].fullLabel;
    case 'scopes': return scopesText(r.scopes);
    case 'licenceCode': return r.licenceCode;
    case 'registrationStatus': return REGISTRATION_STATUS_LABELS[r.status];
    default: return null;
  }
}

function filingValue(field: ReviewField, f: FilingSnapshot | undefined): string | null {
  if (!f) return null;
  const ended = f.status === 'revoked' || f.status === 'expired' ? `（${FILING_STATUS_LABELS[f.status]}）` : '';
  switch (field) {
    case 'filingInstitution': return `${f.institution.name}${ended}`;
    case 'filingScopes': return scopesText(f.scopes);
    case 'filingPeriod': return `${f.validFrom} 至 ${f.validTo}`;
    default: return null;
  }
}

export function reviewRows<F>(def: BusinessDefinition<F>, ctx: BusinessContext<F>): ReviewRow[] {
  const proposal = def.proposal(ctx.form, ctx.physician);
  const preview = previewApproval(def, ctx);
  const before = findRegistration(ctx.physician, proposal.registrationId);
  const after = findRegistration(preview.after, preview.openedRegistrationId ?? proposal.registrationId);
  const filingBefore = findFiling(ctx.physician, proposal.filingId);
  const filingAfter = findFiling(preview.after, proposal.filingId) ?? proposedFilingOf(preview.after, proposal)
    ?? preview.after.filings.find((f) => f.status === 'active' && f.registrationId === proposal.registrationId && f.institution.id === proposal.institutionId);
  const newLicence = preview.steps.flatMap((s) => (s.kind === 'registration' || s.kind === 'open_registration'
    ? [s.kind === 'registration' ? s.licence : s.registration.licence] : [])).find((l) => l !== undefined);

  return def.reviewFields(ctx.form).map((field) => {
    let oldValue: string | null;
    let newValue: string | null;
    const own = def.reviewValue?.(field, ctx);
    if (own) {
      oldValue = own.old;
      newValue = own.new;
    } else if (field === 'certificate') {
      const issued = ctx.physician.certificates.find((c) => c.registrationId === before?.id && c.status === 'issued');
      oldValue = issued ? `${issued.licenceCode ?? ''}（${CERTIFICATE_STATUS_LABELS.issued}，${issued.issuedOn}核发）` : null;
      const voided = issued && preview.after.certificates.find((c) => c.id === issued.id)?.status === 'voided';
      newValue = voided ? `原证书${CERTIFICATE_STATUS_LABELS.voided}` : `补发/换领新证书，原证书${CERTIFICATE_STATUS_LABELS.superseded}`;
    } else if (field === 'cancellationTrigger') {
      oldValue = null;
      newValue = proposal.cancellation?.triggerOn ?? null;
    } else if (field === 'cancellationGround') {
      const ground = proposal.cancellation?.ground;
      oldValue = null;
      newValue = ground ? `${CANCELLATION_GROUND_INFO[ground].label}（${CANCELLATION_GROUND_INFO[ground].basis}）` : null;
    } else if (field.startsWith('filing')) {
      oldValue = filingValue(field, filingBefore);
      newValue = filingValue(field, filingAfter);
    } else {
      oldValue = registrationValue(field, before);
      newValue = field === 'licenceCode' && newLicence ? `准予后核发新编码（前9位 ${newLicence.prefix}）` : registrationValue(field, after);
    }
    return { field, label: REVIEW_FIELD_LABELS[field], old: oldValue, new: newValue, changed: oldValue !== newValue };
  });
}
