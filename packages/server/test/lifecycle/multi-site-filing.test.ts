// BT-05 多机构备案 on the generic path: add, modify, end a filing at a further institution, through the HTTP API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { registrations } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD, makeInstitution } from '../helpers/factories';
import {
  NOW, TODAY, accepts, approveRequest, approvedThrough, auditActionsOf, businessOptions, filingEventsOf, filingsOf, institutionApproves,
  makeWorld, putForm, registeredPhysician, registrationEventsOf, startBusiness, submitted, type Presented, type World,
} from './lifecycle-helpers';

let t: TestApp;
let w: World;
/** A second institution in 海淀区 — inside an assistant's county. */
let haidianClinic: Awaited<ReturnType<typeof makeInstitution>>;
let haidianClinicClerk: Agent;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  w = await makeWorld(t.app, t.deps);
  haidianClinic = await makeInstitution(t.deps, { name: '北京市海淀区中关村医院', areaCode: '110108', authorityId: w.haidian.id });
  haidianClinicClerk = await loggedIn(t.app, haidianClinic.clerkLogin, PASSWORD);
});
afterAll(async () => t?.close());

const PERIOD = { validFrom: TODAY, validTo: '2027-11-09' };

/** A 执业医师 at 北京市海淀医院 registered for 内科 and 全科 (so a filing can be modified within them). */
const physicianAtHaidian = (name: string) => registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name, scopes: ['11', '21'] });

const addForm = (registrationId: string, institutionId: string, scopes = ['11']) => ({ action: 'add', registrationId, institutionId, scopes, ...PERIOD });

/** A 新增 at 东城区和平里医院 taken to 有效. */
async function activeFiling(doc: Awaited<ReturnType<typeof physicianAtHaidian>>) {
  const app = await submitted(doc.agent, 'multi_site_filing', { registrationId: doc.registration.id }, addForm(doc.registration.id, w.dcInstitution.institution.id));
  await approvedThrough(w.clerk.dc, w.reviewer.dc, app);
  const [filing] = await filingsOf(t.deps, doc.physician.id);
  expect(filing!.status).toBe('active');
  return filing!;
}

describe('BT-05 新增备案', () => {
  it('《医师执业注册管理办法》第十条: a filing is 申请中 from submission and 有效 on approval by the authority that approved the filed institution, with no statutory clock', async () => {
    const doc = await physicianAtHaidian('陈备案');
    const app = await submitted(doc.agent, 'multi_site_filing', { registrationId: doc.registration.id }, addForm(doc.registration.id, w.dcInstitution.institution.id));
    expect(app.businessCode).toMatch(/^BT05\d{16}$/);
    expect(app.business!.kindLabel).toBe('新增备案');
    // The institution to be filed confirms; the authority that approved it files.
    expect(app.institution!.id).toBe(w.dcInstitution.institution.id);
    expect(app.authority!.id).toBe(w.dongcheng.id);

    const [pending] = await filingsOf(t.deps, doc.physician.id);
    expect(pending).toMatchObject({
      status: 'pending', registrationId: doc.registration.id, institutionId: w.dcInstitution.institution.id, authorityId: w.dongcheng.id,
      scopes: ['11'], validFrom: PERIOD.validFrom, validTo: PERIOD.validTo, applicationId: app.id,
    });
    expect((await businessOptions(doc.agent)).filings).toEqual([expect.objectContaining({ id: pending!.id, status: 'pending' })]);

    const version = await institutionApproves(w.clerk.dc, app);
    const accepted = await accepts(w.reviewer.dc, app.id, version);
    // A filing is not a licence: 受理 starts no 20-working-day clock (domain §2.2 BT-05 [I]).
    expect(accepted).toMatchObject({ state: 'accepted', dueDate: null });
    const queue = await w.reviewer.dc.get('/api/v1/authority/queue?queue=accepted');
    const row = (queue.json() as { items: { id: string; businessTypeLabel: string; dueDate: string | null; workingDaysLeft: number | null }[] }).items.find((i) => i.id === app.id);
    expect(row).toMatchObject({ businessTypeLabel: '多机构备案', dueDate: null, workingDaysLeft: null });

    expect((await approveRequest(w.reviewer.dc, app.id, accepted.version)).statusCode).toBe(200);
    const [active] = await filingsOf(t.deps, doc.physician.id);
    expect(active).toMatchObject({ id: pending!.id, status: 'active' });
    expect((await filingEventsOf(t.deps, active!.id)).map((e) => [e.event, e.fromStatus, e.toStatus])).toEqual([['submit', null, 'pending'], ['approve', 'pending', 'active']]);
    expect(await auditActionsOf(t.deps, 'multi_site_filing', active!.id)).toEqual(['filing.submit', 'filing.approve']);
    // The registration it hangs on is not changed by a filing.
    expect(await registrationEventsOf(t.deps, doc.registration.id)).toEqual([]);
  });

  it('revokes the 申请中 filing when the authority refuses (不予)', async () => {
    const doc = await physicianAtHaidian('褚不予');
    const app = await submitted(doc.agent, 'multi_site_filing', { registrationId: doc.registration.id }, addForm(doc.registration.id, w.dcInstitution.institution.id));
    const accepted = await accepts(w.reviewer.dc, app.id, await institutionApproves(w.clerk.dc, app));
    const refused = await w.reviewer.dc.post(`/api/v1/authority/applications/${app.id}/refuse`, { expectedVersion: accepted.version, reasons: '该机构执业范围不含所备案专业' });
    expect(refused.statusCode, refused.body).toBe(200);
    const [filing] = await filingsOf(t.deps, doc.physician.id);
    expect(filing!.status).toBe('revoked');
    expect((await filingEventsOf(t.deps, filing!.id)).map((e) => [e.event, e.toStatus])).toEqual([['submit', 'pending'], ['abandon', 'revoked']]);
    expect(await auditActionsOf(t.deps, 'multi_site_filing', filing!.id)).toEqual(['filing.submit', 'filing.abandon']);
  });

  it('revokes the 申请中 filing when the institution does not agree (不同意)', async () => {
    const doc = await physicianAtHaidian('卫不同意');
    const app = await submitted(doc.agent, 'multi_site_filing', { registrationId: doc.registration.id }, addForm(doc.registration.id, w.dcInstitution.institution.id));
    const res = await w.clerk.dc.post(`/api/v1/institution/applications/${app.id}/refuse`, { expectedVersion: app.version, reason: '本院暂不接收多机构执业医师' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await filingsOf(t.deps, doc.physician.id)).map((f) => f.status)).toEqual(['revoked']);
  });

  it('revokes the 申请中 filing when the physician withdraws', async () => {
    const doc = await physicianAtHaidian('蒋撤回');
    const app = await submitted(doc.agent, 'multi_site_filing', { registrationId: doc.registration.id }, addForm(doc.registration.id, w.dcInstitution.institution.id));
    const res = await doc.agent.post(`/api/v1/applications/${app.id}/withdraw`, { expectedVersion: app.version });
    expect(res.statusCode, res.body).toBe(200);
    const [filing] = await filingsOf(t.deps, doc.physician.id);
    expect(filing!.status).toBe('revoked');
    expect((await filingEventsOf(t.deps, filing!.id)).map((e) => e.event)).toEqual(['submit', 'abandon']);
    // The institution may then be filed again.
    await startBusiness(doc.agent, 'multi_site_filing', { registrationId: doc.registration.id });
  });
});

describe('BT-05 inside the practice location', () => {
  it('domain §2.2 BT-05 [S17]: a 执业医师 files only institutions in the province of one of their valid registrations', async () => {
    const doc = await physicianAtHaidian('沈跨省');
    const draft = await startBusiness(doc.agent, 'multi_site_filing', { registrationId: doc.registration.id });
    const body = expectProblem(await putForm(doc.agent, draft, addForm(doc.registration.id, w.nsInstitution.institution.id)), 400, 'FILING_OUTSIDE_PRACTICE_LOCATION');
    expect(body.detail).toContain('北京市');
    expect(body.errors![0]!.path).toEqual(['form', 'institutionId']);
    // Inside the province, another county is fine.
    expect((await putForm(doc.agent, draft, addForm(doc.registration.id, w.dcInstitution.institution.id))).statusCode).toBe(200);
  });

  it('《医师执业注册管理办法》第七条: an assistant files only inside their county', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '韩助理', level: 'assistant', scopes: ['11'] });
    const draft = await startBusiness(doc.agent, 'multi_site_filing', { registrationId: doc.registration.id });
    const body = expectProblem(await putForm(doc.agent, draft, addForm(doc.registration.id, w.dcInstitution.institution.id)), 400, 'FILING_OUTSIDE_PRACTICE_LOCATION');
    expect(body.detail).toContain('执业助理医师只能在执业地点');
    const app = await putForm(doc.agent, draft, addForm(doc.registration.id, haidianClinic.institution.id));
    expect(app.statusCode, app.body).toBe(200);
    const sent = await doc.agent.post(`/api/v1/applications/${draft.id}/submit`, { expectedVersion: (app.json() as Presented).version });
    expect(sent.statusCode, sent.body).toBe(200);
    await approvedThrough(haidianClinicClerk, w.reviewer.hd, sent.json() as Presented);
    expect((await filingsOf(t.deps, doc.physician.id)).map((f) => [f.institutionId, f.status])).toEqual([[haidianClinic.institution.id, 'active']]);
  });

  it('《医师法》第十四条: refuses a filed scope that is not registered, the main institution, a second filing at the same institution and a period that ended', async () => {
    const doc = await physicianAtHaidian('杨规则');
    await activeFiling(doc);
    const draft = await startBusiness(doc.agent, 'multi_site_filing', { registrationId: doc.registration.id });
    expectProblem(await putForm(doc.agent, draft, addForm(doc.registration.id, haidianClinic.institution.id, ['12'])), 400, 'FILING_SCOPE_NOT_REGISTERED');
    expectProblem(await putForm(doc.agent, draft, addForm(doc.registration.id, w.hdInstitution.institution.id)), 400, 'FILING_AT_MAIN_INSTITUTION');
    expectProblem(await putForm(doc.agent, draft, { ...addForm(doc.registration.id, haidianClinic.institution.id), validTo: '2026-11-01' }), 400, 'FILING_PERIOD_INVALID');
    expectProblem(await putForm(doc.agent, draft, addForm(doc.registration.id, w.dcInstitution.institution.id)), 409, 'FILING_DUPLICATE');
    // One draft per record: the next 新增 continues it.
    const open = expectProblem(await doc.agent.post('/api/v1/applications', { businessType: 'multi_site_filing', registrationId: doc.registration.id }), 409, 'APPLICATION_ALREADY_OPEN');
    expect(open.detail).toContain('多机构备案');
  });
});

describe('BT-05 修改备案 and 终止备案', () => {
  it('domain §2.2 BT-05: 修改备案 gives the filing new scopes and period on approval', async () => {
    const doc = await physicianAtHaidian('朱修改');
    const filing = await activeFiling(doc);
    const draft = await startBusiness(doc.agent, 'multi_site_filing', { filingId: filing.id });
    expectProblem(await putForm(doc.agent, draft, { action: 'modify', filingId: filing.id, scopes: ['11'], ...PERIOD }), 400, 'FILING_UNCHANGED');
    const saved = await putForm(doc.agent, draft, { action: 'modify', filingId: filing.id, scopes: ['11', '21'], validFrom: TODAY, validTo: '2028-06-30' });
    expect(saved.statusCode, saved.body).toBe(200);
    const app = saved.json() as Presented;
    expect(app.business!.review).toContainEqual(expect.objectContaining({ field: 'filingPeriod', old: `${TODAY} 至 2027-11-09`, new: `${TODAY} 至 2028-06-30`, changed: true }));
    const sent = await doc.agent.post(`/api/v1/applications/${app.id}/submit`, { expectedVersion: app.version });
    expect(sent.statusCode, sent.body).toBe(200);
    const pendingApp = sent.json() as Presented;
    expect(pendingApp.institution!.id).toBe(w.dcInstitution.institution.id);
    expect(pendingApp.authority!.id).toBe(w.dongcheng.id);
    // Until approval the filing is as it was.
    expect((await filingsOf(t.deps, doc.physician.id))[0]).toMatchObject({ scopes: ['11'], validTo: '2027-11-09' });
    await approvedThrough(w.clerk.dc, w.reviewer.dc, pendingApp);

    const [modified] = await filingsOf(t.deps, doc.physician.id);
    expect(modified).toMatchObject({ id: filing.id, status: 'active', scopes: ['11', '21'], validFrom: TODAY, validTo: '2028-06-30', version: 3 });
    const events = await filingEventsOf(t.deps, filing.id);
    expect(events.map((e) => e.event)).toEqual(['submit', 'approve', 'modify']);
    expect(events[2]!.changes).toMatchObject({ scopes: ['11', '21'], validTo: '2028-06-30' });
    expect(await auditActionsOf(t.deps, 'multi_site_filing', filing.id)).toEqual(['filing.submit', 'filing.approve', 'filing.modify']);
  });

  it('domain §2.2 BT-05: 终止备案 revokes the filing on approval', async () => {
    const doc = await physicianAtHaidian('许终止');
    const filing = await activeFiling(doc);
    const app = await submitted(doc.agent, 'multi_site_filing', { filingId: filing.id }, { action: 'end', filingId: filing.id, reason: '合作协议到期' });
    expect(app.business!.kindLabel).toBe('终止备案');
    // One application per filing at a time.
    expectProblem(await doc.agent.post('/api/v1/applications', { businessType: 'multi_site_filing', filingId: filing.id }), 409, 'APPLICATION_PENDING');
    await approvedThrough(w.clerk.dc, w.reviewer.dc, app);
    const [ended] = await filingsOf(t.deps, doc.physician.id);
    expect(ended!.status).toBe('revoked');
    expect((await filingEventsOf(t.deps, filing.id)).map((e) => [e.event, e.toStatus])).toEqual([['submit', 'pending'], ['approve', 'active'], ['end', 'revoked']]);
    // An ended filing can be neither modified nor ended again.
    expectProblem(await doc.agent.post('/api/v1/applications', { businessType: 'multi_site_filing', filingId: filing.id }), 409, 'FILING_NOT_ACTIVE');
    const [reg] = await t.deps.db.select().from(registrations).where(eq(registrations.id, doc.registration.id));
    expect(reg!.status).toBe('valid');
  });
});
