// BT-08 重新注册 on the generic path (《医师法》第十六条、第十九条、第五十四条): a physician whose registration was 注销
// applies with the assessment and the six months' training certificate → institution 同意 → authority 准予.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { supervision, type CancellationGround } from '@medreg/domain';
import { registrationBars, registrations } from '../../src/db/schema/index';
import { inTransaction } from '../../src/context';
import { cancelRegistration } from '../../src/modules/lifecycle/cancel-registration';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem } from '../helpers/agent';
import { ALL_DECLARATIONS } from '../helpers/applications-factories';
import {
  NOW, TODAY, approveRequest, businessOptions, certificatesOf, makeWorld, putForm, registeredPhysician, registrationsOf, saveForm, startBusiness, submit,
  toAccepted, uploadEvidence, approvedThrough, type Presented, type World,
} from './lifecycle-helpers';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  w = await makeWorld(t.app, t.deps);
});
afterAll(async () => t?.close());

/** A physician registered at 海淀医院 whose registration was cancelled on `on` on `ground`. */
async function cancelledPhysician(name: string, ground: CancellationGround = 'health_unfit', on = '2026-03-02T02:00:00Z') {
  const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name });
  t.setNow(on);
  await inTransaction(t.deps, (c) => cancelRegistration(c, {
    registrationId: doc.registration.id, event: 'cancel', ground, initiator: 'authority',
    cause: supervision(ground === 'assessment_failed_again' ? 'reassessment_failed' : 'cancellation_trigger'), actor: { accountId: null, role: 'system' },
  }));
  t.setNow(NOW);
  return doc;
}

type Doc = Awaited<ReturnType<typeof cancelledPhysician>>;

async function formFor(doc: Doc, draft: Presented, overrides: Record<string, unknown> = {}) {
  return {
    registrationId: doc.registration.id, qualificationId: doc.qualification.id, practiceLocationCode: '110000', institutionId: w.dcInstitution.institution.id,
    category: 'clinical', scopes: ['11'], department: '内科', startDate: TODAY, declarations: ALL_DECLARATIONS,
    assessment: { assessedBy: '北京市东城区卫生健康委员会', passedOn: '2026-10-20', fileSha256: await uploadEvidence(doc.agent, draft.id, 'Assessment passed') },
    training: { institution: '北京协和医院', from: '2026-03-10', to: '2026-09-30', fileSha256: await uploadEvidence(doc.agent, draft.id, 'Training certificate') },
    ...overrides,
  };
}

describe('BT-08 重新注册', () => {
  it('《医师法》第十九条: apply → institution 同意 → authority 准予 opens a new 有效 registration with a new certificate; the old one stays 注销', async () => {
    const doc = await cancelledPhysician('冯再起');
    const options = await businessOptions(doc.agent);
    const re = options.businesses.find((b) => b.type === 're_registration')!;
    expect(re.available).toBe(true);
    expect(re.subjects).toContainEqual(expect.objectContaining({ registrationId: doc.registration.id, eligible: true }));

    const draft = await startBusiness(doc.agent, 're_registration', { registrationId: doc.registration.id });
    const saved = await saveForm(doc.agent, draft, await formFor(doc, draft));
    const row = (field: string) => saved.business!.review.find((r) => r.field === field);
    expect(row('registrationStatus')?.old).toMatch(/^注销（2026-03-02注销：/);
    expect(row('mainInstitution')).toMatchObject({ old: '北京市海淀医院', new: '北京市东城区和平里医院' });
    expect(row('training')?.new).toBe('北京协和医院，2026-03-10 至 2026-09-30');
    expect(row('assessment')?.new).toContain('考核合格');

    const app = await submit(doc.agent, saved);
    expect(app.businessCode).toMatch(/^BT08\d{16}$/);
    expect(app.institution?.id).toBe(w.dcInstitution.institution.id);
    expect(app.authority?.id).toBe(w.dongcheng.id);
    await approvedThrough(w.clerk.dc, w.reviewer.dc, app);

    const regs = await registrationsOf(t.deps, doc.physician.id);
    const old = regs.find((r) => r.id === doc.registration.id)!;
    const next = regs.find((r) => r.id !== doc.registration.id)!;
    expect(old.status).toBe('cancelled');
    expect(next).toMatchObject({ status: 'valid', level: 'physician', practiceLocationCode: '110000', mainInstitutionId: w.dcInstitution.institution.id, authorityId: w.dongcheng.id, approvedOn: TODAY, replacesRegistrationId: null });
    expect(next.licenceCode).not.toBe(old.licenceCode);
    // §5.5: seniority at the level counts from the first approval.
    expect(next.seniorityFrom).toBe(old.approvedOn);
    expect((await certificatesOf(t.deps, next.id)).map((c) => c.status)).toEqual(['issued']);
    expect((await certificatesOf(t.deps, old.id)).map((c) => c.status)).toEqual(['voided']);
  });

  it.each([
    ['assessment_failed_again', '《医师法》第十六条第四项', '2025-11-11', '2025-11-10'],
    ['certificate_revoked', '《医师法》第十六条第三项', '2024-11-11', '2024-11-10'],
  ] as const)('《医师法》第十六条: refused while the bar of %s runs, naming the basis and the day it ends; open the day after', async (ground, basis, endsToday, endedYesterday) => {
    const barred = await cancelledPhysician(`限期${ground.length}甲`, ground, `${endsToday}T02:00:00Z`);
    const refused = expectProblem(await barred.agent.post('/api/v1/applications', { businessType: 're_registration', registrationId: barred.registration.id }), 409, 'REGISTRATION_BARRED');
    expect(refused.detail).toContain(basis);
    expect(refused.detail).toContain(`至${TODAY}止`);
    const re = (await businessOptions(barred.agent)).businesses.find((b) => b.type === 're_registration')!;
    expect(re.available).toBe(false);

    const lapsed = await cancelledPhysician(`限期${ground.length}乙`, ground, `${endedYesterday}T02:00:00Z`);
    await startBusiness(lapsed.agent, 're_registration', { registrationId: lapsed.registration.id });
  });

  it('re-checks the bars at the decision: a bar recorded after submission refuses 准予 with its end date, and nothing is opened', async () => {
    const doc = await cancelledPhysician('褚待定');
    const draft = await startBusiness(doc.agent, 're_registration', { registrationId: doc.registration.id });
    const app = await submit(doc.agent, await saveForm(doc.agent, draft, await formFor(doc, draft)));
    const version = await toAccepted(w.clerk.dc, w.reviewer.dc, app);
    await t.deps.db.insert(registrationBars).values({ physicianId: doc.physician.id, kind: 'improper_means', startsOn: '2026-11-01', endsOn: '2029-10-31' });
    const refused = expectProblem(await approveRequest(w.reviewer.dc, app.id, version), 409, 'REGISTRATION_BARRED');
    expect(refused.detail).toContain('至2029-10-31止');
    expect(await registrationsOf(t.deps, doc.physician.id)).toHaveLength(1);
  });

  it('refuses a physician who still holds a registration', async () => {
    const doc = await cancelledPhysician('卫两地');
    const { registration } = await registeredPhysician(t.app, t.deps, w.nsInstitution.institution, { name: '另一医师' });
    await t.deps.db.update(registrations).set({ physicianId: doc.physician.id }).where(eq(registrations.id, registration.id));
    expectProblem(await doc.agent.post('/api/v1/applications', { businessType: 're_registration', registrationId: doc.registration.id }), 409, 'STILL_REGISTERED');
  });

  it('《医师执业注册管理办法》 六个月以上连续培训: a shorter training is 400 on form.training.to; a missing or foreign file names its field', async () => {
    const doc = await cancelledPhysician('蒋补训');
    const draft = await startBusiness(doc.agent, 're_registration', { registrationId: doc.registration.id });
    const good = await formFor(doc, draft);
    const short = expectProblem(await putForm(doc.agent, draft, { ...good, training: { ...good.training, to: '2026-09-08' } }), 400, 'TRAINING_TOO_SHORT');
    expect(short.errors![0]!.path).toEqual(['form', 'training', 'to']);
    expect(short.detail).toContain('六个月以上连续培训');

    const missing = expectProblem(await putForm(doc.agent, draft, { ...good, assessment: { ...good.assessment, fileSha256: undefined } }), 400, 'VALIDATION_FAILED');
    expect(missing.errors!.map((e) => e.path)).toContainEqual(['form', 'assessment', 'fileSha256']);

    const foreign = await putForm(doc.agent, draft, { ...good, training: { ...good.training, fileSha256: 'b'.repeat(64) } });
    expect(foreign.statusCode).toBeGreaterThanOrEqual(400);
    expect(foreign.statusCode).toBeLessThan(500);
    expect((foreign.json() as { errors: { path: unknown[] }[] }).errors[0]!.path).toEqual(['form', 'training', 'fileSha256']);
  });
});
