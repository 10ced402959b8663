// 《医师法》第十七条: 注销注册，废止医师执业证书 — the one write every path to 注销 shares (cancel-registration.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { supervision, scheduled } from '@medreg/domain';
import {
  certificates, multiSiteFilings, outbox, physicians, registrationBars, registrationCancellations, registrationEvents, registrations,
} from '../../src/db/schema/index';
import { inTransaction } from '../../src/context';
import { cancelRegistration } from '../../src/modules/lifecycle/cancel-registration';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { makeAuthority, makeInstitution } from '../helpers/factories';
import { makeRegisteredPhysician, setRegistrationStatus } from '../helpers/register-factories';
import { makeFiling } from '../helpers/filing-factories';

const AUTHORITY = { accountId: null, role: 'system' } as const;

let t: TestApp;
let hospital: Awaited<ReturnType<typeof makeInstitution>>;
let clinic: Awaited<ReturnType<typeof makeInstitution>>;

async function withCertificate(name: string) {
  const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name });
  const [cert] = await t.deps.db.select().from(certificates).where(eq(certificates.registrationId, d.registration.id));
  expect(cert?.status).toBe('issued');
  return { ...d, certificate: cert! };
}

beforeAll(async () => {
  t = await createTestApp();
  const county = await makeAuthority(t.deps, { areaCode: '110108', level: 'county', name: '北京市海淀区卫生健康委员会' });
  hospital = await makeInstitution(t.deps, { name: '北京市海淀医院', areaCode: '110108', authorityId: county.id });
  clinic = await makeInstitution(t.deps, { name: '北京市海淀区北太平庄社区卫生服务中心', areaCode: '110108', authorityId: county.id });
});
afterAll(async () => t?.close());

describe('cancelRegistration', () => {
  it('《医师法》第十七条 注销注册，废止医师执业证书: the registration is 注销, its certificate 已废止, its filings end, the physician is told', async () => {
    t.setNow('2026-12-02T02:00:00Z');
    const d = await withCertificate('郑明远');
    const filing = await makeFiling(t.deps, { registration: { id: d.registration.id, physicianId: d.physician.id }, institution: clinic.institution, validFrom: '2026-01-01', validTo: '2027-12-31' });
    const result = await inTransaction(t.deps, (c) => cancelRegistration(c, {
      registrationId: d.registration.id, event: 'cancel', ground: 'death', initiator: 'authority', cause: supervision('cancellation_trigger'),
      actor: AUTHORITY, triggerOn: '2026-11-20',
    }));
    expect(result).toMatchObject({ effectiveOn: '2026-12-02', voidedCertificateId: d.certificate.id, endedFilings: 1, bar: null });
    const [reg] = await t.deps.db.select().from(registrations).where(eq(registrations.id, d.registration.id));
    expect(reg!.status).toBe('cancelled');
    const [cert] = await t.deps.db.select().from(certificates).where(eq(certificates.id, d.certificate.id));
    expect(cert!.status).toBe('voided');
    const [f] = await t.deps.db.select().from(multiSiteFilings).where(eq(multiSiteFilings.id, filing.id));
    expect(f!.status).toBe('revoked');
    const [p] = await t.deps.db.select().from(physicians).where(eq(physicians.id, d.physician.id));
    expect(p!.mainInstitutionId).toBeNull();
    const [record] = await t.deps.db.select().from(registrationCancellations).where(eq(registrationCancellations.registrationId, d.registration.id));
    expect(record).toMatchObject({ ground: 'death', initiator: 'authority', triggerOn: '2026-11-20', effectiveOn: '2026-12-02' });
    const events = await t.deps.db.select().from(registrationEvents).where(eq(registrationEvents.registrationId, d.registration.id));
    expect(events.map((e) => e.event)).toContain('cancel');
    const notices = await t.deps.db.select().from(outbox).where(eq(outbox.template, 'registration.cancelled'));
    expect(notices.some((n) => n.body.includes('死亡或者被宣告失踪'))).toBe(true);
  });

  it('《医师法》第十六条第四项: a cancellation for a failed re-assessment bars a new registration for one year', async () => {
    t.setNow('2026-12-02T02:00:00Z');
    const d = await withCertificate('钱思远');
    await setRegistrationStatus(t.deps, d.registration.id, 'suspended');
    const result = await inTransaction(t.deps, (c) => cancelRegistration(c, {
      registrationId: d.registration.id, event: 'cancel', ground: 'assessment_failed_again', initiator: 'authority', cause: supervision('reassessment_failed'), actor: AUTHORITY,
    }));
    expect(result.bar).toEqual({ kind: 'assessment_cancelled', startsOn: '2026-12-02', endsOn: '2027-12-01' });
    const bars = await t.deps.db.select().from(registrationBars).where(eq(registrationBars.physicianId, d.physician.id));
    expect(bars).toHaveLength(1);
  });

  it('a criminal penalty whose sentence is not yet served bars without an end date', async () => {
    const d = await withCertificate('孙立言');
    const result = await inTransaction(t.deps, (c) => cancelRegistration(c, {
      registrationId: d.registration.id, event: 'cancel', ground: 'criminal_penalty', initiator: 'authority', cause: supervision('cancellation_trigger'), actor: AUTHORITY,
    }));
    expect(result.bar).toMatchObject({ kind: 'criminal_penalty', endsOn: null });
  });

  it('refuses an event the table does not allow, and writes nothing (备案满二年 applies only to 注册备案)', async () => {
    const d = await withCertificate('李安然');
    await expect(inTransaction(t.deps, (c) => cancelRegistration(c, {
      registrationId: d.registration.id, event: 'lapse_filed', ground: 'practice_stopped_two_years', initiator: 'schedule', cause: scheduled('filed_two_years'), actor: AUTHORITY,
    }))).rejects.toMatchObject({ code: 'REGISTRATION_EVENT_NOT_ALLOWED', status: 409 });
    const [reg] = await t.deps.db.select().from(registrations).where(eq(registrations.id, d.registration.id));
    expect(reg!.status).toBe('valid');
    const [cert] = await t.deps.db.select().from(certificates).where(eq(certificates.id, d.certificate.id));
    expect(cert!.status).toBe('issued');
  });

  it('a second cancellation of the same registration is refused (two people acting at once never cancel twice)', async () => {
    const d = await withCertificate('周若水');
    const once = () => inTransaction(t.deps, (c) => cancelRegistration(c, {
      registrationId: d.registration.id, event: 'cancel', ground: 'health_unfit', initiator: 'authority', cause: supervision('cancellation_trigger'), actor: AUTHORITY,
    }));
    const results = await Promise.allSettled([once(), once()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const records = await t.deps.db.select().from(registrationCancellations).where(eq(registrationCancellations.registrationId, d.registration.id));
    expect(records).toHaveLength(1);
  });
});
