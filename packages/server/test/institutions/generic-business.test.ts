// The 医疗机构端 and 卫生健康行政部门端 sides of the generic business path (变更注册, 多机构备案 …): the queues name the
// kind of change, the 审核表 prints it old → new, and a type without a statutory clock is shown as such.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { todayInChina } from '@medreg/domain';
import { applications } from '../../src/db/schema/index';
import { readPdfText } from '../../src/pdf/test-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD, makeAuthorityStaff, makeInstitution, makePhysician } from '../helpers/factories';
import { makeRegistration } from '../helpers/register-factories';
import { makeApplicationAt } from '../helpers/institutions-factories';
import { confirmAndAccept, decide, fillAndSubmit, startBusiness, uploadEvidence, type Presented } from './generic-flow';

type InstitutionRow = { id: string; businessType: string; businessTypeLabel: string; kindLabel: string | null };
type AuthorityRow = InstitutionRow & { statutoryClock: boolean; dueDate: string | null; workingDaysLeft: number | null; overdue: boolean };

let t: TestApp;
let hospital: Awaited<ReturnType<typeof makeInstitution>>;
let filed: Awaited<ReturnType<typeof makeInstitution>>;
let clerk: Agent;
let filedClerk: Agent;
let reviewer: Agent;
let filedReviewer: Agent;
let doctor: Awaited<ReturnType<typeof makePhysician>> & { agent: Agent; licenceCode: string | null };
let change: Presented;

async function institutionQueue(agent: Agent, query: Record<string, unknown>): Promise<InstitutionRow[]> {
  const res = await agent.post('/api/v1/institution/applications/search', { limit: 100, ...query });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: InstitutionRow[] }).items;
}

async function authorityQueue(agent: Agent, query: Record<string, unknown>): Promise<{ items: AuthorityRow[]; nextCursor: string | null }> {
  const res = await agent.post('/api/v1/authority/queue/search', { limit: 100, ...query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: AuthorityRow[]; nextCursor: string | null };
}

beforeAll(async () => {
  t = await createTestApp();
  hospital = await makeInstitution(t.deps, { name: '北京市海淀区测试社区卫生服务中心', areaCode: '110108', grassroots: true });
  filed = await makeInstitution(t.deps, { name: '北京市东城区测试医院', areaCode: '110101' });
  clerk = await loggedIn(t.app, hospital.clerkLogin, PASSWORD);
  filedClerk = await loggedIn(t.app, filed.clerkLogin, PASSWORD);
  reviewer = await loggedIn(t.app, (await makeAuthorityStaff(t.deps, hospital.authorityId)).loginName, PASSWORD);
  filedReviewer = await loggedIn(t.app, (await makeAuthorityStaff(t.deps, filed.authorityId)).loginName, PASSWORD);
  const made = await makePhysician(t.deps, { name: '全科申' });
  const registration = await makeRegistration(t.deps, { physicianId: made.physician.id, qualificationId: made.qualification.id, institution: hospital.institution, scopes: ['11'] });
  doctor = { ...made, agent: await loggedIn(t.app, made.loginName, PASSWORD), licenceCode: registration.licenceCode };

  // 变更执业范围（增加全科医学专业）with the 全科转岗培训 certificate (domain §2.2 BT-03).
  const draft = await startBusiness(doctor.agent, 'change_registration', { registrationId: registration.id });
  const sha = await uploadEvidence(doctor.agent, draft.id, '全科医生转岗培训合格证书.png');
  change = await fillAndSubmit(doctor.agent, draft, {
    kind: 'scopes', operation: 'add', registrationId: registration.id, reason: '已取得全科医生转岗培训合格证书，拟在本院开展全科诊疗',
    scopes: ['21'], evidence: [{ scope: '21', kind: 'gp_conversion', issuer: '北京市全科医学培训中心', issuedOn: '2025-06-30', trainingMonths: 12, fileSha256: sha }],
  });
  await makeApplicationAt(t.deps, hospital, { name: '首次申' });
});

afterAll(async () => {
  await t?.close();
});

describe('医疗机构端: a change on the generic path', () => {
  it('shows the business type and the kind of change in the queue, and filters by the new business types', async () => {
    const all = await institutionQueue(clerk, { queue: 'pending_institution' });
    expect(all.find((r) => r.id === change.id)).toMatchObject({ businessTypeLabel: '变更注册', kindLabel: '变更执业范围（增加执业范围）' });
    expect(all.find((r) => r.businessType === 'first_registration')).toMatchObject({ kindLabel: null });
    const changes = await institutionQueue(clerk, { queue: 'pending_institution', businessType: 'change_registration' });
    expect(changes.map((r) => r.id)).toEqual([change.id]);
    expect(await institutionQueue(clerk, { queue: 'pending_institution', businessType: 'certificate_reissue' })).toEqual([]);
  });

  it('opens the application with its kind, reason, rows old → new and the evidence the physician uploaded', async () => {
    const res = await clerk.get(`/api/v1/institution/applications/${change.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const business = (res.json() as Presented).business!;
    expect(business).toMatchObject({ label: '变更注册', kindLabel: '变更执业范围（增加执业范围）', reason: '已取得全科医生转岗培训合格证书，拟在本院开展全科诊疗' });
    expect(business.review).toEqual([{ field: 'scopes', label: '执业范围', old: '内科专业', new: '内科专业、全科医学专业', changed: true }]);
    const files = await clerk.get(business.attachmentsUrl);
    expect(files.statusCode, files.body).toBe(200);
    const [file] = (files.json() as { items: { filename: string; url: string }[] }).items;
    expect(file).toMatchObject({ filename: '全科医生转岗培训合格证书.png' });
    const download = await clerk.get(file!.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
  });

  it('prints 申请变更事项 on the 审核表 — 原注册信息 beside 申请变更为, the reason and the evidence — on one A4 page', async () => {
    const res = await clerk.get(`/api/v1/institution/applications/${change.id}/form.pdf`);
    expect(res.statusCode).toBe(200);
    const { pages, numPages } = await readPdfText(res.rawPayload);
    expect(numPages).toBe(1);
    const text = pages[0]!;
    for (const expected of [
      change.businessCode!, '三、申请变更事项（变更注册：变更执业范围（增加执业范围））', '项目', '原注册信息', '申请变更为',
      '执业范围', '内科专业', '内科专业、全科医学专业', '申请理由', '已取得全科医生转岗培训合格证书', '证明材料', '全科医生转岗培训合格证书.png',
      doctor.licenceCode!, doctor.idNumber, '医疗机构意见', '卫生健康行政部门意见',
    ]) expect(text).toContain(expected);
    expect(text).not.toContain('拟注册信息');
  });

  it('keeps the 首次注册 审核表 as it was: 拟注册信息 and the education', async () => {
    const [first] = await institutionQueue(clerk, { queue: 'pending_institution', businessType: 'first_registration' });
    const { pages } = await readPdfText((await clerk.get(`/api/v1/institution/applications/${first!.id}/form.pdf`)).rawPayload);
    expect(pages[0]).toContain('三、拟注册信息');
    expect(pages[0]).toContain('北京大学医学部');
    expect(pages[0]).not.toContain('申请变更事项');
  });
});

describe('卫生健康行政部门端: the queue of generic applications', () => {
  it('shows the kind of change and filters by business type once the institution agreed', async () => {
    await decide(clerk, `/api/v1/institution/applications/${change.id}/approve`, change.version);
    const { items } = await authorityQueue(reviewer, { queue: 'pending_authority' });
    expect(items.find((r) => r.id === change.id)).toMatchObject({ businessTypeLabel: '变更注册', kindLabel: '变更执业范围（增加执业范围）', statutoryClock: true });
    expect((await authorityQueue(reviewer, { queue: 'pending_authority', businessType: 'change_registration' })).items.map((r) => r.id)).toEqual([change.id]);
    expect((await authorityQueue(reviewer, { queue: 'pending_authority', businessType: 'multi_site_filing' })).items).toEqual([]);
  });

  it('《医师执业注册管理办法》第十条: a 多机构备案 is filed with the authority of the filed institution and runs no statutory clock', async () => {
    const year = Number(todayInChina().slice(0, 4));
    const made = await makePhysician(t.deps, { name: '备案申' });
    const registration = await makeRegistration(t.deps, { physicianId: made.physician.id, qualificationId: made.qualification.id, institution: hospital.institution, scopes: ['11'] });
    const agent = await loggedIn(t.app, made.loginName, PASSWORD);
    const draft = await startBusiness(agent, 'multi_site_filing', { registrationId: registration.id });
    const filing = await fillAndSubmit(agent, draft, {
      action: 'add', registrationId: registration.id, institutionId: filed.institution.id, scopes: ['11'], validFrom: todayInChina(), validTo: `${year + 1}-12-31`,
    });
    expect((await institutionQueue(filedClerk, { queue: 'pending_institution' })).find((r) => r.id === filing.id)).toMatchObject({ kindLabel: '新增备案' });
    const accepted = await confirmAndAccept(filedClerk, filedReviewer, filing);
    expect(accepted.dueDate).toBeNull();
    expect(accepted.nextStep.text).toContain('无法定办理时限');
    const { items } = await authorityQueue(filedReviewer, { queue: 'accepted' });
    expect(items.find((r) => r.id === filing.id)).toMatchObject({
      businessTypeLabel: '多机构备案', kindLabel: '新增备案', statutoryClock: false, dueDate: null, workingDaysLeft: null, overdue: false,
    });
  });

  it('pages through 已受理 past applications without a due date (they come after the dated ones)', async () => {
    const clinic = await makeInstitution(t.deps, { name: '北京市朝阳区测试门诊部', areaCode: '110105' });
    const own = await loggedIn(t.app, (await makeAuthorityStaff(t.deps, clinic.authorityId)).loginName, PASSWORD);
    const dated: string[] = [];
    const undated: string[] = [];
    for (const [i, due] of ['2026-05-06', null, '2026-05-04', null, '2026-05-05', null].entries()) {
      const app = await makeApplicationAt(t.deps, clinic, { name: `受理${i}`, state: 'accepted', businessType: due ? 'change_registration' : 'multi_site_filing' });
      await t.deps.db.update(applications).set({ dueDate: due, acceptedAt: new Date('2026-04-01T02:00:00Z') }).where(eq(applications.id, app.id));
      (due ? dated : undated).push(app.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let n = 0; n < 10; n++) {
      const page = await authorityQueue(own, { queue: 'accepted', limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(6);
    expect(seen.slice(0, 3)).toEqual([dated[1], dated[2], dated[0]]);
    expect([...seen.slice(3)].sort()).toEqual([...undated].sort());
  });
});
