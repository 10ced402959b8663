// The certificate PDF and its QR verification read the registration's CURRENT certificate (domain §2.2 BT-09, BT-10):
// a change of what it prints issues a new certificate; the old one's QR page says 已换发 and names the new one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { certificateEvents, certificates, registrations } from '../../src/db/schema/index';
import { readPdfText } from '../../src/pdf/test-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD, makeAuthority, makeAuthorityStaff, makeInstitution, makePhysician, makeQualification } from '../helpers/factories';
import { makeRegisteredPhysician, makeRegistration } from '../helpers/register-factories';
import { ALL_DECLARATIONS } from '../helpers/applications-factories';
import { changeScopes, reissueCertificate, upgradeAssistant, type Parties } from '../helpers/lifecycle-flow';

const pdfUrl = (id: string) => `/api/v1/physician/registrations/${id}/certificate.pdf`;
const verifyUrl = (token: string) => `/api/v1/register/certificates/${token}`;

let t: TestApp;
let hospital: Awaited<ReturnType<typeof makeInstitution>>;
let reviewerLogin: string;

/** The physician, the hospital's clerk and the county reviewer, signed in now (a jump of the clock ends sessions). */
async function partiesOf(physicianLogin: string): Promise<Parties> {
  return {
    physician: await loggedIn(t.app, physicianLogin, PASSWORD),
    clerk: await loggedIn(t.app, hospital.clerkLogin, PASSWORD),
    reviewer: await loggedIn(t.app, reviewerLogin, PASSWORD),
  };
}

async function printed(agent: Agent, registrationId: string): Promise<string> {
  const res = await agent.get(pdfUrl(registrationId));
  expect(res.statusCode, res.body).toBe(200);
  return (await readPdfText(res.rawPayload)).pages[0]!;
}

async function issuedOf(registrationId: string) {
  const [row] = await t.deps.db.select().from(certificates).where(and(eq(certificates.registrationId, registrationId), eq(certificates.status, 'issued')));
  return row;
}

const verify = async (token: string) => {
  const res = await t.app.inject({ method: 'GET', url: verifyUrl(token), remoteAddress: '192.0.2.31' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Record<string, unknown> & { reason: string };
};

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_BASE_URL: 'https://medreg.example.cn' });
  t.setNow('2026-11-20T02:00:00Z');
  const county = await makeAuthority(t.deps, { areaCode: '110108', level: 'county', name: '北京市海淀区卫生健康委员会' });
  hospital = await makeInstitution(t.deps, { name: '北京市海淀医院', areaCode: '110108', authorityId: county.id });
  reviewerLogin = (await makeAuthorityStaff(t.deps, county.id)).loginName;
});
afterAll(async () => { await t?.close(); });

describe('BT-09 补发/换领: a new certificate replaces the old one', () => {
  let doctor: Awaited<ReturnType<typeof makeRegisteredPhysician>>;
  let parties: Parties;
  let oldToken: string;

  beforeAll(async () => {
    doctor = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '宋雨桐', scopes: ['11'] });
    parties = await partiesOf(doctor.loginName);
    oldToken = doctor.registration.verifyToken!;
  });

  it('prints the current certificate\'s QR link and 核发日期', async () => {
    const text = await printed(parties.physician, doctor.registration.id);
    expect(text).toContain(`https://medreg.example.cn/public/verify/${oldToken}`);
    expect(text).toContain('核发日期 2026年3月15日');
  });

  it('after 补发 prints the new certificate: its token and date of issue, not the old token', async () => {
    await reissueCertificate(parties, doctor.registration.id, 'lost');
    const current = (await issuedOf(doctor.registration.id))!;
    expect(current.verifyToken).not.toBe(oldToken);
    expect(current.issuedOn).toBe('2026-11-20');
    const text = await printed(parties.physician, doctor.registration.id);
    expect(text).toContain(`/public/verify/${current.verifyToken}`);
    expect(text).not.toContain(oldToken);
    expect(text).toContain('核发日期 2026年11月20日');
    expect(text).toContain(doctor.registration.licenceCode!);
  });

  it('the old certificate\'s QR page says 已换发 on which date and by which certificate — never 有效', async () => {
    const current = (await issuedOf(doctor.registration.id))!;
    const old = await verify(oldToken);
    expect(old).toMatchObject({
      valid: false, state: 'superseded', verdict: '已换发',
      certificate: { licenceCode: doctor.registration.licenceCode, issuedOn: '2026-03-15', status: 'superseded', statusLabel: '已换发' },
      replacedBy: { licenceCode: doctor.registration.licenceCode, issuedOn: '2026-11-20', status: 'issued', valid: true, verdict: '有效' },
    });
    expect(old.reason).toContain('该证书已于2026年11月20日换发，请以新证书为准');
    expect(old.reason).toContain('核发日期：2026年11月20日');
    expect(old.verdict).not.toBe('有效');
    expect(await verify(current.verifyToken)).toMatchObject({ valid: true, state: 'valid', verdict: '有效', replacedBy: null });
  });

  it('a certificate replaced twice points to the latest one', async () => {
    t.setNow('2026-11-23T02:00:00Z');
    await reissueCertificate(await partiesOf(doctor.loginName), doctor.registration.id, 'damaged');
    const latest = (await issuedOf(doctor.registration.id))!;
    const first = await verify(oldToken);
    expect(first).toMatchObject({ state: 'superseded', replacedBy: { issuedOn: '2026-11-23', valid: true } });
    expect(first.reason).toContain('该证书已于2026年11月20日换发');
    const [row] = await t.deps.db.select({ token: registrations.verifyToken }).from(registrations).where(eq(registrations.id, doctor.registration.id));
    expect(row!.token).toBe(latest.verifyToken);
    t.setNow('2026-11-20T02:00:00Z');
  });
});

describe('BT-03 变更执业范围: a change of what the certificate prints issues a new certificate', () => {
  it('prints the new scopes with the new certificate\'s QR link; the old QR page says 已换发', async () => {
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '钟一帆', scopes: ['11'] });
    const parties = await partiesOf(d.loginName);
    expect(await printed(parties.physician, d.registration.id)).toContain('内科专业');
    await changeScopes(parties, d.registration.id, 'replace', ['12']);

    const current = (await issuedOf(d.registration.id))!;
    expect(current.verifyToken).not.toBe(d.registration.verifyToken);
    const text = await printed(parties.physician, d.registration.id);
    expect(text).toContain('外科专业');
    expect(text).not.toContain('内科专业');
    expect(text).toContain(`/public/verify/${current.verifyToken}`);
    expect(await verify(d.registration.verifyToken!)).toMatchObject({
      valid: false, verdict: '已换发', registrationOf: 'replacement',
      replacedBy: { licenceCode: d.registration.licenceCode, issuedOn: '2026-11-20', valid: true },
      registration: { scopes: ['外科专业'] },
    });
  });
});

describe('BT-04 助理升执业: the assistant certificate is replaced by the 执业医师 one', () => {
  it('refuses the old registration\'s PDF naming the new certificate, and its QR page shows the new registration', async () => {
    const doc = await makePhysician(t.deps, { name: '韩助理', level: 'assistant' });
    const assistant = await makeRegistration(t.deps, { physicianId: doc.physician.id, qualificationId: doc.qualification.id, institution: hospital.institution, level: 'assistant', scopes: ['11'] });
    const { qualification } = await makeQualification(t.deps, { name: '韩助理', idNumber: doc.idNumber, level: 'physician', physicianId: doc.physician.id });
    const parties = await partiesOf(doc.loginName);
    await upgradeAssistant(parties, assistant.id, qualification.id, ['11'], ALL_DECLARATIONS);

    const [next] = await t.deps.db.select().from(registrations).where(eq(registrations.replacesRegistrationId, assistant.id));
    const problem = expectProblem(await parties.physician.get(pdfUrl(assistant.id)), 409, 'CERTIFICATE_NOT_AVAILABLE');
    expect(problem.detail).toContain('变更出');
    expect(problem.detail).toContain(`新证书执业证书编码为${next!.licenceCode}`);
    const text = await printed(parties.physician, next!.id);
    expect(text).toContain('执业医师');
    expect(text).toContain(`/public/verify/${(await issuedOf(next!.id))!.verifyToken}`);

    const old = await verify(assistant.verifyToken!);
    expect(old).toMatchObject({
      valid: false, verdict: '已换发', state: 'superseded', registrationOf: 'replacement',
      certificate: { licenceCode: assistant.licenceCode },
      replacedBy: { licenceCode: next!.licenceCode, valid: true },
      registration: { levelLabel: '执业医师', licenceCode: next!.licenceCode, status: 'valid' },
    });
    expect(next!.licenceCode).toMatch(/^1/);
  });
});

describe('a registration approved before certificates were recorded', () => {
  it('records its one certificate on first download, however many downloads race', async () => {
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '岳明轩', withToken: false });
    const agent = await loggedIn(t.app, d.loginName, PASSWORD);
    const results = await Promise.all([agent.get(pdfUrl(d.registration.id)), agent.get(pdfUrl(d.registration.id)), agent.get(pdfUrl(d.registration.id))]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const rows = await t.deps.db.select().from(certificates).where(eq(certificates.registrationId, d.registration.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'issued', issuedOn: '2026-03-15', licenceCode: d.registration.licenceCode });
    const events = await t.deps.db.select().from(certificateEvents).where(eq(certificateEvents.certificateId, rows[0]!.id));
    expect(events.map((e) => e.event)).toEqual(['issue']);
    expect(await verify(rows[0]!.verifyToken)).toMatchObject({ valid: true, verdict: '有效' });
  });

  it('refuses a valid registration whose certificates are all replaced or voided, rather than issuing one on download', async () => {
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '柳青禾' });
    await t.deps.db.update(certificates).set({ status: 'voided' }).where(eq(certificates.registrationId, d.registration.id));
    const agent = await loggedIn(t.app, d.loginName, PASSWORD);
    const problem = expectProblem(await agent.get(pdfUrl(d.registration.id)), 409, 'CERTIFICATE_NOT_AVAILABLE');
    expect(problem.detail).toContain('补发/换领');
  });
});
