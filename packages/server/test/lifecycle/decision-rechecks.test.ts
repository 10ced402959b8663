// The rules checked again at 准予 (business/recheck.ts): a decision is taken on the records as they are then.
// A refused 准予 writes nothing — no registration, filing or certificate change, no history, no audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { applicationEvents, applications, auditLog, institutions, multiSiteFilings, qualifications, registrations } from '../../src/db/schema/index';
import { ALL_DECLARATIONS } from '../helpers/applications-factories';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn } from '../helpers/agent';
import { PASSWORD, makeInstitution } from '../helpers/factories';
import { setRegistrationStatus } from '../helpers/register-factories';
import {
  NOW, REASON, TODAY, addQualification, approveRequest, approvedThrough, certificatesOf, filingEventsOf, filingsOf, makeWorld,
  registeredPhysician, registrationEventsOf, registrationsOf, submitted, toAccepted, type Presented, type World,
} from './lifecycle-helpers';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  w = await makeWorld(t.app, t.deps);
});
afterAll(async () => t?.close());

async function auditCount(): Promise<number> {
  const [row] = await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return row!.n;
}

/** Everything a decision could have written about the physician and the application, to compare before and after. */
async function footprint(physicianId: string, applicationId: string) {
  const regs = await registrationsOf(t.deps, physicianId);
  const events = (await Promise.all(regs.map((r) => registrationEventsOf(t.deps, r.id)))).flat();
  const certs = (await Promise.all(regs.map((r) => certificatesOf(t.deps, r.id)))).flat();
  const filings = await filingsOf(t.deps, physicianId);
  const filingHistory = (await Promise.all(filings.map((f) => filingEventsOf(t.deps, f.id)))).flat();
  const [app] = await t.deps.db.select({ state: applications.state, version: applications.version, registrationId: applications.registrationId })
    .from(applications).where(eq(applications.id, applicationId));
  const appEvents = await t.deps.db.select({ action: applicationEvents.action }).from(applicationEvents).where(eq(applicationEvents.applicationId, applicationId));
  return {
    registrations: regs.map((r) => ({ id: r.id, status: r.status, version: r.version, scopes: r.scopes, licenceCode: r.licenceCode, verifyToken: r.verifyToken })),
    events: events.length,
    certificates: certs.map((c) => ({ id: c.id, status: c.status })),
    filings: filings.map((f) => ({ id: f.id, status: f.status, version: f.version })),
    filingHistory: filingHistory.length,
    application: app,
    applicationEvents: appEvents.map((e) => e.action),
    audit: await auditCount(),
  };
}

/** 准予 is refused with `code`, and nothing changed. */
async function expectRefusedAndNothingWritten(physicianId: string, app: Presented, version: number, reviewer: World['reviewer']['hd'], code: string) {
  const before = await footprint(physicianId, app.id);
  const body = expectProblem(await approveRequest(reviewer, app.id, version), 409, code);
  expect(await footprint(physicianId, app.id)).toEqual(before);
  expect(before.application).toMatchObject({ state: 'accepted', registrationId: null });
  return body;
}

describe('rechecks at 准予', () => {
  it('《医师法》第五十四条: a qualification revoked after submission is refused at 准予 with the reason, and nothing is written', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '蒋撤资', level: 'assistant' });
    const physicianQualification = await addQualification(t.deps, doc, 'physician', 'clinical');
    const app = await submitted(doc.agent, 'assistant_upgrade', { registrationId: doc.registration.id }, {
      mode: 'same_institution', registrationId: doc.registration.id, qualificationId: physicianQualification.id, scopes: ['11'], declarations: ALL_DECLARATIONS,
    });
    const version = await toAccepted(w.clerk.hd, w.reviewer.hd, app);
    await t.deps.db.update(qualifications).set({ status: 'revoked' }).where(eq(qualifications.id, physicianQualification.id));

    const body = await expectRefusedAndNothingWritten(doc.physician.id, app, version, w.reviewer.hd, 'QUALIFICATION_NO_LONGER_VALID');
    expect(body.detail).toBe('申请所依据的医师资格已不再有效');
    expect(body.errors!.map((e) => e.path)).toContainEqual(['qualificationId']);
    // The authority can still decide: 不予 with the reason.
    const refused = await w.reviewer.hd.post(`/api/v1/authority/applications/${app.id}/refuse`, { expectedVersion: version, reasons: '申请所依据的执业医师资格已被撤销' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect((await registrationsOf(t.deps, doc.physician.id)).map((r) => r.status)).toEqual(['valid']);
  });

  it('domain §3.2: a registration changed after submission (中止) is refused at 准予 as REGISTRATION_CHANGED_SINCE_SUBMISSION', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '沈中止' });
    const app = await submitted(doc.agent, 'change_registration', { registrationId: doc.registration.id }, {
      kind: 'main_institution', registrationId: doc.registration.id, reason: REASON, institutionId: w.dcInstitution.institution.id, department: '内科', startDate: TODAY,
    });
    const version = await toAccepted(w.clerk.dc, w.reviewer.dc, app);
    // Suspended meanwhile (《医师法》第四十二条), outside this application.
    await setRegistrationStatus(t.deps, doc.registration.id, 'suspended');
    const body = await expectRefusedAndNothingWritten(doc.physician.id, app, version, w.reviewer.dc, 'REGISTRATION_CHANGED_SINCE_SUBMISSION');
    expect(body.detail).toContain('提交申请后该注册已发生变化');
  });

  it('refuses 准予 of a 补发 when the registration\'s items changed since submission', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '韩变范围' });
    const app = await submitted(doc.agent, 'certificate_reissue', { registrationId: doc.registration.id }, { registrationId: doc.registration.id, reason: 'lost' });
    const version = await toAccepted(w.clerk.hd, w.reviewer.hd, app);
    await t.deps.db.update(registrations).set({ scopes: ['12'] }).where(eq(registrations.id, doc.registration.id));
    await expectRefusedAndNothingWritten(doc.physician.id, app, version, w.reviewer.hd, 'REGISTRATION_CHANGED_SINCE_SUBMISSION');
  });

  it('refuses 准予 of a 修改备案 when the filing changed since submission', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '杨备案变', scopes: ['11', '21'] });
    const period = { validFrom: TODAY, validTo: '2027-11-09' };
    await approvedThrough(w.clerk.dc, w.reviewer.dc, await submitted(doc.agent, 'multi_site_filing', { registrationId: doc.registration.id }, {
      action: 'add', registrationId: doc.registration.id, institutionId: w.dcInstitution.institution.id, scopes: ['11'], ...period,
    }));
    const [filing] = await filingsOf(t.deps, doc.physician.id);
    const app = await submitted(doc.agent, 'multi_site_filing', { filingId: filing!.id }, { action: 'modify', filingId: filing!.id, scopes: ['11', '21'], ...period });
    const version = await toAccepted(w.clerk.dc, w.reviewer.dc, app);
    await t.deps.db.update(multiSiteFilings).set({ validTo: '2027-06-30' }).where(eq(multiSiteFilings.id, filing!.id));
    await expectRefusedAndNothingWritten(doc.physician.id, app, version, w.reviewer.dc, 'FILING_CHANGED_SINCE_SUBMISSION');
  });

  it('refuses 准予 when the proposed institution can no longer take registrations', async () => {
    const closing = await makeInstitution(t.deps, { name: '北京市东城区即将停业医院', areaCode: '110101', authorityId: w.dongcheng.id });
    const clerk = await loggedIn(t.app, closing.clerkLogin, PASSWORD);
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '朱停业' });
    const app = await submitted(doc.agent, 'change_registration', { registrationId: doc.registration.id }, {
      kind: 'main_institution', registrationId: doc.registration.id, reason: REASON, institutionId: closing.institution.id, department: '内科', startDate: TODAY,
    });
    const version = await toAccepted(clerk, w.reviewer.dc, app);
    await t.deps.db.update(institutions).set({ status: 'suspended' }).where(eq(institutions.id, closing.institution.id));
    await expectRefusedAndNothingWritten(doc.physician.id, app, version, w.reviewer.dc, 'INSTITUTION_INACTIVE');
  });
});
