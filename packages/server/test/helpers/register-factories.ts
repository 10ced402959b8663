// Factories for the certificate and public-register tests: a physician with a registration at an institution.
import { eq } from 'drizzle-orm';
import { provinceCodeOf } from '@medreg/domain';
import type { Deps } from '../../src/context';
import { inTransaction } from '../../src/context';
import { authorities, registrations, type Category, type Level, type RegistrationStatus } from '../../src/db/schema/index';
import { nextLicenceCode } from '../../src/modules/registrations/licence-serial';
import { randomToken } from '../../src/security/tokens';
import { createRegistration } from '../../src/seed/builders';
import { makePhysician } from './factories';

/** A registration of an existing physician at an institution, approved by the institution's authority. */
export async function makeRegistration(deps: Deps, o: {
  physicianId: string; qualificationId?: string | null; institution: { id: string; areaCode: string; approvingAuthorityId: string };
  level?: Level; category?: Category; scopes?: string[]; status?: RegistrationStatus; applicationId?: string | null; withToken?: boolean;
}) {
  const level = o.level ?? 'physician';
  const category = o.category ?? 'clinical';
  return inTransaction(deps, async (c) => {
    const [authority] = await c.tx.select().from(authorities).where(eq(authorities.id, o.institution.approvingAuthorityId));
    const registration = await createRegistration(c, {
      physicianId: o.physicianId, qualificationId: o.qualificationId ?? null, level, category, scopes: o.scopes ?? ['11', '21'],
      practiceLocationCode: level === 'physician' ? provinceCodeOf(o.institution.areaCode) : o.institution.areaCode,
      mainInstitutionId: o.institution.id, authorityId: authority!.id,
      licenceCode: await nextLicenceCode(c, { level, category, areaCode: authority!.areaCode }),
      approvedOn: '2026-03-15', status: o.status ?? 'valid',
      ...(o.withToken === false ? {} : { verifyToken: randomToken(16) }),
    });
    if (o.applicationId) {
      await c.tx.update(registrations).set({ applicationId: o.applicationId }).where(eq(registrations.id, registration.id));
    }
    return { ...registration, applicationId: o.applicationId ?? null };
  });
}

/** A physician with an account and one registration at the institution. */
export async function makeRegisteredPhysician(deps: Deps, institution: { id: string; areaCode: string; approvingAuthorityId: string }, o: {
  name?: string; status?: RegistrationStatus; scopes?: string[]; withToken?: boolean; idNumber?: string;
} = {}) {
  const doctor = await makePhysician(deps, { name: o.name, idNumber: o.idNumber });
  const registration = await makeRegistration(deps, {
    physicianId: doctor.physician.id, qualificationId: doctor.qualification.id, institution, status: o.status, scopes: o.scopes, withToken: o.withToken,
  });
  return { ...doctor, registration };
}

export async function setRegistrationStatus(deps: Deps, registrationId: string, status: RegistrationStatus, since = new Date()) {
  await deps.db.update(registrations).set({ status, statusSince: since }).where(eq(registrations.id, registrationId));
}
