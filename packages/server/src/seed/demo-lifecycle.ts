// Seeds the demo physicians of demo-lifecycle-data.ts: an activated account, the qualifications, one registration
// with its certificate (and seniority from its approval, domain §5.5), and for one of them an 有效 filing with its
// history — records as the lifecycle would have left them, so each can start the business it is meant for.
import { eq } from 'drizzle-orm';
import { makeQualificationCode, makeResidentId, provinceCodeOf, todayInChina } from '@medreg/domain';
import type { Ctx } from '../context';
import { accounts, physicians } from '../db/schema/index';
import { hashPassword } from '../modules/accounts/passwords';
import { nextLicenceCode } from '../modules/registrations/licence-serial';
import { certificateVerifyToken } from '../security/tokens';
import { createActiveFiling, createPhysicianRecord, createQualification, createRegistration } from './builders';
import { DEMO_PASSWORD } from './demo-data';
import { DEMO_LIFECYCLE_PHYSICIANS, type DemoLifecyclePhysician } from './demo-lifecycle-data';

export interface DemoInstitutionIds {
  get(key: string): { id: string; areaCode: string; authorityId: string; authorityArea: string } | undefined;
}

export function demoLifecycleIdNumber(d: DemoLifecyclePhysician): string {
  return makeResidentId({ areaCode: d.areaCode, birthDate: d.birthDate, seq: d.seq });
}

async function seedOne(c: Ctx, d: DemoLifecyclePhysician, institutions: DemoInstitutionIds): Promise<void> {
  const now = c.now();
  const idNumber = demoLifecycleIdNumber(d);
  const [account] = await c.tx.insert(accounts).values({
    kind: 'physician', role: 'physician', loginName: d.loginName, passwordHash: await hashPassword(DEMO_PASSWORD), displayName: d.name, phone: d.phone, email: d.email,
  }).returning();
  const physician = await createPhysicianRecord(c, { name: d.name, idNumber, accountId: account!.id });
  await c.tx.update(physicians).set({
    phoneVerifiedAt: now, activationStatus: 'active', activationMethod: 'institution_code', activatedAt: now, qualificationCheckedAt: now,
  }).where(eq(physicians.id, physician.id));

  const held = [];
  for (const q of d.qualifications) {
    held.push(await createQualification(c, {
      name: d.name, idNumber, level: q.level, category: q.category,
      certCode: makeQualificationCode({ year: q.examYear, provinceCode: d.areaCode.slice(0, 2), level: q.level, category: q.category, idNumber }),
      examYear: q.examYear, obtainedDate: `${q.examYear}-12-31`, synced: true, physicianId: physician.id,
    }));
  }
  const r = d.registration;
  const at = institutions.get(r.at)!;
  const registration = await createRegistration(c, {
    physicianId: physician.id, qualificationId: held.find((q) => q.level === r.level && q.category === r.category)!.id,
    level: r.level, category: r.category, scopes: r.scopes,
    // 《医师执业注册管理办法》第七条: the province for 执业医师, the county for an assistant.
    practiceLocationCode: r.level === 'physician' ? provinceCodeOf(at.areaCode) : at.areaCode,
    mainInstitutionId: at.id, authorityId: at.authorityId,
    licenceCode: await nextLicenceCode(c, { level: r.level, category: r.category, areaCode: at.authorityArea }),
    approvedOn: r.approvedOn, verifyToken: certificateVerifyToken(),
  });
  if (d.filing) {
    const filed = institutions.get(d.filing.at)!;
    const year = Number(todayInChina(now).slice(0, 4));
    await createActiveFiling(c, {
      physicianId: physician.id, registrationId: registration.id, institutionId: filed.id, authorityId: filed.authorityId,
      scopes: d.filing.scopes, validFrom: `${year}-01-01`, validTo: `${year + 1}-12-31`,
    });
  }
}

export async function seedDemoLifecyclePhysicians(c: Ctx, institutions: DemoInstitutionIds): Promise<void> {
  for (const d of DEMO_LIFECYCLE_PHYSICIANS) await seedOne(c, d, institutions);
}
