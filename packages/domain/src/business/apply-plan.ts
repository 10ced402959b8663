/**
 * Applies a plan's steps to a physician snapshot: what the records will look like after the decision. The web
 * previews an application with it and the tests walk every definition through it; the server writes the same steps
 * to the database instead.
 */
import type {
  CertificateSnapshot, FilingSnapshot, PhysicianSnapshot, RegistrationSnapshot,
} from '../registration/physician-snapshot';
import { OPENED, type LicencePlan, type PlanStep, type RecordRef } from './plan-approval';

export interface ApplyOptions {
  /** Ids for new records (default: 'new-registration-1', 'new-filing-1', …). */
  newId?: (kind: 'registration' | 'filing' | 'certificate') => string;
  /** The 执业证书编码 of a new licence (the server allocates the serial); default null. */
  licenceCode?: (licence: LicencePlan) => string | null;
}

export interface AppliedPlan {
  physician: PhysicianSnapshot;
  openedRegistrationId?: string;
}

export function applyPlan(physician: PhysicianSnapshot, steps: readonly PlanStep[], opts: ApplyOptions = {}): AppliedPlan {
  const counters = { registration: 0, filing: 0, certificate: 0 };
  const newId = opts.newId ?? ((kind) => `new-${kind}-${++counters[kind]}`);
  const licenceCode = opts.licenceCode ?? (() => null);
  const registrations = new Map<string, RegistrationSnapshot>(physician.registrations.map((r) => [r.id, r]));
  const filings = new Map<string, FilingSnapshot>(physician.filings.map((f) => [f.id, f]));
  const certificates = new Map<string, CertificateSnapshot>(physician.certificates.map((c) => [c.id, c]));
  let openedId: string | undefined;
  const resolve = (ref: RecordRef): string => (ref === OPENED ? openedId ?? OPENED : ref);

  for (const step of steps) {
    switch (step.kind) {
      case 'registration': {
        const r = registrations.get(step.registrationId)!;
        const c = step.changes ?? {};
        registrations.set(r.id, {
          ...r, status: step.to,
          ...(c.category ? { category: c.category } : {}), ...(c.scopes ? { scopes: c.scopes } : {}),
          ...(c.qualificationId !== undefined ? { qualificationId: c.qualificationId } : {}),
          ...(step.licence ? { licenceCode: licenceCode(step.licence) } : {}),
        });
        break;
      }
      case 'cancel': {
        // What cancelRegistration writes: the record 注销, its certificate 已废止, its 有效 filings ended.
        const r = registrations.get(step.registrationId)!;
        registrations.set(r.id, { ...r, status: step.to });
        for (const f of filings.values()) if (f.registrationId === r.id && f.status === 'active') filings.set(f.id, { ...f, status: 'revoked' });
        for (const c of certificates.values()) if (c.registrationId === r.id && c.status === 'issued') certificates.set(c.id, { ...c, status: 'voided' });
        break;
      }
      case 'open_registration': {
        const { licence, seniorityFrom: _s, replaces: _r, ...items } = step.registration;
        openedId = newId('registration');
        registrations.set(openedId, { ...items, id: openedId, status: 'valid', licenceCode: licenceCode(licence) });
        break;
      }
      case 'filing': {
        const registrationId = resolve(step.registrationId);
        if (step.filingId === null) {
          const id = newId('filing');
          filings.set(id, { ...step.items!, id, registrationId, status: step.to });
        } else {
          const f = filings.get(step.filingId)!;
          filings.set(f.id, { ...f, ...(step.items ?? {}), registrationId, status: step.to });
        }
        break;
      }
      case 'certificate': {
        const registrationId = resolve(step.registrationId);
        if (step.certificateId === null) {
          const id = newId('certificate');
          const code = registrations.get(registrationId)?.licenceCode ?? null;
          certificates.set(id, { id, registrationId, status: step.to, licenceCode: code, issuedOn: step.issuedOn! });
        } else {
          const c = certificates.get(step.certificateId)!;
          certificates.set(c.id, { ...c, status: step.to });
        }
        break;
      }
    }
  }
  return {
    physician: { ...physician, registrations: [...registrations.values()], filings: [...filings.values()], certificates: [...certificates.values()] },
    ...(openedId ? { openedRegistrationId: openedId } : {}),
  };
}
