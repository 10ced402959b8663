// BT-04 助理升执业 on the generic path: physician → institution → authority, through the HTTP API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { certificates, registrationEvents, registrations } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD, makeAuthorityStaff, makeInstitution, makePhysician, makeQualification } from '../helpers/factories';
import { makeRegistration } from '../helpers/register-factories';
import { ALL_DECLARATIONS } from '../helpers/applications-factories';
import { NOW, TODAY, auditActionsOf, certificatesOf, registrationEventsOf, registrationsOf, submitted, putForm, startBusiness, approvedThrough } from './lifecycle-helpers';

let t: TestApp;
let hospital: Awaited<ReturnType<typeof makeInstitution>>;
let reviewer: Agent;
let clerk: Agent;
/** 深圳市南山区人民医院, in another province, with its clerk and a reviewer of the 南山区 authority that approved it. */
let shenzhen: Awaited<ReturnType<typeof makeInstitution>>;
let shenzhenClerk: Agent;
let shenzhenReviewer: Agent;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  hospital = await makeInstitution(t.deps, { name: '北京市海淀区社区卫生服务中心', areaCode: '110108' });
  const staff = await makeAuthorityStaff(t.deps, hospital.authorityId);
  reviewer = await loggedIn(t.app, staff.loginName, PASSWORD);
  clerk = await loggedIn(t.app, hospital.clerkLogin, PASSWORD);
  shenzhen = await makeInstitution(t.deps, { name: '深圳市南山区人民医院', areaCode: '440305' });
  shenzhenClerk = await loggedIn(t.app, shenzhen.clerkLogin, PASSWORD);
  shenzhenReviewer = await loggedIn(t.app, (await makeAuthorityStaff(t.deps, shenzhen.authorityId)).loginName, PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

/** An 执业助理医师 registered at the hospital who has since passed the 执业医师 exam of the same category. */
async function upgradedAssistant(name: string) {
  const doc = await makePhysician(t.deps, { name, level: 'assistant' });
  const assistantReg = await makeRegistration(t.deps, { physicianId: doc.physician.id, qualificationId: doc.qualification.id, institution: hospital.institution, level: 'assistant', scopes: ['11'] });
  const { qualification } = await makeQualification(t.deps, { name, idNumber: doc.idNumber, level: 'physician', physicianId: doc.physician.id });
  const agent = await loggedIn(t.app, doc.loginName, PASSWORD);
  return { ...doc, agent, assistantReg, physicianQualification: qualification };
}

type Presented = { id: string; version: number; state: string; businessCode: string | null; business: { review: { field: string; old: string | null; new: string | null }[] } | null };

async function startUpgrade(agent: Agent, registrationId: string): Promise<Presented> {
  const res = await agent.post('/api/v1/applications', { businessType: 'assistant_upgrade', registrationId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Presented;
}

describe('BT-04 助理升执业 (same institution)', () => {
  it('lists the assistant registration as the one to upgrade', async () => {
    const a = await upgradedAssistant('王助理');
    const options = (await a.agent.get('/api/v1/physician/business-options')).json() as { businesses: { type: string; available: boolean; subjects: { registrationId?: string; eligible: boolean }[] }[] };
    const upgrade = options.businesses.find((b) => b.type === 'assistant_upgrade')!;
    expect(upgrade.available).toBe(true);
    expect(upgrade.subjects).toContainEqual(expect.objectContaining({ registrationId: a.assistantReg.id, eligible: true }));
    const additional = options.businesses.find((b) => b.type === 'additional_registration')!;
    expect(additional.available).toBe(false);
  });

  it('opens a 执业医师 registration with a new code starting with 1, widened to the province, and closes the assistant one', async () => {
    const a = await upgradedAssistant('李助理');
    let app = await startUpgrade(a.agent, a.assistantReg.id);
    const saved = await a.agent.request('PUT', `/api/v1/applications/${app.id}/form`, {
      expectedVersion: app.version,
      form: { mode: 'same_institution', registrationId: a.assistantReg.id, qualificationId: a.physicianQualification.id, scopes: ['11'], declarations: ALL_DECLARATIONS },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    app = saved.json() as Presented;
    expect(app.business!.review).toContainEqual(expect.objectContaining({ field: 'level', old: '执业助理医师', new: '执业医师' }));

    const submitted = await a.agent.post(`/api/v1/applications/${app.id}/submit`, { expectedVersion: app.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    app = submitted.json() as Presented;
    expect(app.state).toBe('pending_institution');
    expect(app.businessCode).toMatch(/^BT04\d{16}$/);

    const agreed = await clerk.post(`/api/v1/institution/applications/${app.id}/approve`, { expectedVersion: app.version });
    expect(agreed.statusCode, agreed.body).toBe(200);
    let version = (agreed.json() as { version: number }).version;
    const accepted = await reviewer.post(`/api/v1/authority/applications/${app.id}/accept`, { expectedVersion: version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    version = (accepted.json() as { version: number }).version;
    const approved = await reviewer.post(`/api/v1/authority/applications/${app.id}/approve`, { expectedVersion: version });
    expect(approved.statusCode, approved.body).toBe(200);

    const regs = await t.deps.db.select().from(registrations).where(eq(registrations.physicianId, a.physician.id));
    const old = regs.find((r) => r.id === a.assistantReg.id)!;
    const next = regs.find((r) => r.id !== a.assistantReg.id)!;
    expect(old.status).toBe('transferred_out');
    expect(next).toMatchObject({ level: 'physician', status: 'valid', practiceLocationCode: '110000', replacesRegistrationId: old.id });
    expect(next.licenceCode).toMatch(/^1/);
    const events = await t.deps.db.select().from(registrationEvents).where(eq(registrationEvents.registrationId, old.id));
    expect(events.map((e) => e.event)).toContain('close_for_upgrade');
    const [oldCertificate] = await t.deps.db.select().from(certificates).where(eq(certificates.registrationId, old.id));
    const [newCertificate] = await t.deps.db.select().from(certificates).where(and(eq(certificates.registrationId, next.id), eq(certificates.status, 'issued')));
    expect(newCertificate).toBeDefined();
    expect(oldCertificate).toMatchObject({ status: 'superseded', supersededBy: newCertificate!.id });
  });

  it('domain §2.2 BT-04: refuses 助理升执业 without a 执业医师 qualification', async () => {
    const doc = await makePhysician(t.deps, { name: '赵助理', level: 'assistant' });
    const reg = await makeRegistration(t.deps, { physicianId: doc.physician.id, qualificationId: doc.qualification.id, institution: hospital.institution, level: 'assistant', scopes: ['11'] });
    const agent = await loggedIn(t.app, doc.loginName, PASSWORD);
    const res = await agent.post('/api/v1/applications', { businessType: 'assistant_upgrade', registrationId: reg.id });
    expectProblem(res, 409, 'UPGRADE_QUALIFICATION_REQUIRED');
  });
});

describe('BT-04 助理升执业 (with a change of place)', () => {
  it('domain §2.2 BT-04: with a new institution it is a 首次注册 carrying the assistant registration over — new institution, new province, the assistant registration 变更出', async () => {
    const a = await upgradedAssistant('孙换地');
    const form = {
      mode: 'new_institution', registrationId: a.assistantReg.id, qualificationId: a.physicianQualification.id, scopes: ['11'], declarations: ALL_DECLARATIONS,
      practiceLocationCode: '440000', institutionId: shenzhen.institution.id, department: '内科',
      // The seed's hint on 拟在该机构执业时间: an assistant may enter the date of the assistant registration.
      startDate: a.assistantReg.approvedOn,
    };
    const app = await submitted(a.agent, 'assistant_upgrade', { registrationId: a.assistantReg.id }, form);
    // As 首次注册 (《医师执业注册管理办法》第九条): the new institution confirms, the authority that approved it decides.
    expect(app.institution!.id).toBe(shenzhen.institution.id);
    expect(app.authority!.id).toBe(shenzhen.authorityId);
    expect(app.business!.kindLabel).toBe('同时变更主要执业机构（按首次注册填写，原助理注册一并转入）');
    // The old institution has nothing to confirm.
    expect((await clerk.post(`/api/v1/institution/applications/${app.id}/approve`, { expectedVersion: app.version })).statusCode).toBe(404);
    await approvedThrough(shenzhenClerk, shenzhenReviewer, app);

    const regs = await registrationsOf(t.deps, a.physician.id);
    const old = regs.find((r) => r.id === a.assistantReg.id)!;
    const next = regs.find((r) => r.id !== a.assistantReg.id)!;
    expect(old).toMatchObject({ status: 'transferred_out', statusReason: '助理升执业（注册为执业医师）', level: 'assistant', practiceLocationCode: '110108' });
    expect(next).toMatchObject({
      status: 'valid', level: 'physician', category: 'clinical', scopes: ['11'], practiceLocationCode: '440000', mainInstitutionId: shenzhen.institution.id,
      authorityId: shenzhen.authorityId, qualificationId: a.physicianQualification.id, replacesRegistrationId: old.id, department: '内科',
    });
    expect(next.licenceCode).toMatch(/^110440305\d{6}$/);
    expect((await registrationEventsOf(t.deps, old.id)).map((e) => [e.event, e.fromStatus, e.toStatus])).toEqual([['close_for_upgrade', 'valid', 'transferred_out']]);
    expect(await auditActionsOf(t.deps, 'registration', old.id)).toEqual(['registration.close_for_upgrade']);
    expect(await auditActionsOf(t.deps, 'registration', next.id)).toEqual(['registration.open']);
    const [newCertificate] = await certificatesOf(t.deps, next.id);
    expect((await certificatesOf(t.deps, old.id))[0]).toMatchObject({ status: 'superseded', supersededBy: newCertificate!.id });
  });

  it('domain §5.5: the 执业医师 seniority counts from the approval of 助理升执业, the assistant count is kept', async () => {
    const a = await upgradedAssistant('钱年资');
    const app = await submitted(a.agent, 'assistant_upgrade', { registrationId: a.assistantReg.id }, {
      mode: 'same_institution', registrationId: a.assistantReg.id, qualificationId: a.physicianQualification.id, scopes: ['11'], declarations: ALL_DECLARATIONS,
    });
    await approvedThrough(clerk, reviewer, app);
    const regs = await registrationsOf(t.deps, a.physician.id);
    expect(regs.find((r) => r.id === a.assistantReg.id)).toMatchObject({ level: 'assistant', approvedOn: '2026-03-15', seniorityFrom: '2026-03-15' });
    expect(regs.find((r) => r.id !== a.assistantReg.id)).toMatchObject({ level: 'physician', approvedOn: TODAY, seniorityFrom: TODAY });
  });

  it('refuses a "new" institution that is the current main institution', async () => {
    const a = await upgradedAssistant('周同院');
    const draft = await startBusiness(a.agent, 'assistant_upgrade', { registrationId: a.assistantReg.id });
    const res = await putForm(a.agent, draft, {
      mode: 'new_institution', registrationId: a.assistantReg.id, qualificationId: a.physicianQualification.id, scopes: ['11'], declarations: ALL_DECLARATIONS,
      practiceLocationCode: '110000', institutionId: hospital.institution.id, department: '内科', startDate: TODAY,
    });
    const body = expectProblem(res, 400, 'INSTITUTION_UNCHANGED');
    expect(body.errors![0]!.path).toEqual(['form', 'institutionId']);
  });
});

describe('BT-04 refusals', () => {
  it('domain §2.2 BT-04: the 执业医师 qualification must be of the same category as the assistant registration', async () => {
    const doc = await makePhysician(t.deps, { name: '吴跨类', level: 'assistant' });
    const reg = await makeRegistration(t.deps, { physicianId: doc.physician.id, qualificationId: doc.qualification.id, institution: hospital.institution, level: 'assistant', scopes: ['11'] });
    await makeQualification(t.deps, { name: doc.name, idNumber: doc.idNumber, level: 'physician', category: 'tcm', physicianId: doc.physician.id });
    const agent = await loggedIn(t.app, doc.loginName, PASSWORD);
    expectProblem(await agent.post('/api/v1/applications', { businessType: 'assistant_upgrade', registrationId: reg.id }), 409, 'UPGRADE_QUALIFICATION_REQUIRED');
  });

  it('refuses a form naming the assistant qualification instead of the 执业医师 one', async () => {
    const a = await upgradedAssistant('郑旧证');
    const draft = await startBusiness(a.agent, 'assistant_upgrade', { registrationId: a.assistantReg.id });
    const res = await putForm(a.agent, draft, { mode: 'same_institution', registrationId: a.assistantReg.id, qualificationId: a.qualification.id, scopes: ['11'], declarations: ALL_DECLARATIONS });
    const body = expectProblem(res, 409, 'UPGRADE_QUALIFICATION_REQUIRED');
    expect(body.errors![0]!.path).toEqual(['form', 'qualificationId']);
  });

  it('refuses 助理升执业 on a 执业医师 registration', async () => {
    const doc = await makePhysician(t.deps, { name: '王执业' });
    const reg = await makeRegistration(t.deps, { physicianId: doc.physician.id, qualificationId: doc.qualification.id, institution: hospital.institution, scopes: ['11'] });
    const agent = await loggedIn(t.app, doc.loginName, PASSWORD);
    expectProblem(await agent.post('/api/v1/applications', { businessType: 'assistant_upgrade', registrationId: reg.id }), 409, 'UPGRADE_ASSISTANT_ONLY');
  });
});
