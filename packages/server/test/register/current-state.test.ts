// 公众查询 reads the registrations as they are now (Registration lifecycle I point 1): 变更出 records are not listed,
// the new registration of 助理升执业 is, a 执业范围 change shows at once, and filings in force are shown as 备案机构.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { registrations } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, loggedIn } from '../helpers/agent';
import { PASSWORD, makeAuthority, makeAuthorityStaff, makeInstitution, makePhysician, makeQualification } from '../helpers/factories';
import { makeRegisteredPhysician, makeRegistration, setRegistrationStatus } from '../helpers/register-factories';
import { makeFiling } from '../helpers/filing-factories';
import { ALL_DECLARATIONS } from '../helpers/applications-factories';
import { changeScopes, upgradeAssistant, type Parties } from '../helpers/lifecycle-flow';

type Item = Record<string, unknown> & { licenceCode: string; scopes: string[]; filings: Record<string, unknown>[] };

let t: TestApp;
let hospital: Awaited<ReturnType<typeof makeInstitution>>;
let clinic: Awaited<ReturnType<typeof makeInstitution>>;
let annex: Awaited<ReturnType<typeof makeInstitution>>;
let formerSite: Awaited<ReturnType<typeof makeInstitution>>;
let reviewerLogin: string;
let ip = 0;

async function search(name: string, institutionName: string): Promise<Item[]> {
  const agent = new Agent(t.app, { remoteAddress: `198.51.100.${++ip}` });
  const res = await agent.request('POST', '/api/v1/register/search', { provinceCode: '110000', name, institutionName, ...(await agent.captcha()) });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Item[] }).items;
}

async function partiesOf(physicianLogin: string): Promise<Parties> {
  return {
    physician: await loggedIn(t.app, physicianLogin, PASSWORD),
    clerk: await loggedIn(t.app, hospital.clerkLogin, PASSWORD),
    reviewer: await loggedIn(t.app, reviewerLogin, PASSWORD),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-20T02:00:00Z');
  const county = await makeAuthority(t.deps, { areaCode: '110108', level: 'county', name: '北京市海淀区卫生健康委员会' });
  hospital = await makeInstitution(t.deps, { name: '北京市海淀医院', areaCode: '110108', authorityId: county.id });
  clinic = await makeInstitution(t.deps, { name: '北京市海淀区北太平庄社区卫生服务中心', areaCode: '110108', authorityId: county.id });
  annex = await makeInstitution(t.deps, { name: '北京市海淀区青龙桥社区卫生服务中心', areaCode: '110108', authorityId: county.id });
  formerSite = await makeInstitution(t.deps, { name: '北京市海淀区甘家口社区卫生服务中心', areaCode: '110108', authorityId: county.id });
  reviewerLogin = (await makeAuthorityStaff(t.deps, county.id)).loginName;
});
afterAll(async () => { await t?.close(); });

describe('备案机构 in the public register (domain §5.2, §6)', () => {
  let doctor: Awaited<ReturnType<typeof makeRegisteredPhysician>>;

  beforeAll(async () => {
    doctor = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '程思远', scopes: ['11', '21'] });
    const registration = { id: doctor.registration.id, physicianId: doctor.physician.id };
    await makeFiling(t.deps, { registration, institution: clinic.institution, scopes: ['21'], validFrom: '2026-06-01', validTo: '2026-12-31' });
    await makeFiling(t.deps, { registration, institution: annex.institution, scopes: ['11'], validFrom: '2027-01-01', validTo: '2027-06-30' });
    // Ended yesterday (北京时间), not yet recorded as 到期 by the scheduled job; and one revoked.
    await makeFiling(t.deps, { registration, institution: formerSite.institution, validFrom: '2026-01-01', validTo: '2026-11-19' });
    await makeFiling(t.deps, { registration, institution: formerSite.institution, validFrom: '2026-01-01', validTo: '2027-12-31', status: 'revoked' });
  });

  it('shows the filings in force or to come with their institution, scopes and period', async () => {
    const [item] = await search('程思远', '北京市海淀医院');
    expect(item!.filings).toEqual([
      { institutionName: '北京市海淀区北太平庄社区卫生服务中心', scopes: ['全科医学专业'], validFrom: '2026-06-01', validTo: '2026-12-31' },
      { institutionName: '北京市海淀区青龙桥社区卫生服务中心', scopes: ['内科专业'], validFrom: '2027-01-01', validTo: '2027-06-30' },
    ]);
  });

  it('finds the physician at a filed institution, but not at one whose filing has ended', async () => {
    const atClinic = await search('程思远', '北京市海淀区北太平庄社区卫生服务中心');
    expect(atClinic.map((i) => [i.licenceCode, i.institutionName])).toEqual([[doctor.registration.licenceCode, '北京市海淀医院']]);
    expect(await search('程思远', '北京市海淀区甘家口社区卫生服务中心')).toEqual([]);
  });

  it('shows no filings and no filed-institution match once the registration is not valid', async () => {
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '严立新' });
    await makeFiling(t.deps, { registration: { id: d.registration.id, physicianId: d.physician.id }, institution: clinic.institution, validTo: '2027-06-30' });
    await setRegistrationStatus(t.deps, d.registration.id, 'suspended', new Date('2026-11-02T01:00:00Z'));
    const [item] = await search('严立新', '北京市海淀医院');
    expect(item).toMatchObject({ status: 'suspended', statusLabel: '中止执业', statusSince: '2026-11-02T01:00:00.000Z', filings: [] });
    expect(await search('严立新', '北京市海淀区北太平庄社区卫生服务中心')).toEqual([]);
  });
});

describe('registrations that changed', () => {
  it('does not list a 变更出 registration', async () => {
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '邵文博' });
    await setRegistrationStatus(t.deps, d.registration.id, 'transferred_out');
    expect(await search('邵文博', '北京市海淀医院')).toEqual([]);
  });

  it('after 助理升执业 lists the new 执业医师 registration and not the closed assistant one', async () => {
    const doc = await makePhysician(t.deps, { name: '葛助理', level: 'assistant' });
    const assistant = await makeRegistration(t.deps, { physicianId: doc.physician.id, qualificationId: doc.qualification.id, institution: hospital.institution, level: 'assistant', scopes: ['11'] });
    expect((await search('葛助理', '北京市海淀医院')).map((i) => i.levelLabel)).toEqual(['执业助理医师']);
    const { qualification } = await makeQualification(t.deps, { name: '葛助理', idNumber: doc.idNumber, level: 'physician', physicianId: doc.physician.id });
    await upgradeAssistant(await partiesOf(doc.loginName), assistant.id, qualification.id, ['11'], ALL_DECLARATIONS);

    const [next] = await t.deps.db.select().from(registrations).where(eq(registrations.replacesRegistrationId, assistant.id));
    const items = await search('葛助理', '北京市海淀医院');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ licenceCode: next!.licenceCode, levelLabel: '执业医师', practiceLocation: '北京市', status: 'valid' });
  });

  it('after a 执业范围 change lists the new scopes', async () => {
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '冯嘉树', scopes: ['11'] });
    expect((await search('冯嘉树', '北京市海淀医院'))[0]!.scopes).toEqual(['内科专业']);
    await changeScopes(await partiesOf(d.loginName), d.registration.id, 'replace', ['12']);
    const [item] = await search('冯嘉树', '北京市海淀医院');
    expect(item).toMatchObject({ licenceCode: d.registration.licenceCode, scopes: ['外科专业'], status: 'valid' });
  });
});
