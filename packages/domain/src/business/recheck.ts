/**
 * The rules of a definition's `recheckAtDecision`, run when the authority decides (recheck-rules.ts): on the records
 * as they are then, with the fingerprints stored at submission (registration/fingerprint.ts).
 */
import type { DomainError } from '../errors';
import { filingFingerprint, registrationFingerprint } from '../registration/fingerprint';
import type { PhysicianSnapshot } from '../registration/physician-snapshot';
import { BusinessErrors } from './business-errors';
import type { BusinessContext, BusinessDefinition, Proposal } from './definition';
import { eligibilityRefusals } from './eligibility';
import { findFiling, findRegistration, proposedInstitution } from './subject-rules';

export interface SubmittedState {
  registrationFingerprint?: string;
  filingFingerprint?: string;
}

/** What to store with the application at submission. */
export function submittedStateOf<F>(def: BusinessDefinition<F>, ctx: BusinessContext<F>): SubmittedState {
  const p = def.proposal(ctx.form, ctx.physician);
  const registration = findRegistration(ctx.physician, p.registrationId);
  const filing = findFiling(ctx.physician, p.filingId);
  return {
    ...(registration ? { registrationFingerprint: registrationFingerprint(registration) } : {}),
    ...(filing ? { filingFingerprint: filingFingerprint(filing) } : {}),
  };
}

/** The snapshot without the application being decided among the pending ones. */
function withoutOwnApplication<F>(def: BusinessDefinition<F>, physician: PhysicianSnapshot, p: Proposal): PhysicianSnapshot {
  const i = physician.pending.findIndex((x) => x.type === def.type
    && (x.registrationId ?? undefined) === p.registrationId && (x.filingId ?? undefined) === p.filingId);
  return i < 0 ? physician : { ...physician, pending: physician.pending.filter((_, j) => j !== i) };
}

export function recheckAtDecision<F>(def: BusinessDefinition<F>, ctx: BusinessContext<F>, submitted: SubmittedState): DomainError[] {
  const p = def.proposal(ctx.form, ctx.physician);
  const registration = findRegistration(ctx.physician, p.registrationId);
  const errors: DomainError[] = [];
  for (const rule of def.recheckAtDecision) {
    switch (rule) {
      case 'qualification_valid': {
        const id = p.qualificationId ?? registration?.qualificationId ?? undefined;
        if (id !== undefined && !ctx.physician.qualifications.some((q) => q.id === id && q.status === 'valid')) {
          errors.push(BusinessErrors.QUALIFICATION_NO_LONGER_VALID({ path: ['qualificationId'] }));
        }
        break;
      }
      case 'registration_unchanged':
        if (p.registrationId !== undefined && (!registration || registrationFingerprint(registration) !== submitted.registrationFingerprint)) {
          errors.push(BusinessErrors.REGISTRATION_CHANGED_SINCE_SUBMISSION({ path: ['registrationId'] }));
        }
        break;
      case 'filing_unchanged': {
        const filing = findFiling(ctx.physician, p.filingId);
        if (p.filingId !== undefined && (!filing || filingFingerprint(filing) !== submitted.filingFingerprint)) {
          errors.push(BusinessErrors.FILING_CHANGED_SINCE_SUBMISSION({ path: ['filingId'] }));
        }
        break;
      }
      case 'institution_active':
        if (proposedInstitution(ctx, p)?.active === false) errors.push(BusinessErrors.INSTITUTION_INACTIVE({ path: ['institutionId'] }));
        break;
      case 'rules_still_met': {
        const physician = withoutOwnApplication(def, ctx.physician, p);
        errors.push(...eligibilityRefusals(def, physician, p, ctx.today), ...def.checkApplication({ ...ctx, physician, stage: 'decision' }));
        break;
      }
    }
  }
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.code) ? false : (seen.add(e.code), true)));
}
