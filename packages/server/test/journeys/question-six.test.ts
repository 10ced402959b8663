// Seed question 六: a physician registered in a region that has not enabled e-registration applies in an
// e-registration region without activating first; the account activates when the authority approves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { physicians, registrations } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { loggedIn } from '../helpers/agent';
import { makeAuthorityStaff, makeInstitution, PASSWORD } from '../helpers/factories';
import { makeRegisteredPhysician, setERegistration, signUp, verifyPhone } from '../helpers/physicians-factories';
import { completeDraft, type PresentedApp } from '../helpers/applications-factories';

describe('a physician from a region without e-registration (seed question 六)', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('applies directly, keeps the old registration, and is activated on approval', async () => {
    await setERegistration(t.deps, '460000', false);
    const old = await makeRegisteredPhysician(t.deps, { name: '彭海生', areaCode: '460106' });
    const me = await signUp(t.app, { name: old.name, idNumber: old.idNumber });
    await verifyPhone(t.deps, me.agent, me.phone);

    const path = await me.agent.post('/api/v1/physician/activation', { method: 'auto_on_approval' });
    expect(path.statusCode, path.body).toBe(200);

    const started = await me.agent.post('/api/v1/applications', { businessType: 'first_registration' });
    expect(started.statusCode, started.body).toBe(201);
    const draft = started.json() as PresentedApp;
    expect(draft.businessType).toBe('additional_registration');

    const beijing = await makeInstitution(t.deps, { areaCode: '110108' });
    const complete = await completeDraft(me.agent, draft, beijing.institution);
    const submitted = await me.agent.post(`/api/v1/applications/${draft.id}/submit`, { expectedVersion: complete.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const app = submitted.json() as PresentedApp;
    expect(app.state).toBe('pending_institution');

    const clerk = await loggedIn(t.app, beijing.clerkLogin, PASSWORD);
    const agreed = await clerk.post(`/api/v1/institution/applications/${draft.id}/approve`, { expectedVersion: app.version });
    expect(agreed.statusCode, agreed.body).toBe(200);

    const reviewerAccount = await makeAuthorityStaff(t.deps, beijing.authorityId);
    const reviewer = await loggedIn(t.app, reviewerAccount.loginName, PASSWORD);
    const detail = (await reviewer.get(`/api/v1/authority/applications/${draft.id}`)).json() as { version: number };
    const accepted = await reviewer.post(`/api/v1/authority/applications/${draft.id}/accept`, { expectedVersion: detail.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const approved = await reviewer.post(`/api/v1/authority/applications/${draft.id}/approve`, { expectedVersion: detail.version + 1 });
    expect(approved.statusCode, approved.body).toBe(200);

    const [person] = await t.deps.db.select().from(physicians).where(eq(physicians.id, old.physician.id));
    expect(person!.activationStatus).toBe('active');
    expect(person!.activationMethod).toBe('auto_on_approval');
    const regs = await t.deps.db.select().from(registrations).where(eq(registrations.physicianId, old.physician.id));
    expect(regs.filter((r) => r.status === 'valid').map((r) => r.practiceLocationCode).sort()).toEqual(['110000', '460000']);
  });
});
