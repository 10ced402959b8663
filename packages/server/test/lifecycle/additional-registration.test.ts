// BT-02 增加执业地点 on the generic path: a registration in another province, the old one kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_DECLARATIONS } from '../helpers/applications-factories';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem } from '../helpers/agent';
import {
  NOW, TODAY, approvedThrough, auditActionsOf, businessOptions, certificatesOf, makeWorld, putForm, registeredPhysician, registrationEventsOf,
  registrationsOf, startBusiness, submitted, type World,
} from './lifecycle-helpers';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  w = await makeWorld(t.app, t.deps);
});
afterAll(async () => t?.close());

const additionalForm = (registrationId: string, institutionId: string, practiceLocationCode: string) => ({
  registrationId, practiceLocationCode, institutionId, department: '内科', startDate: TODAY, declarations: ALL_DECLARATIONS,
});

describe('BT-02 增加执业地点', () => {
  it('《医师执业注册管理办法》第十七条: an assistant cannot add a practice location', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '孙助理', level: 'assistant' });
    const res = await doc.agent.post('/api/v1/applications', { businessType: 'additional_registration', registrationId: doc.registration.id });
    const body = expectProblem(res, 409, 'ADDITIONAL_REGISTRATION_PHYSICIAN_ONLY');
    expect(body.detail).toContain('第十七条');
    const options = await businessOptions(doc.agent);
    const additional = options.businesses.find((b) => b.type === 'additional_registration')!;
    expect(additional.available).toBe(false);
    expect(additional.subjects[0]!.refusals.map((r) => r.code)).toContain('ADDITIONAL_REGISTRATION_PHYSICIAN_ONLY');
  });

  it('domain §2.2 BT-02 [S17]: a 执业医师 registers in another province and the old registration stays valid', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '李两省', scopes: ['11'] });
    const options = await businessOptions(doc.agent);
    const offered = options.businesses.find((b) => b.type === 'additional_registration') as unknown as { available: boolean; explanation: string };
    expect(offered.available).toBe(true);
    // The difference from 变更 is explained on the form.
    expect(offered.explanation).toContain('原执业地点的注册继续有效');
    expect(offered.explanation).toContain('变更出');

    const app = await submitted(doc.agent, 'additional_registration', { registrationId: doc.registration.id }, additionalForm(doc.registration.id, w.nsInstitution.institution.id, '440000'));
    expect(app.businessCode).toMatch(/^BT02\d{16}$/);
    expect(app.institution!.id).toBe(w.nsInstitution.institution.id);
    expect(app.authority!.id).toBe(w.nanshan.id);
    await approvedThrough(w.clerk.ns, w.reviewer.ns, app);

    const regs = await registrationsOf(t.deps, doc.physician.id);
    const old = regs.find((r) => r.id === doc.registration.id)!;
    const added = regs.find((r) => r.id !== doc.registration.id)!;
    expect(old).toMatchObject({ status: 'valid', practiceLocationCode: '110000', version: 1, licenceCode: doc.registration.licenceCode });
    expect(added).toMatchObject({
      status: 'valid', level: 'physician', category: 'clinical', scopes: ['11'], practiceLocationCode: '440000',
      mainInstitutionId: w.nsInstitution.institution.id, authorityId: w.nanshan.id, replacesRegistrationId: null, approvedOn: TODAY,
      // domain §5.5: seniority at the level counts from the first approval at it.
      seniorityFrom: old.seniorityFrom,
    });
    expect(added.licenceCode).toMatch(/^110440305\d{6}$/);
    expect(await registrationEventsOf(t.deps, old.id)).toEqual([]);
    expect((await registrationEventsOf(t.deps, added.id)).map((e) => [e.event, e.toStatus])).toEqual([['open', 'valid']]);
    expect(await auditActionsOf(t.deps, 'registration', added.id)).toEqual(['registration.open']);
    expect((await certificatesOf(t.deps, old.id)).map((c) => c.status)).toEqual(['issued']);
    expect(await certificatesOf(t.deps, added.id)).toEqual([expect.objectContaining({ status: 'issued', licenceCode: added.licenceCode, verifyToken: added.verifyToken })]);

    const after = await businessOptions(doc.agent);
    expect(after.registrations.map((r) => r.statusLabel)).toEqual(['有效', '有效']);
  });

  it('domain §2.2 BT-02 [S17]: only another province — a further institution in the same province is a 多机构备案', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '周同省' });
    const draft = await startBusiness(doc.agent, 'additional_registration', { registrationId: doc.registration.id });
    const res = await putForm(doc.agent, draft, additionalForm(doc.registration.id, w.dcInstitution.institution.id, '110000'));
    const body = expectProblem(res, 409, 'PROVINCE_ALREADY_REGISTERED');
    expect(body.detail).toContain('多机构备案');
    expect(body.errors![0]!.path).toEqual(['form', 'institutionId']);
  });

  it('refuses an institution outside the 执业地点 chosen', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '吴错省' });
    const draft = await startBusiness(doc.agent, 'additional_registration', { registrationId: doc.registration.id });
    expectProblem(await putForm(doc.agent, draft, additionalForm(doc.registration.id, w.nsInstitution.institution.id, '310000')), 400, 'INSTITUTION_OUTSIDE_PRACTICE_LOCATION');
  });
});
