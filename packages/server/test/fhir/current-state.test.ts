// The FHIR view reads the registration as it is now: the main institution's PractitionerRole ends when the
// registration does (变更出, 注册备案, 注销), and each multi-site filing shown is a PractitionerRole at its organization.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { registrations } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { PASSWORD, makeAuthority, makeAuthorityStaff, makeInstitution, makePhysician, makeQualification } from '../helpers/factories';
import { loggedIn } from '../helpers/agent';
import { makeRegisteredPhysician, makeRegistration, setRegistrationStatus } from '../helpers/register-factories';
import { makeFiling } from '../helpers/filing-factories';
import { ALL_DECLARATIONS } from '../helpers/applications-factories';
import { upgradeAssistant } from '../helpers/lifecycle-flow';

type Resource = Record<string, unknown> & { resourceType: string; id: string };

let t: TestApp;
let hospital: Awaited<ReturnType<typeof makeInstitution>>;
let clinic: Awaited<ReturnType<typeof makeInstitution>>;
let reviewerLogin: string;

async function resources(code: string): Promise<Resource[]> {
  const res = await t.app.inject({ method: 'GET', url: `/fhir/Practitioner?identifier=${code}`, remoteAddress: '192.0.2.77' });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { entry: { resource: Resource }[] }).entry.map((e) => e.resource);
}

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_BASE_URL: 'https://medreg.example.cn' });
  t.setNow('2026-11-20T02:00:00Z');
  const county = await makeAuthority(t.deps, { areaCode: '110108', level: 'county', name: '北京市海淀区卫生健康委员会' });
  hospital = await makeInstitution(t.deps, { name: '北京市海淀医院', areaCode: '110108', authorityId: county.id });
  clinic = await makeInstitution(t.deps, { name: '北京市海淀区北太平庄社区卫生服务中心', areaCode: '110108', authorityId: county.id });
  reviewerLogin = (await makeAuthorityStaff(t.deps, county.id)).loginName;
});
afterAll(async () => { await t?.close(); });

describe('FHIR PractitionerRole and the current registration', () => {
  it('adds a PractitionerRole per filing shown, with the filing\'s period, active while in force', async () => {
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '骆清和', scopes: ['11', '21'] });
    const registration = { id: d.registration.id, physicianId: d.physician.id };
    const inForce = await makeFiling(t.deps, { registration, institution: clinic.institution, scopes: ['21'], validFrom: '2026-06-01', validTo: '2026-12-31' });
    const toCome = await makeFiling(t.deps, { registration, institution: clinic.institution, scopes: ['11'], validFrom: '2027-01-01', validTo: '2027-06-30' });
    await makeFiling(t.deps, { registration, institution: clinic.institution, validFrom: '2026-01-01', validTo: '2026-11-19' });

    const code = d.registration.licenceCode!;
    const [practitioner, main, ...filed] = await resources(code);
    expect(practitioner).toMatchObject({ resourceType: 'Practitioner', active: true });
    expect(main).toMatchObject({ resourceType: 'PractitionerRole', id: code, active: true, period: { start: '2026-03-15' }, organization: { display: '北京市海淀医院' } });
    expect(main!.period).not.toHaveProperty('end');
    expect(filed).toEqual([
      expect.objectContaining({
        resourceType: 'PractitionerRole', id: `${code}-${inForce.id}`, active: true, period: { start: '2026-06-01', end: '2026-12-31' },
        organization: { display: '北京市海淀区北太平庄社区卫生服务中心' }, specialty: [expect.objectContaining({ text: '全科医学专业' })],
        practitioner: { reference: `Practitioner/${code}`, display: '骆清和' },
      }),
      expect.objectContaining({ id: `${code}-${toCome.id}`, active: false, period: { start: '2027-01-01', end: '2027-06-30' } }),
    ]);
  });

  it.each([
    ['cancelled', true],
    ['filed', true],
    ['suspended', false],
  ] as const)('a %s registration\'s role is inactive (ended: %s), without filing roles', async (status, ended) => {
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '房景行' });
    await makeFiling(t.deps, { registration: { id: d.registration.id, physicianId: d.physician.id }, institution: clinic.institution, validTo: '2027-06-30' });
    await setRegistrationStatus(t.deps, d.registration.id, status, new Date('2026-11-02T17:00:00Z'));
    const entries = await resources(d.registration.licenceCode!);
    expect(entries.map((r) => [r.resourceType, r.active])).toEqual([['Practitioner', false], ['PractitionerRole', false]]);
    // 2026-11-02T17:00Z is 11月3日 in 北京时间.
    expect(entries[1]!.period).toEqual(ended ? { start: '2026-03-15', end: '2026-11-03' } : { start: '2026-03-15' });
  });

  it('after 助理升执业 the assistant code\'s role has ended and the new code\'s is active', async () => {
    const doc = await makePhysician(t.deps, { name: '郝助理', level: 'assistant' });
    const assistant = await makeRegistration(t.deps, { physicianId: doc.physician.id, qualificationId: doc.qualification.id, institution: hospital.institution, level: 'assistant', scopes: ['11'] });
    const { qualification } = await makeQualification(t.deps, { name: '郝助理', idNumber: doc.idNumber, level: 'physician', physicianId: doc.physician.id });
    await upgradeAssistant({
      physician: await loggedIn(t.app, doc.loginName, PASSWORD),
      clerk: await loggedIn(t.app, hospital.clerkLogin, PASSWORD),
      reviewer: await loggedIn(t.app, reviewerLogin, PASSWORD),
    }, assistant.id, qualification.id, ['11'], ALL_DECLARATIONS);
    const [next] = await t.deps.db.select().from(registrations).where(eq(registrations.replacesRegistrationId, assistant.id));

    const old = await resources(assistant.licenceCode!);
    expect(old.map((r) => r.active)).toEqual([false, false]);
    expect(old[1]).toMatchObject({ period: { start: '2026-03-15', end: '2026-11-20' } });
    const current = await resources(next!.licenceCode!);
    expect(current[0]).toMatchObject({ active: true, qualification: [{ code: { text: '执业医师（临床类别）' } }] });
    expect(current[1]).toMatchObject({ active: true, period: { start: next!.approvedOn }, location: [{ display: '北京市' }] });
  });
});
