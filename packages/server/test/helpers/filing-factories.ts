// A multi-site filing (多机构备案, BT-05) inserted directly, for tests of what reads filings.
import type { Deps } from '../../src/context';
import { multiSiteFilings, type MultiSiteFiling } from '../../src/db/schema/index';

export async function makeFiling(deps: Deps, o: {
  registration: { id: string; physicianId: string };
  institution: { id: string; approvingAuthorityId: string };
  scopes?: string[]; validFrom?: string; validTo: string; status?: MultiSiteFiling['status'];
}): Promise<MultiSiteFiling> {
  const [row] = await deps.db.insert(multiSiteFilings).values({
    physicianId: o.registration.physicianId, registrationId: o.registration.id, institutionId: o.institution.id,
    authorityId: o.institution.approvingAuthorityId, scopes: o.scopes ?? ['11'], validFrom: o.validFrom ?? '2026-01-01', validTo: o.validTo,
    status: o.status ?? 'active',
  }).returning();
  return row!;
}
