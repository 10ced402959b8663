// BT-04 助理升执业 on the generic path: physician → institution → authority, through the HTTP API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { certificates, registrationEvents, registrations } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD, makeAuthorityStaff, makeInstitution, makePhysician, makeQualification } from '../helpers/factories';
import { makeRegistration } from '../helpers/register-factories';
import { ALL_DECLARATIONS } from '../helpers/applications-factories';

let t: TestApp;
let hospital: Awaited<ReturnType<typeof makeInstitution>>;
let reviewer: Agent;
let clerk: Agent;

beforeAll(async () => {
  t = await createTestApp();
  hospital = await makeInstitution(t.deps, { name: '北京市海淀区社区卫生服务中心', areaCode: '110108' });
  const staff = await makeAuthorityStaff(t.deps, hospital.authorityId);
  reviewer = await loggedIn(t.app, staff.loginName, PASSWORD);
  clerk = await loggedIn(t.app, hospital.clerkLogin, PASSWORD);
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

  it('《医师执业注册管理办法》: refuses 助理升执业 without a 执业医师 qualification of the same category', async () => {
    const doc = await makePhysician(t.deps, { name: '赵助理', level: 'assistant' });
    const reg = await makeRegistration(t.deps, { physicianId: doc.physician.id, qualificationId: doc.qualification.id, institution: hospital.institution, level: 'assistant', scopes: ['11'] });
    const agent = await loggedIn(t.app, doc.loginName, PASSWORD);
    const res = await agent.post('/api/v1/applications', { businessType: 'assistant_upgrade', registrationId: reg.id });
    expectProblem(res, 409, 'UPGRADE_QUALIFICATION_REQUIRED');
  });
});
