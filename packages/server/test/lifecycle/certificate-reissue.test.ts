// BT-09 补发/换领 on the generic path: a new certificate replaces the old one, the registration is unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { registrations } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn } from '../helpers/agent';
import { PASSWORD, makePhysician } from '../helpers/factories';
import { makeRegistration, setRegistrationStatus } from '../helpers/register-factories';
import {
  NOW, accepts, approveRequest, auditActionsOf, certificateEventsOf, certificatesOf, institutionApproves, makeWorld, registeredPhysician,
  registrationEventsOf, submitted, type World,
} from './lifecycle-helpers';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  w = await makeWorld(t.app, t.deps);
});
afterAll(async () => t?.close());

describe('BT-09 补发/换领', () => {
  it('domain §2.2 BT-09: 补发 supersedes the old certificate (已换发) by a new one with the same 执业证书编码 and a new QR token', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '冯补证' });
    const [before] = await certificatesOf(t.deps, doc.registration.id);
    const app = await submitted(doc.agent, 'certificate_reissue', { registrationId: doc.registration.id }, { registrationId: doc.registration.id, reason: 'lost', note: '证书在搬家时遗失' });
    expect(app.businessCode).toMatch(/^BT09\d{16}$/);
    expect(app.business!.kindLabel).toBe('遗失补发');
    // The current main institution confirms; the issuing authority decides.
    expect(app.institution!.id).toBe(w.hdInstitution.institution.id);
    expect(app.authority!.id).toBe(w.haidian.id);
    expect(app.business!.review).toContainEqual(expect.objectContaining({ field: 'certificate', old: expect.stringContaining(doc.registration.licenceCode!), changed: true }));

    const accepted = await accepts(w.reviewer.hd, app.id, await institutionApproves(w.clerk.hd, app));
    // Administrative, not a licence: no statutory clock.
    expect(accepted.dueDate).toBeNull();
    expect((await approveRequest(w.reviewer.hd, app.id, accepted.version)).statusCode).toBe(200);

    const certs = await certificatesOf(t.deps, doc.registration.id);
    expect(certs).toHaveLength(2);
    const old = certs.find((c) => c.id === before!.id)!;
    const issued = certs.find((c) => c.id !== before!.id)!;
    expect(old).toMatchObject({ status: 'superseded', supersededBy: issued.id, verifyToken: doc.registration.verifyToken });
    expect(issued).toMatchObject({ status: 'issued', licenceCode: doc.registration.licenceCode, applicationId: app.id, supersededBy: null });
    expect(issued.verifyToken).not.toBe(old.verifyToken);
    expect(issued.verifyToken).toMatch(/^[\w-]{20,}$/);

    // The registration is unchanged except for the token of its current certificate.
    const [reg] = await t.deps.db.select().from(registrations).where(eq(registrations.id, doc.registration.id));
    expect(reg).toMatchObject({ status: 'valid', licenceCode: doc.registration.licenceCode, verifyToken: issued.verifyToken, version: 1 });
    expect(await registrationEventsOf(t.deps, doc.registration.id)).toEqual([]);
    expect((await certificateEventsOf(t.deps, [old.id, issued.id])).map((e) => [e.certificateId, e.event, e.toStatus])).toEqual([
      [old.id, 'supersede', 'superseded'], [issued.id, 'issue', 'issued'],
    ]);
    expect(await auditActionsOf(t.deps, 'certificate', old.id)).toEqual(['certificate.supersede']);
    expect(await auditActionsOf(t.deps, 'certificate', issued.id)).toEqual(['certificate.issue']);

    // The new token opens the certificate check.
    const verified = await t.app.inject({ method: 'GET', url: `/api/v1/register/certificates/${issued.verifyToken}` });
    expect(verified.json()).toMatchObject({ valid: true, registration: { licenceCode: doc.registration.licenceCode } });
  });

  it('换领 of a damaged certificate is told apart from 补发', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '陈换领' });
    const app = await submitted(doc.agent, 'certificate_reissue', { registrationId: doc.registration.id }, { registrationId: doc.registration.id, reason: 'damaged' });
    expect(app.business!.kindLabel).toBe('损毁换领');
  });

  it('refuses 补发 for a registration without a certificate in force', async () => {
    const doc = await makePhysician(t.deps, { name: '褚无证' });
    const reg = await makeRegistration(t.deps, { physicianId: doc.physician.id, qualificationId: doc.qualification.id, institution: w.hdInstitution.institution, withToken: false });
    const agent = await loggedIn(t.app, doc.loginName, PASSWORD);
    expectProblem(await agent.post('/api/v1/applications', { businessType: 'certificate_reissue', registrationId: reg.id }), 409, 'CERTIFICATE_NOT_ISSUED');
  });

  it('refuses 补发 for a registration that is no longer in force (变更出)', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '卫已变更' });
    await setRegistrationStatus(t.deps, doc.registration.id, 'transferred_out');
    expectProblem(await doc.agent.post('/api/v1/applications', { businessType: 'certificate_reissue', registrationId: doc.registration.id }), 409, 'REGISTRATION_NOT_VALID');
  });
});
