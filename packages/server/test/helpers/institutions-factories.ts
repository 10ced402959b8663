// Factories for the 医疗机构端 tests: registered physicians of an institution, applications at given times.
import { eq } from 'drizzle-orm';
import { provinceCodeOf } from '@medreg/domain';
import type { Deps } from '../../src/context';
import { inTransaction } from '../../src/context';
import { accounts, applications, physicians, type Application, type Level } from '../../src/db/schema/index';
import { nextLicenceCode } from '../../src/modules/registrations/licence-serial';
import { createPhysicianRecord, createRegistration } from '../../src/seed/builders';
import { makeIdNumber, makePhysician, makeQualification, makeApplication } from './factories';
import { samplePhotoPng } from '../../src/pdf/test-fixtures';

type InstitutionFixture = { institution: { id: string; areaCode: string; name: string }; authorityId: string };

export type AccountState = 'none' | 'unverified' | 'verified' | 'active';

let n = 0;

/**
 * A physician with a registration whose main institution is `at`, and an account in the given state
 * ('none' = registered physician without an e-registration account; 'verified' = phone verified).
 */
export async function makeRegisteredPhysician(deps: Deps, at: InstitutionFixture, o: {
  name?: string; account?: AccountState; level?: Level; status?: 'valid' | 'suspended' | 'cancelled' | 'filed' | 'transferred_out';
  practiceLocationCode?: string; email?: boolean;
} = {}) {
  const account = o.account ?? 'verified';
  const level = o.level ?? 'physician';
  const name = o.name ?? `王${'一二三四五六七八九十'[n++ % 10]}医`;
  let physicianId: string;
  let idNumber: string;
  let accountId: string | null = null;
  let phone: string | null = null;
  let email: string | null = null;
  if (account === 'none') {
    idNumber = makeIdNumber();
    const p = await inTransaction(deps, (c) => createPhysicianRecord(c, { name, idNumber }));
    physicianId = p.id;
    await makeQualification(deps, { name, idNumber, level, physicianId });
  } else {
    // (makePhysician({ activated: false }) cannot be used: it calls .set({}), which drizzle refuses.)
    const made = await makePhysician(deps, { name, level, activated: true });
    physicianId = made.physician.id;
    idNumber = made.idNumber;
    accountId = made.physician.account.id;
    phone = made.physician.account.phone;
    email = made.physician.account.email;
    if (account === 'unverified') {
      await deps.db.update(physicians).set({ phoneVerifiedAt: null, activationStatus: 'unverified', activationMethod: null, activatedAt: null })
        .where(eq(physicians.id, physicianId));
    }
    if (account === 'verified') {
      await deps.db.update(physicians).set({ phoneVerifiedAt: deps.now(), activationStatus: 'verified', activationMethod: null, activatedAt: null })
        .where(eq(physicians.id, physicianId));
    }
    if (o.email === false) {
      await deps.db.update(accounts).set({ email: null }).where(eq(accounts.id, accountId));
      email = null;
    }
  }
  const registration = await inTransaction(deps, async (c) => createRegistration(c, {
    physicianId, level, category: 'clinical', scopes: ['11'],
    practiceLocationCode: o.practiceLocationCode ?? (level === 'physician' ? provinceCodeOf(at.institution.areaCode) : at.institution.areaCode),
    mainInstitutionId: at.institution.id, authorityId: at.authorityId,
    licenceCode: await nextLicenceCode(c, { level, category: 'clinical', areaCode: at.institution.areaCode }),
    approvedOn: '2020-03-15', status: o.status ?? 'valid',
  }));
  return { physicianId, idNumber, name, accountId, phone, email, registration };
}

/** A physician with an account and an application at the institution, submitted at `submittedAt`. */
export async function makeApplicationAt(deps: Deps, at: InstitutionFixture, o: {
  name?: string; state?: string; businessType?: string; submittedAt?: Date | string; photo?: boolean;
} = {}): Promise<Application & { idNumber: string; physicianAccountId: string; physicianPhone: string | null }> {
  const p = await makePhysician(deps, { name: o.name ?? '李四' });
  const app = await makeApplication(deps, {
    physicianId: p.physician.id, physicianName: p.name, idNumber: p.idNumber, institutionId: at.institution.id,
    authorityId: at.authorityId, qualificationId: p.qualification.id, state: o.state, businessType: o.businessType,
    areaCode: at.institution.areaCode,
  });
  const patch: Partial<Application> = {};
  if (o.submittedAt) patch.submittedAt = new Date(o.submittedAt);
  if (o.photo) {
    const png = samplePhotoPng();
    const { sha256: sha } = await deps.blobs.put(deps.db, png, 'image/png');
    patch.payload = { ...app.payload, photoSha256: sha };
  }
  const [row] = Object.keys(patch).length ? await deps.db.update(applications).set(patch).where(eq(applications.id, app.id)).returning() : [app];
  return { ...row!, idNumber: p.idNumber, physicianAccountId: p.physician.account.id, physicianPhone: p.physician.account.phone };
}
