// 查看电子证照 by the issuing authority: the 卫生健康行政部门 that approved a registration opens the certificate it issued
// (《医师执业注册管理办法》第十条: the registering authority issues the 医师执业证书), another authority does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { makeJurisdictions, makePendingApplication, staffOf, type DetailBody, type Jurisdictions } from '../helpers/authority-factories';
import { readPdfText } from '../../src/pdf/test-fixtures';

let t: TestApp;
let j: Jurisdictions;
const url = (id: string, action = '') => `/api/v1/authority/applications/${id}${action ? `/${action}` : ''}`;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-10-12T03:00:00Z');
  j = await makeJurisdictions(t.deps);
});
afterAll(async () => t?.close());

describe('the issuing authority sees the certificate it issued (第十条)', () => {
  it('gives the approving authority the PDF of the registration on its approved application, and refuses another authority', async () => {
    const haidian = await staffOf(t.app, t.deps, j.haidian.id);
    const { application, doctor } = await makePendingApplication(t.deps, { institution: j.hdInstitution.institution, authorityId: j.haidian.id }, { name: '郑晓红' });
    expect((await haidian.post(url(application.id, 'accept'), {})).statusCode).toBe(200);
    const approved = await haidian.post(url(application.id, 'approve'), {});
    expect(approved.statusCode, approved.body).toBe(200);
    const registration = (approved.json() as DetailBody).registration!;

    // The approved application's detail carries the registration the button opens.
    const detail = (await haidian.get(url(application.id))).json() as DetailBody;
    expect(detail.registration).toMatchObject({ id: registration.id, licenceCode: registration.licenceCode });
    const pdf = await haidian.get(`/api/v1/registrations/${registration.id}/certificate.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { pages } = await readPdfText(pdf.rawPayload);
    expect(pages[0]).toContain(registration.licenceCode);
    expect(pages[0]).toContain(doctor.name);
    expect(pages[0]).toContain('北京市海淀区卫生健康委员会');

    // A sibling county and another province's city are answered as not found.
    for (const other of [j.dongcheng.id, j.shenzhen.id]) {
      const agent = await staffOf(t.app, t.deps, other);
      const res = await agent.get(`/api/v1/registrations/${registration.id}/certificate.pdf`);
      expect([403, 404]).toContain(res.statusCode);
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain((res.json() as { code: string }).code);
      expect(res.headers['content-type']).not.toBe('application/pdf');
    }
  });
});
