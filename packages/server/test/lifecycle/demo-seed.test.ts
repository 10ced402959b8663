// The demo data of a first start (npm start --demo): each demo physician can start the business they are there for,
// and their records are as the lifecycle leaves them (certificate, seniority, filing history).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accounts, physicians } from '../../src/db/schema/index';
import { formatLogins, seedDemoDataIfEmpty } from '../../src/seed/demo';
import { DEMO_PASSWORD } from '../../src/seed/demo-data';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { loggedIn, type Agent } from '../helpers/agent';
import { businessOptions, certificatesOf, filingEventsOf, filingsOf, registrationsOf, startBusiness, type BusinessOptions } from './lifecycle-helpers';

let t: TestApp;
let banner: string;

beforeAll(async () => {
  t = await createTestApp();
  const { logins } = await seedDemoDataIfEmpty(t.deps);
  banner = formatLogins(logins, { identities: false });
}, 120_000);
afterAll(async () => t?.close());

async function demoPhysician(loginName: string) {
  const [account] = await t.deps.db.select().from(accounts).where(eq(accounts.loginName, loginName));
  const [physician] = await t.deps.db.select().from(physicians).where(eq(physicians.accountId, account!.id));
  const agent = await loggedIn(t.app, loginName, DEMO_PASSWORD);
  return { physician: physician!, agent, options: await businessOptions(agent) };
}

const business = (o: BusinessOptions, type: string) => o.businesses.find((b) => b.type === type)!;

async function expectCanStart(agent: Agent, o: BusinessOptions, type: string, subject: { registrationId?: string; filingId?: string }) {
  const b = business(o, type);
  expect(b.available, `${type} available`).toBe(true);
  expect(b.subjects).toContainEqual(expect.objectContaining({ ...subject, eligible: true }));
  const draft = await startBusiness(agent, type, subject);
  expect(draft.state).toBe('draft');
  // Withdrawn again, so that the next business on the same record can be started.
  expect((await agent.post(`/api/v1/applications/${draft.id}/withdraw`, { expectedVersion: draft.version })).statusCode).toBe(200);
}

describe('demo physicians for the businesses that change a registration', () => {
  it('prints each demo physician\'s login with what to try', () => {
    expect(banner).toMatch(/doctor_demo\s+医师\s+王晓明：.*首次注册/);
    expect(banner).toMatch(/doctor_upgrade\s+医师\s+程思明：.*助理升执业/);
    expect(banner).toMatch(/doctor_change\s+医师\s+夏子轩：.*变更注册.*增加执业地点.*补发\/换领/);
    expect(banner).toMatch(/doctor_filing\s+医师\s+田雨萌：.*多机构备案/);
  });

  it('doctor_upgrade: an assistant registered in a county, with the 执业医师 qualification of the same category, can start 助理升执业', async () => {
    const { physician, agent, options } = await demoPhysician('doctor_upgrade');
    const [reg] = await registrationsOf(t.deps, physician.id);
    expect(reg).toMatchObject({ level: 'assistant', category: 'clinical', status: 'valid', practiceLocationCode: '110108', seniorityFrom: reg!.approvedOn });
    expect(reg!.licenceCode).toMatch(/^210110108\d{6}$/);
    expect(await certificatesOf(t.deps, reg!.id)).toEqual([expect.objectContaining({ status: 'issued', verifyToken: reg!.verifyToken, licenceCode: reg!.licenceCode })]);
    await expectCanStart(agent, options, 'assistant_upgrade', { registrationId: reg!.id });
  });

  it('doctor_change: a 执业医师 with a registration can start 变更注册, 增加执业地点 and 补发/换领', async () => {
    const { physician, agent, options } = await demoPhysician('doctor_change');
    const [reg] = await registrationsOf(t.deps, physician.id);
    expect(reg).toMatchObject({ level: 'physician', status: 'valid', practiceLocationCode: '110000', seniorityFrom: reg!.approvedOn });
    expect((await certificatesOf(t.deps, reg!.id)).map((c) => c.status)).toEqual(['issued']);
    for (const type of ['change_registration', 'additional_registration', 'certificate_reissue']) {
      await expectCanStart(agent, options, type, { registrationId: reg!.id });
    }
  });

  it('doctor_filing: a 执业医师 with an 有效 多机构备案 can start its 修改 or 终止', async () => {
    const { physician, agent, options } = await demoPhysician('doctor_filing');
    const [reg] = await registrationsOf(t.deps, physician.id);
    const [filing] = await filingsOf(t.deps, physician.id);
    expect(filing).toMatchObject({ status: 'active', registrationId: reg!.id });
    expect(filing!.institutionId).not.toBe(reg!.mainInstitutionId);
    expect((await filingEventsOf(t.deps, filing!.id)).map((e) => [e.event, e.fromStatus, e.toStatus])).toEqual([['submit', null, 'pending'], ['approve', 'pending', 'active']]);
    expect(options.filings).toEqual([expect.objectContaining({ id: filing!.id, status: 'active' })]);
    await expectCanStart(agent, options, 'multi_site_filing', { filingId: filing!.id });
  });
});
