/**
 * Whether a physician may practise a scope at an institution on a date, read from the records alone —
 * 《医师法》第十四条: practice must match the registered 执业地点, 执业类别 and 执业范围. It is allowed at the main
 * institution of a 有效 registration holding that scope, or at an institution filed on a 有效 registration while the
 * filing is in force and names the scope.
 *
 * A pending application changes none of these records, so nothing it asks for counts until it is approved
 * (domain §2.2 BT-03: once the old items are changed the physician may not practise under the new items before they
 * are approved).
 */
import type { IsoDate } from '../calendar/iso-date';
import { filingInForce } from './filing-lifecycle';
import type { PhysicianSnapshot } from './physician-snapshot';

export function mayPractise(physician: PhysicianSnapshot, at: { institutionId: string; scope: string; date: IsoDate }): boolean {
  const valid = physician.registrations.filter((r) => r.status === 'valid');
  if (valid.some((r) => r.mainInstitution.id === at.institutionId && r.scopes.includes(at.scope))) return true;
  const validIds = new Set(valid.map((r) => r.id));
  return physician.filings.some((f) =>
    validIds.has(f.registrationId) && f.institution.id === at.institutionId && f.scopes.includes(at.scope) && filingInForce(f, at.date));
}
