/** Look-ups and checks the definitions share: the record an application starts from, the qualification, the institution. */
import { DomainError } from '../errors';
import { PHYSICIAN_LEVEL_INFO, type PhysicianLevel } from '../reference/physician-levels';
import { PRACTICE_CATEGORY_INFO, type PracticeCategory } from '../reference/practice-categories';
import { provinceCodeOf } from '../regions/regions';
import { institutionSuspendedText } from '../institution/institution-status';
import { checkScopeSelection } from '../reference/scope-selection';
import type {
  FilingSnapshot, InstitutionRef, PhysicianSnapshot, QualificationSnapshot, RegistrationSnapshot,
} from '../registration/physician-snapshot';
import { REGISTRATION_STATUS_LABELS, holdsPracticeLocation, type RegistrationStatus } from '../registration/registration-status';
import { BusinessErrors } from './business-errors';
import type { BusinessContext, Proposal } from './definition';

/** Runs a check that throws DomainError and returns what it threw. */
export function collect(check: () => unknown): DomainError[] {
  return attempt(check).errors;
}

/** Runs a function that throws DomainError: its value, or what it threw. */
export function attempt<T>(fn: () => T): { value?: T; errors: DomainError[] } {
  try {
    return { value: fn(), errors: [] };
  } catch (e) {
    if (e instanceof DomainError) return { errors: [e] };
    throw e;
  }
}

export function findRegistration(physician: PhysicianSnapshot, id: string | undefined): RegistrationSnapshot | undefined {
  return id === undefined ? undefined : physician.registrations.find((r) => r.id === id);
}

export function findFiling(physician: PhysicianSnapshot, id: string | undefined): FilingSnapshot | undefined {
  return id === undefined ? undefined : physician.filings.find((f) => f.id === id);
}

/** The registration an application starts from, refused unless it is in one of `allowed`. */
export function subjectRegistration(
  physician: PhysicianSnapshot, id: string | undefined, allowed: readonly RegistrationStatus[],
): { registration?: RegistrationSnapshot; errors: DomainError[] } {
  const registration = findRegistration(physician, id);
  if (!registration) return { errors: [BusinessErrors.REGISTRATION_NOT_FOUND({ path: ['registrationId'] })] };
  if (!allowed.includes(registration.status)) {
    return {
      registration,
      errors: [BusinessErrors.REGISTRATION_NOT_VALID({
        path: ['registrationId'],
        detail: `该注册为「${REGISTRATION_STATUS_LABELS[registration.status]}」状态，此项业务须为「${allowed.map((s) => REGISTRATION_STATUS_LABELS[s]).join('」或「')}」状态的注册`,
      })],
    };
  }
  return { registration, errors: [] };
}

export function validQualification(physician: PhysicianSnapshot, id: string | undefined): QualificationSnapshot | undefined {
  return physician.qualifications.find((q) => q.id === id && q.status === 'valid');
}

/** A valid qualification of that level and category, if the physician holds one. */
export function qualificationOf(physician: PhysicianSnapshot, level: PhysicianLevel, category: PracticeCategory): QualificationSnapshot | undefined {
  return physician.qualifications.find((q) => q.status === 'valid' && q.level === level && q.category === category);
}

export function qualificationLabel(level: PhysicianLevel, category: PracticeCategory): string {
  return `${PRACTICE_CATEGORY_INFO[category].label}${PHYSICIAN_LEVEL_INFO[level].label}资格`;
}

/** Provinces where the physician holds a registration (有效、中止、备案), leaving out `exceptId`. */
export function heldProvinces(physician: PhysicianSnapshot, exceptId?: string): Set<string> {
  return new Set(physician.registrations
    .filter((r) => r.id !== exceptId && holdsPracticeLocation(r.status))
    .map((r) => provinceCodeOf(r.practiceLocationCode)));
}

/** The institution the proposal names: the one the server loaded, else the current main or filed one when it is that. */
export function proposedInstitution(ctx: BusinessContext<unknown>, proposal: Proposal): InstitutionRef | undefined {
  const id = proposal.institutionId;
  if (id === undefined) return undefined;
  if (ctx.institution?.id === id) return ctx.institution;
  const current = findRegistration(ctx.physician, proposal.registrationId);
  if (current?.mainInstitution.id === id) return current.mainInstitution;
  const filing = findFiling(ctx.physician, proposal.filingId);
  return filing?.institution.id === id ? filing.institution : undefined;
}

/** The proposed institution, refused when it is unknown or not active. Path ['institutionId']. */
export function requireInstitution(ctx: BusinessContext<unknown>, proposal: Proposal): { institution?: InstitutionRef; errors: DomainError[] } {
  const institution = proposedInstitution(ctx, proposal);
  if (!institution) return { errors: [BusinessErrors.INSTITUTION_REQUIRED({ path: ['institutionId'] })] };
  if (institution.active === false) {
    return { institution, errors: [BusinessErrors.INSTITUTION_INACTIVE({ path: ['institutionId'], detail: institutionSuspendedText(institution.name) })] };
  }
  return { institution, errors: [] };
}

/**
 * 执业范围 at an institution (卫医发〔2001〕169号, reference/scope-selection.ts): one speciality, up to 3 for clinicians
 * at county-level-and-below institutions, and the cross-category rule for holders of both qualifications.
 */
export function scopeRefusals(physician: PhysicianSnapshot, category: PracticeCategory, scopes: readonly string[], institution: InstitutionRef): DomainError[] {
  const holds = (c: PracticeCategory) => physician.qualifications.some((q) => q.status === 'valid' && q.category === c);
  return collect(() => checkScopeSelection({
    category, scopeCodes: scopes, grassroots: institution.grassroots === true,
    hasPublicHealthQualification: holds('public_health'), hasClinicalQualification: holds('clinical'),
  }));
}
