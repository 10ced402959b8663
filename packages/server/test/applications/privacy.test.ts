import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { loggedIn } from '../helpers/agent';
import { makeApplication, makeInstitution, makePhysician, PASSWORD } from '../helpers/factories';

describe('personal data in the shared application view', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('masks the 身份证号 inside the 资格证书编码 for institution staff, shows it to the applicant', async () => {
    const inst = await makeInstitution(t.deps);
    const p = await makePhysician(t.deps, { name: '周明' });
    const app = await makeApplication(t.deps, {
      physicianId: p.physician.id, physicianName: p.name, idNumber: p.idNumber, institutionId: inst.institution.id,
      authorityId: inst.authorityId, qualificationId: p.qualification.id,
    });
    const clerk = await loggedIn(t.app, inst.clerkLogin, PASSWORD);
    const seen = (await clerk.get(`/api/v1/applications/${app.id}`)).json() as { applicant: { idNumber: string }; qualification: { certCode: string } };
    expect(JSON.stringify(seen)).not.toContain(p.idNumber);
    expect(seen.qualification.certCode).toMatch(/\*{8}/);

    const owner = await loggedIn(t.app, p.loginName, PASSWORD);
    const mine = (await owner.get(`/api/v1/applications/${app.id}`)).json() as { qualification: { certCode: string } };
    expect(mine.qualification.certCode).toBe(p.certCode);
  });
});
