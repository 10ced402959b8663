/**
 * `node --import tsx packages/e2e/test/support/seed-lifecycle.ts` with MEDREG_DATA_DIR set: the demo data set plus
 * the physicians the registration-lifecycle journeys start from (see LIFECYCLE_PHYSICIANS in lifecycle-data.ts), each
 * with an activated account, their qualifications, a valid registration and its certificate; and those of
 * CANCELLED_PHYSICIANS, whose registration is then cancelled; and FILED_LAPSE_PHYSICIANS. Run before the server
 * starts: the embedded database of a data directory is opened by one process at a time.
 */
import { eq } from 'drizzle-orm';
import { makeQualificationCode, makeResidentId, provinceCodeOf, supervision } from '@medreg/domain';
import { createDeps, openEngine } from '../../../server/src/bootstrap';
import { loadConfig } from '../../../server/src/config';
import { inTransaction, type Ctx } from '../../../server/src/context';
import { accounts, assessmentResults, authorities, certificates, institutions, physicians, registrations } from '../../../server/src/db/schema/index';
import { migrate } from '../../../server/src/db/migrate';
import { hashPassword } from '../../../server/src/modules/accounts/passwords';
import { cancelRegistration } from '../../../server/src/modules/lifecycle/cancel-registration';
import { nextLicenceCode } from '../../../server/src/modules/registrations/licence-serial';
import { orderSuspension } from '../../../server/src/modules/supervision/suspension-writes';
import { createPhysicianRecord, createQualification, createRegistration } from '../../../server/src/seed/builders';
import { seedDemoDataIfEmpty } from '../../../server/src/seed/demo';
import { DEMO_PASSWORD } from '../../../server/src/seed/demo-data';
import { certificateVerifyToken } from '../../../server/src/security/tokens';
import {
  CANCELLED_PHYSICIANS, ENDED_SUSPENSION, FILED_LAPSE_PHYSICIANS, LIFECYCLE_DEPARTMENTS, LIFECYCLE_PHYSICIANS, SUPERVISED_PHYSICIANS,
  type LifecyclePhysician,
} from './lifecycle-data';

/** One physician of lifecycle-data.ts: account (activated), qualifications, a valid registration and its certificate. */
async function seedPhysician(c: Ctx, p: LifecyclePhysician, verifyToken = certificateVerifyToken()) {
  const idNumber = makeResidentId({ areaCode: p.areaCode, birthDate: p.birthDate, seq: p.seq });
  const [account] = await c.tx.insert(accounts).values({
    kind: 'physician', role: 'physician', loginName: p.loginName, passwordHash: await hashPassword(DEMO_PASSWORD),
    displayName: p.name, phone: p.phone,
  }).returning();
  const physician = await createPhysicianRecord(c, { name: p.name, idNumber, accountId: account!.id });
  const now = c.now();
  await c.tx.update(physicians).set({
    phoneVerifiedAt: now, activationStatus: 'active', activationMethod: 'qualification_code', activatedAt: now, qualificationCheckedAt: now,
  }).where(eq(physicians.id, physician.id));
  let registered: string | null = null;
  for (const q of p.qualifications) {
    const row = await createQualification(c, {
      name: p.name, idNumber, level: q.level, category: q.category, examYear: q.examYear, obtainedDate: `${q.examYear}-12-31`,
      certCode: makeQualificationCode({ year: q.examYear, provinceCode: p.areaCode.slice(0, 2), level: q.level, category: q.category, idNumber }),
      physicianId: physician.id,
    });
    if (q.level === p.registration.level && q.category === p.registration.category) registered ??= row.id;
  }
  const [inst] = await c.tx.select().from(institutions).where(eq(institutions.name, p.registration.institution));
  const [authority] = await c.tx.select().from(authorities).where(eq(authorities.id, inst!.approvingAuthorityId));
  const { level, category, scopes, approvedOn } = p.registration;
  return createRegistration(c, {
    physicianId: physician.id, qualificationId: registered, level, category, scopes,
    practiceLocationCode: level === 'physician' ? provinceCodeOf(inst!.areaCode) : inst!.areaCode,
    mainInstitutionId: inst!.id, authorityId: authority!.id,
    licenceCode: await nextLicenceCode(c, { level, category, areaCode: authority!.areaCode }),
    approvedOn, verifyToken,
  });
}

/** The 重新注册 journey's physicians: registered, then cancelled by the authority through the one 注销 write. */
async function seedCancelledPhysicians(c: Ctx) {
  for (const p of Object.values(CANCELLED_PHYSICIANS)) {
    const registration = await seedPhysician(c, p, p.verifyToken);
    await cancelRegistration(c, {
      registrationId: registration.id, event: 'cancel', ground: 'health_unfit', initiator: 'authority', cause: supervision('cancellation_trigger'),
      actor: { accountId: null, role: 'system' }, effectiveOn: p.cancelledOn,
    });
    // As if cancelled then: the register and the certificate's QR page date the status from its change.
    const since = new Date(`${p.cancelledOn}T02:00:00Z`);
    await c.tx.update(registrations).set({ statusSince: since }).where(eq(registrations.id, registration.id));
    await c.tx.update(certificates).set({ statusSince: since }).where(eq(certificates.registrationId, registration.id));
  }
}

/**
 * The supervision journey's physicians (SUPERVISED_PHYSICIANS): registered; `suspended` with a 不合格 for 2024–2026
 * recorded by the 海淀区 authority's reviewer and a three-month suspension that ended on 2026-08-31 (through the one
 * suspension write, so the registration went 有效 → 中止 with its history); `absent` with 未参加 in two cycles.
 */
async function seedSupervisedPhysicians(c: Ctx) {
  const [reviewer] = await c.tx.select().from(accounts).where(eq(accounts.loginName, 'hd_wjw_reviewer'));
  const { failing, suspended, absent } = SUPERVISED_PHYSICIANS;
  await seedPhysician(c, failing, failing.verifyToken);
  const result = async (registration: Awaited<ReturnType<typeof seedPhysician>>, cycleStartYear: number, value: 'failed' | 'absent', assessedOn: string | null) => {
    const [row] = await c.tx.insert(assessmentResults).values({
      physicianId: registration.physicianId, registrationId: registration.id, institutionId: registration.mainInstitutionId, authorityId: registration.authorityId,
      kind: 'periodic', cycleStartYear, result: value, assessedOn, assessor: '北京市海淀区卫生健康委员会', source: 'form',
      recordedByAuthorityId: reviewer!.authorityId, actorAccountId: reviewer!.id, createdAt: new Date(`${assessedOn ?? `${cycleStartYear + 2}-12-20`}T02:00:00Z`),
    }).returning({ id: assessmentResults.id });
    return row!.id;
  };

  const s = await seedPhysician(c, suspended, suspended.verifyToken);
  const failedId = await result(s, 2024, 'failed', ENDED_SUSPENSION.assessedOn);
  await orderSuspension(c, { accountId: reviewer!.id, role: 'reviewer' }, {
    registrationId: s.id, registrationStatus: 'valid', physicianId: s.physicianId, authorityId: s.authorityId, kind: 'assessment',
    documentNo: ENDED_SUSPENSION.documentNo, decidedOn: ENDED_SUSPENSION.decidedOn, startsOn: ENDED_SUSPENSION.startsOn, endsOn: ENDED_SUSPENSION.endsOn,
    training: ENDED_SUSPENSION.training, assessmentResultId: failedId,
  }, supervision('assessment_failed'));
  await c.tx.update(registrations).set({ statusSince: new Date(`${ENDED_SUSPENSION.startsOn}T02:00:00Z`) }).where(eq(registrations.id, s.id));

  const a = await seedPhysician(c, absent, absent.verifyToken);
  await result(a, 2021, 'absent', null);
  await result(a, 2024, 'absent', null);
}

/** The 备案满二年注销 journey's physician: registered and practising; the journey's institution reports the retirement. */
async function seedFiledLapsePhysicians(c: Ctx) {
  for (const p of Object.values(FILED_LAPSE_PHYSICIANS)) await seedPhysician(c, p);
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, ['--demo']);
  const { engine, release } = await openEngine(config);
  try {
    const deps = await createDeps(config, engine);
    await migrate(engine);
    await seedDemoDataIfEmpty(deps);
    await inTransaction(deps, async (c) => {
      for (const [name, departments] of Object.entries(LIFECYCLE_DEPARTMENTS)) {
        await c.tx.update(institutions).set({ departments }).where(eq(institutions.name, name));
      }
      for (const p of Object.values(LIFECYCLE_PHYSICIANS)) await seedPhysician(c, p);
      await seedCancelledPhysicians(c);
      await seedSupervisedPhysicians(c);
      await seedFiledLapsePhysicians(c);
    });
  } finally {
    await release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
