/**
 * What a decision was asked about, as a string to compare: the application stores the fingerprint of the record it
 * starts from when it is submitted, and the decision re-checks it (../business/recheck.ts). A registration that
 * changed in between — another decision, a suspension, a filing — is not decided on stale data.
 */
import type { FilingSnapshot, RegistrationSnapshot } from './physician-snapshot';

export function registrationFingerprint(r: RegistrationSnapshot): string {
  return JSON.stringify([
    r.id, r.status, r.level, r.category, [...r.scopes].sort(), r.practiceLocationCode, r.mainInstitution.id, r.authority.id, r.licenceCode,
  ]);
}

export function filingFingerprint(f: FilingSnapshot): string {
  return JSON.stringify([f.id, f.registrationId, f.status, f.institution.id, [...f.scopes].sort(), f.validFrom, f.validTo]);
}
