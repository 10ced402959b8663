import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTITUTION_QUEUES } from '@medreg/domain';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD, makeInstitution } from '../helpers/factories';
import { makeApplicationAt } from '../helpers/institutions-factories';

type Row = { id: string; businessCode: string; physicianName: string; idNumberMasked: string; businessType: string; businessTypeLabel: string;
  state: string; stateLabel: string; submittedAt: string; authorityName: string; institutionReview: { label: string }; authorityReview: { label: string };
  allowedActions: string[] };
type Page = { items: Row[]; nextCursor: string | null; queueLabel: string };

let t: TestApp;
let clerk: Agent;
let otherClerk: Agent;
let inst: Awaited<ReturnType<typeof makeInstitution>>;
const apps: Awaited<ReturnType<typeof makeApplicationAt>>[] = [];

async function page(agent: Agent, query: Record<string, string | number>): Promise<Page> {
  // POST …/search: the 身份证号 filter may only travel in the body.
  const res = await agent.post('/api/v1/institution/applications/search', query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}

async function walk(agent: Agent, query: Record<string, string | number>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const p = await page(agent, { ...query, ...(cursor ? { cursor } : {}) });
    ids.push(...p.items.map((r) => r.id));
    cursor = p.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  return { ids, pages };
}

beforeAll(async () => {
  t = await createTestApp();
  inst = await makeInstitution(t.deps, { name: '北京市测试人民医院' });
  const other = await makeInstitution(t.deps, { name: '北京市另一家医院' });
  // 12 pending applications over 4 days, three of them at the same instant (keyset ties on submitted_at).
  const days = ['2026-03-01T02:00:00Z', '2026-03-02T02:00:00Z', '2026-03-02T02:00:00Z', '2026-03-02T02:00:00Z', '2026-03-03T02:00:00Z', '2026-03-03T15:30:00Z',
    '2026-03-04T01:00:00Z', '2026-03-04T03:00:00Z', '2026-03-05T02:00:00Z', '2026-03-05T05:00:00Z', '2026-03-06T02:00:00Z', '2026-03-06T09:00:00Z'];
  for (const [i, at] of days.entries()) {
    apps.push(await makeApplicationAt(t.deps, inst, {
      name: i % 4 === 0 ? '张伟' : '李娜', submittedAt: at, businessType: i % 3 === 0 ? 'change_registration' : 'first_registration',
    }));
  }
  apps.push(await makeApplicationAt(t.deps, inst, { name: '张伟', state: 'pending_authority', submittedAt: '2026-03-02T08:00:00Z' }));
  apps.push(await makeApplicationAt(t.deps, inst, { name: '张伟', state: 'accepted', submittedAt: '2026-03-02T09:00:00Z' }));
  apps.push(await makeApplicationAt(t.deps, inst, { name: '王芳', state: 'approved', submittedAt: '2026-02-01T09:00:00Z' }));
  apps.push(await makeApplicationAt(t.deps, inst, { name: '王芳', state: 'draft', submittedAt: '2026-02-01T09:00:00Z' }));
  apps.push(await makeApplicationAt(t.deps, other, { name: '张伟', submittedAt: '2026-03-03T02:00:00Z' }));
  clerk = await loggedIn(t.app, inst.clerkLogin, PASSWORD);
  otherClerk = await loggedIn(t.app, other.clerkLogin, PASSWORD);
});

afterAll(async () => {
  await t.close();
});

const pending = () => apps.filter((a) => a.institutionId === inst.institution.id && a.state === 'pending_institution');

describe('医师申请业务办理 queues', () => {
  it('lists 待机构确认 newest first with masked ID, labels, authority and allowed actions', async () => {
    const p = await page(clerk, { queue: 'pending_institution', limit: 100 });
    expect(p.queueLabel).toBe('待机构确认');
    expect(p.items).toHaveLength(12);
    const times = p.items.map((r) => r.submittedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const row = p.items[0]!;
    expect(row.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(row.stateLabel).toBe('待机构确认');
    expect(row.institutionReview.label).toBe('待确认');
    expect(row.authorityReview.label).toBe('—');
    expect(row.authorityName).toMatch(/卫生健康委员会/);
    expect(row.allowedActions).toEqual(['institution_approve', 'institution_return', 'institution_refuse']);
    expect(JSON.stringify(p)).not.toContain(apps[0]!.idNumber);
  });

  it('files each state in its queue and leaves drafts out', async () => {
    const inProgress = await page(clerk, { queue: 'in_progress' });
    expect(inProgress.items.map((r) => r.state).sort()).toEqual(['accepted', 'pending_authority']);
    expect(inProgress.items.every((r) => r.institutionReview.label === '已同意')).toBe(true);
    const completed = await page(clerk, { queue: 'completed' });
    expect(completed.items.map((r) => r.state)).toEqual(['approved']);
    for (const q of ['pending_institution', 'in_progress', 'completed'] as const) {
      const p = await page(clerk, { queue: q, limit: 100 });
      expect(p.items.every((r) => (INSTITUTION_QUEUES[q].states as readonly string[]).includes(r.state))).toBe(true);
    }
  });

  it('shows another institution\'s clerk none of these applications', async () => {
    const p = await page(otherClerk, { queue: 'pending_institution', limit: 100 });
    expect(p.items).toHaveLength(1);
    const mine = new Set(apps.filter((a) => a.institutionId === inst.institution.id).map((a) => a.id));
    expect(p.items.some((r) => mine.has(r.id))).toBe(false);
    const byName = await page(otherClerk, { queue: 'pending_institution', name: '李娜' });
    expect(byName.items).toHaveLength(0);
  });

  it('filters by each condition alone', async () => {
    expect((await page(clerk, { name: '张伟', limit: 100 })).items.map((r) => r.id).sort())
      .toEqual(pending().filter((a) => a.physicianName === '张伟').map((a) => a.id).sort());
    const target = pending()[5]!;
    expect((await page(clerk, { idNumber: target.idNumber.toLowerCase() })).items.map((r) => r.id)).toEqual([target.id]);
    expect((await page(clerk, { businessCode: target.businessCode!.toLowerCase() })).items.map((r) => r.id)).toEqual([target.id]);
    expect((await page(clerk, { businessType: 'change_registration', limit: 100 })).items.map((r) => r.id).sort())
      .toEqual(pending().filter((a) => a.businessType === 'change_registration').map((a) => a.id).sort());
    expect((await page(clerk, { businessType: 'change_registration' })).items[0]!.businessTypeLabel).toBe('变更注册');
    expect((await page(clerk, { state: 'pending_institution', limit: 100 })).items).toHaveLength(12);
    expect((await page(clerk, { queue: 'in_progress', state: 'accepted' })).items.map((r) => r.state)).toEqual(['accepted']);
  });

  it('filters by 申请日期 in Beijing days, both ends inclusive', async () => {
    // 2026-03-03T15:30Z is 2026-03-03 23:30 in Beijing; 2026-03-04T01:00Z is 09:00 on the 4th.
    const p = await page(clerk, { submittedFrom: '2026-03-03', submittedTo: '2026-03-04', limit: 100 });
    expect(p.items.map((r) => r.submittedAt).sort()).toEqual(['2026-03-03T02:00:00.000Z', '2026-03-03T15:30:00.000Z', '2026-03-04T01:00:00.000Z', '2026-03-04T03:00:00.000Z']);
    expect((await page(clerk, { submittedFrom: '2026-03-06', limit: 100 })).items).toHaveLength(2);
    expect((await page(clerk, { submittedTo: '2026-03-01', limit: 100 })).items).toHaveLength(1);
  });

  it('combines conditions', async () => {
    const zhang = pending().filter((a) => a.physicianName === '张伟');
    const p = await page(clerk, { name: '张伟', businessType: 'change_registration', submittedFrom: '2026-03-01', submittedTo: '2026-03-31', limit: 100 });
    expect(p.items.map((r) => r.id).sort()).toEqual(zhang.filter((a) => a.businessType === 'change_registration').map((a) => a.id).sort());
    const target = zhang[1]!;
    expect((await page(clerk, { name: '张伟', idNumber: target.idNumber, businessCode: target.businessCode!, state: 'pending_institution' })).items.map((r) => r.id)).toEqual([target.id]);
    expect((await page(clerk, { name: '李娜', idNumber: target.idNumber })).items).toHaveLength(0);
    expect((await page(clerk, { queue: 'in_progress', name: '张伟', submittedFrom: '2026-03-02', submittedTo: '2026-03-02' })).items).toHaveLength(2);
  });

  it('pages by cursor in both sort orders without duplicates or gaps, ties included', async () => {
    const expected = pending().map((a) => a.id).sort();
    for (const sort of ['desc', 'asc'] as const) {
      for (const limit of [1, 2, 5]) {
        const { ids, pages } = await walk(clerk, { sort, limit });
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual(expected);
        expect(pages).toBe(Math.ceil(12 / limit));
      }
    }
    const desc = (await walk(clerk, { sort: 'desc', limit: 3 })).ids;
    const asc = (await walk(clerk, { sort: 'asc', limit: 3 })).ids;
    expect(asc).toEqual([...desc].reverse());
  });

  it('pages a filtered query too', async () => {
    const { ids } = await walk(clerk, { name: '李娜', limit: 2 });
    expect(ids.sort()).toEqual(pending().filter((a) => a.physicianName === '李娜').map((a) => a.id).sort());
  });

  it('refuses an invalid 身份证号, a state of another queue, a reversed date range and a forged cursor', async () => {
    const bad = expectProblem(await clerk.post('/api/v1/institution/applications/search', { idNumber: '110101198013010011' }), 400, 'ID_NUMBER_INVALID');
    expect(bad.errors?.[0]?.path).toEqual(['idNumber']);
    expectProblem(await clerk.get('/api/v1/institution/applications?queue=pending_institution&state=approved'), 400, 'STATE_NOT_IN_QUEUE');
    expectProblem(await clerk.get('/api/v1/institution/applications?submittedFrom=2026-03-05&submittedTo=2026-03-01'), 400, 'DATE_RANGE_INVALID');
    expectProblem(await clerk.get('/api/v1/institution/applications?cursor=abc'), 400, 'QUEUE_CURSOR_INVALID');
    const first = await page(clerk, { sort: 'desc', limit: 1 });
    expectProblem(await clerk.get(`/api/v1/institution/applications?sort=asc&cursor=${first.nextCursor}`), 400, 'QUEUE_CURSOR_INVALID');
    expectProblem(await clerk.get('/api/v1/institution/applications?businessType=nonsense'), 400, 'VALIDATION_FAILED');
  });

  it('refuses a 身份证号 in the URL and names the POST search that takes it', async () => {
    const inUrl = expectProblem(await clerk.get(`/api/v1/institution/applications?idNumber=${pending()[0]!.idNumber}`), 400, 'VALIDATION_FAILED');
    expect(inUrl.errors?.[0]?.path).toEqual(['idNumber']);
    expect(inUrl.detail).toContain('POST /api/v1/institution/applications/search');
    // Every other filter still works as a query string.
    expect((await clerk.get('/api/v1/institution/applications?queue=pending_institution&limit=100')).json()).toMatchObject({ items: expect.any(Array) });
  });

  it('serves institution staff only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/institution/applications' });
    expectProblem(res, 401, 'UNAUTHENTICATED');
  });
});
