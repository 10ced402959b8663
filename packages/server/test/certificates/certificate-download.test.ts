import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, expectProblem, loggedIn } from '../helpers/agent';
import { makeApplication, makeAuthority, makeAuthorityStaff, makeInstitution, makePhysician, PASSWORD } from '../helpers/factories';
import { makeRegisteredPhysician, makeRegistration, setRegistrationStatus } from '../helpers/register-factories';
import { applications, blobs, pdfCache, registrations } from '../../src/db/schema/index';
import { readPdfText, samplePhotoPng } from '../../src/pdf/test-fixtures';

const physicianUrl = (id: string) => `/api/v1/physician/registrations/${id}/certificate.pdf`;
const staffUrl = (id: string) => `/api/v1/registrations/${id}/certificate.pdf`;

async function pdfText(body: Buffer): Promise<string> {
  const { pages, numPages } = await readPdfText(body);
  expect(numPages).toBe(1);
  return pages[0]!;
}

describe('电子化医师执业证书 (BT-10)', () => {
  let t: TestApp;
  let hospital: Awaited<ReturnType<typeof makeInstitution>>;
  let doctor: Awaited<ReturnType<typeof makeRegisteredPhysician>>;
  let owner: Agent;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL: 'https://medreg.example.cn' });
    const county = await makeAuthority(t.deps, { areaCode: '110108', level: 'county', name: '北京市海淀区卫生健康委员会' });
    hospital = await makeInstitution(t.deps, { name: '北京大学第三医院', areaCode: '110108', authorityId: county.id });
    doctor = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '欧阳晓燕', scopes: ['11', '21'] });
    owner = await loggedIn(t.app, doctor.loginName, PASSWORD);
  });
  afterAll(async () => { await t.close(); });

  it('lets the owner download the certificate of a valid registration, with the code, the name and the verification URL', async () => {
    const res = await owner.get(physicianUrl(doctor.registration.id));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`certificate-${doctor.registration.licenceCode}.pdf`);
    expect(res.headers['cache-control']).toContain('no-store');
    const text = await pdfText(res.rawPayload);
    const token = doctor.registration.verifyToken!;
    for (const expected of [
      doctor.registration.licenceCode!, '欧阳晓燕', '执业医师', '临床', '内科专业、全科医学专业', '北京市', '北京大学第三医院',
      '北京市海淀区卫生健康委员会', '2026年3月15日', doctor.physician.idNumberMasked,
      `https://medreg.example.cn/public/verify/${token}`,
    ]) expect(text).toContain(expected);
    expect(text).not.toContain(doctor.idNumber);
  });

  it('caches the rendered PDF in the blob store and serves the same file again', async () => {
    const [row] = await t.deps.db.select({ sha: pdfCache.sha256 }).from(pdfCache)
      .where(and(eq(pdfCache.kind, 'certificate'), eq(pdfCache.subjectId, doctor.registration.id)));
    expect(row!.sha).toMatch(/^[0-9a-f]{64}$/);
    const [blob] = await t.deps.db.select({ contentType: blobs.contentType, sizeBytes: blobs.sizeBytes }).from(blobs).where(eq(blobs.sha256, row!.sha));
    expect(blob).toMatchObject({ contentType: 'application/pdf' });
    const again = await owner.get(physicianUrl(doctor.registration.id));
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals((await t.deps.blobs.get(t.deps.db, row!.sha))!)).toBe(true);
    expect(blob!.sizeBytes).toBe(again.rawPayload.length);
  });

  it('answers 404 to another physician, and to the owner for an unknown registration', async () => {
    const other = await makePhysician(t.deps, { name: '王五' });
    const agent = await loggedIn(t.app, other.loginName, PASSWORD);
    expectProblem(await agent.get(physicianUrl(doctor.registration.id)), 404, 'NOT_FOUND');
    expectProblem(await owner.get(physicianUrl('00000000-0000-4000-8000-000000000000')), 404, 'NOT_FOUND');
    expectProblem(await owner.get(physicianUrl('not-a-uuid')), 400, 'VALIDATION_FAILED');
  });

  it('refuses anonymous visitors and keeps staff off the physician route', async () => {
    expectProblem(await new Agent(t.app).get(physicianUrl(doctor.registration.id)), 401, 'UNAUTHENTICATED');
    const clerk = await loggedIn(t.app, hospital.clerkLogin, PASSWORD);
    expectProblem(await clerk.get(physicianUrl(doctor.registration.id)), 403, 'FORBIDDEN');
  });

  it('refuses a cancelled registration with CERTIFICATE_NOT_AVAILABLE and a Chinese reason', async () => {
    const cancelled = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '赵六', status: 'cancelled' });
    const agent = await loggedIn(t.app, cancelled.loginName, PASSWORD);
    const problem = expectProblem(await agent.get(physicianUrl(cancelled.registration.id)), 409, 'CERTIFICATE_NOT_AVAILABLE');
    expect(problem.detail).toContain('已注销');
  });

  it('stops serving the cached certificate once the registration is suspended', async () => {
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '孙七' });
    const agent = await loggedIn(t.app, d.loginName, PASSWORD);
    expect((await agent.get(physicianUrl(d.registration.id))).statusCode).toBe(200);
    await setRegistrationStatus(t.deps, d.registration.id, 'suspended');
    const problem = expectProblem(await agent.get(physicianUrl(d.registration.id)), 409, 'CERTIFICATE_NOT_AVAILABLE');
    expect(problem.detail).toContain('中止执业');
  });

  it('prints the photo of the application behind the registration, and a placeholder when there is none', async () => {
    const d = await makePhysician(t.deps, { name: '周八' });
    const { sha256: sha } = await t.deps.blobs.put(t.deps.db, samplePhotoPng(), 'image/png');
    const application = await makeApplication(t.deps, {
      physicianId: d.physician.id, physicianName: d.name, idNumber: d.idNumber, institutionId: hospital.institution.id,
      authorityId: hospital.authorityId, qualificationId: d.qualification.id, state: 'approved',
    });
    await t.deps.db.update(applications).set({ payload: sql`${applications.payload} || ${JSON.stringify({ photoSha256: sha })}::jsonb` })
      .where(eq(applications.id, application.id));
    const withPhoto = await makeRegistration(t.deps, { physicianId: d.physician.id, institution: hospital.institution, applicationId: application.id });
    const agent = await loggedIn(t.app, d.loginName, PASSWORD);
    const res = await agent.get(physicianUrl(withPhoto.id));
    expect(res.statusCode, res.body).toBe(200);
    expect(await pdfText(res.rawPayload)).not.toContain('2寸白底免冠');

    const noPhoto = await owner.get(physicianUrl(doctor.registration.id));
    expect(await pdfText(noPhoto.rawPayload)).toContain('2寸白底免冠');
  });

  it('gives a registration without a QR token one on first download', async () => {
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '吴九', withToken: false });
    const agent = await loggedIn(t.app, d.loginName, PASSWORD);
    const res = await agent.get(physicianUrl(d.registration.id));
    expect(res.statusCode).toBe(200);
    const [row] = await t.deps.db.select({ token: registrations.verifyToken }).from(registrations).where(eq(registrations.id, d.registration.id));
    expect(row!.token).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(await pdfText(res.rawPayload)).toContain(`/public/verify/${row!.token}`);
    const verify = await new Agent(t.app).get(`/api/v1/register/certificates/${row!.token}`);
    expect(verify.json()).toMatchObject({ valid: true, registration: { name: '吴九' } });
  });

  describe('查看电子证照 by institutions and authorities', () => {
    it('lets the main institution\'s staff open it, and answers 404 to another institution', async () => {
      const clerk = await loggedIn(t.app, hospital.clerkLogin, PASSWORD);
      const res = await clerk.get(staffUrl(doctor.registration.id));
      expect(res.statusCode, res.body).toBe(200);
      expect(await pdfText(res.rawPayload)).toContain(doctor.registration.licenceCode!);
      const elsewhere = await makeInstitution(t.deps, { areaCode: '110108' });
      const stranger = await loggedIn(t.app, elsewhere.adminLogin, PASSWORD);
      expectProblem(await stranger.get(staffUrl(doctor.registration.id)), 404, 'NOT_FOUND');
    });

    it('lets the registering authority and the province above it open it, but not another province', async () => {
      const county = await makeAuthorityStaff(t.deps, hospital.authorityId);
      expect((await (await loggedIn(t.app, county.loginName, PASSWORD)).get(staffUrl(doctor.registration.id))).statusCode).toBe(200);
      const province = await makeAuthority(t.deps, { areaCode: '110000', level: 'province', name: '北京市卫生健康委员会' });
      const provincial = await makeAuthorityStaff(t.deps, province.id);
      expect((await (await loggedIn(t.app, provincial.loginName, PASSWORD)).get(staffUrl(doctor.registration.id))).statusCode).toBe(200);
      const shanghai = await makeAuthority(t.deps, { areaCode: '310000', level: 'province', name: '上海市卫生健康委员会' });
      const outsider = await makeAuthorityStaff(t.deps, shanghai.id);
      expectProblem(await (await loggedIn(t.app, outsider.loginName, PASSWORD)).get(staffUrl(doctor.registration.id)), 404, 'NOT_FOUND');
    });

    it('keeps physicians off the staff route', async () => {
      expectProblem(await owner.get(staffUrl(doctor.registration.id)), 403, 'FORBIDDEN');
    });
  });
});
