import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, type Agent } from '../helpers/agent';
import { makeAuthority, makeInstitution } from '../helpers/factories';
import { applications } from '../../src/db/schema/index';
import { actionsOf, makeJurisdictions, makePendingApplication, staffOf, type Jurisdictions } from '../helpers/authority-factories';

interface QueueItem {
  id: string; businessCode: string; physicianName: string; state: string; acceptedOn: string | null; dueDate: string | null;
  workingDaysLeft: number | null; overdue: boolean; allowedActions: { action: string }[];
}
interface QueueBody {
  authority: { id: string; mine: boolean }; canDecide: boolean; today: string; decisionLimitWorkingDays: number;
  counts: Record<string, number>; items: QueueItem[]; nextCursor: string | null;
}

let t: TestApp;
let j: Jurisdictions;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-09-29T02:00:00Z');
  j = await makeJurisdictions(t.deps);
});
afterAll(async () => t?.close());

/** A county authority of its own with one institution, so each scenario counts only its own rows. */
async function county(areaCode: string, name: string) {
  const authority = await makeAuthority(t.deps, { name, areaCode, level: 'county' });
  const { institution } = await makeInstitution(t.deps, { areaCode, authorityId: authority.id });
  const make = (o: Parameters<typeof makePendingApplication>[2] = {}) => makePendingApplication(t.deps, { institution, authorityId: authority.id }, o);
  return { authority, institution, make, staff: () => staffOf(t.app, t.deps, authority.id) };
}

async function queue(agent: Agent, query: Record<string, string | number> = {}): Promise<QueueBody> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const res = await agent.get(`/api/v1/authority/queue${qs ? `?${qs}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as QueueBody;
}

describe('the four queues', () => {
  it('files applications under 正在申办, 已受理, 退回补正 and 已办结 with counts', async () => {
    const x = await county('110105', '北京市朝阳区卫生健康委员会');
    const reviewer = await x.staff();
    const a = await x.make({ name: '甲' });
    await x.make({ name: '乙' });
    await x.make({ name: '丙', state: 'returned_for_correction' });
    const approved = await x.make({ name: '戊' });
    await t.deps.db.update(applications).set({ state: 'approved', decidedAt: new Date('2026-09-28T08:00:00Z') }).where(eq(applications.id, approved.application.id));
    expect((await reviewer.post(`/api/v1/authority/applications/${a.application.id}/accept`, {})).statusCode).toBe(200);

    const pending = await queue(reviewer);
    expect(pending.authority.mine).toBe(true);
    expect(pending.canDecide).toBe(true);
    expect(pending.decisionLimitWorkingDays).toBe(20);
    expect(pending.counts).toEqual({ pending_authority: 1, accepted: 1, returned_for_correction: 1, completed: 1, overdue: 0, dueSoon: 0 });
    expect(pending.items.map((i) => i.physicianName)).toEqual(['乙']);
    expect(actionsOf(pending.items[0]!)).toEqual(['accept', 'request_correction']);
    expect(pending.items[0]!.dueDate).toBeNull();

    const accepted = await queue(reviewer, { queue: 'accepted' });
    expect(accepted.items).toMatchObject([{ physicianName: '甲', acceptedOn: '2026-09-29', dueDate: '2026-11-02', workingDaysLeft: 20, overdue: false }]);
    expect(actionsOf(accepted.items[0]!)).toEqual(['approve', 'refuse']);
    expect((await queue(reviewer, { queue: 'returned_for_correction' })).items.map((i) => i.physicianName)).toEqual(['丙']);
    const done = await queue(reviewer, { queue: 'completed' });
    expect(done.items.map((i) => [i.physicianName, i.state])).toEqual([['戊', 'approved']]);
    expect((await queue(reviewer, { queue: 'completed', state: 'refused' })).items).toEqual([]);
  });
});

describe('due dates and working days left', () => {
  it('counts down across the 2026 National Day holiday and marks the overdue', async () => {
    const x = await county('110106', '北京市丰台区卫生健康委员会');
    t.setNow('2026-09-29T02:00:00Z');
    const { application } = await x.make();
    expect((await (await x.staff()).post(`/api/v1/authority/applications/${application.id}/accept`, {})).statusCode).toBe(200);
    const left: [string, number, boolean][] = [
      ['2026-09-30T02:00:00Z', 19, false],
      ['2026-10-05T02:00:00Z', 19, false], // in the holiday: nothing counted
      ['2026-10-09T02:00:00Z', 17, false],
      ['2026-10-11T02:00:00Z', 16, false], // Saturday 10-10 was a 调休 working day
      ['2026-11-02T02:00:00Z', 0, false], // the last day
      ['2026-11-03T02:00:00Z', -1, true],
      ['2026-11-09T02:00:00Z', -5, true],
    ];
    for (const [instant, days, overdue] of left) {
      t.setNow(instant);
      const body = await queue(await x.staff(), { queue: 'accepted' });
      expect(body.items[0], instant).toMatchObject({ dueDate: '2026-11-02', workingDaysLeft: days, overdue });
      expect(body.counts.overdue, instant).toBe(overdue ? 1 : 0);
    }
  });

  it('counts the Sunday 2026-09-20 make-up working day', async () => {
    const x = await county('110107', '北京市石景山区卫生健康委员会');
    t.setNow('2026-09-18T02:00:00Z'); // Friday
    const { application } = await x.make();
    const res = await (await x.staff()).post(`/api/v1/authority/applications/${application.id}/accept`, {});
    expect(res.json()).toMatchObject({ acceptedOn: '2026-09-18', dueDate: '2026-10-22' });
    t.setNow('2026-09-19T02:00:00Z'); // Saturday: not a working day
    expect((await queue(await x.staff(), { queue: 'accepted' })).items[0]!.workingDaysLeft).toBe(20);
    t.setNow('2026-09-21T02:00:00Z'); // Monday: Sunday 09-20 and Monday have passed
    expect((await queue(await x.staff(), { queue: 'accepted' })).items[0]!.workingDaysLeft).toBe(18);
  });
});

describe('filters and pages', () => {
  it('finds by 姓名, 业务编号, 身份证号 and due date', async () => {
    t.setNow('2026-09-29T02:00:00Z');
    const x = await county('110109', '北京市门头沟区卫生健康委员会');
    const reviewer = await x.staff();
    const zhang = await x.make({ name: '张伟' });
    await x.make({ name: '李娜' });
    expect((await queue(reviewer, { name: '张伟' })).items.map((i) => i.id)).toEqual([zhang.application.id]);
    expect((await queue(reviewer, { businessCode: zhang.application.businessCode!.toLowerCase() })).items.map((i) => i.id)).toEqual([zhang.application.id]);
    // By 身份证号 only in the body of POST …/search; in a URL it is refused.
    const byId = await reviewer.post('/api/v1/authority/queue/search', { idNumber: zhang.doctor.idNumber });
    expect(byId.statusCode, byId.body).toBe(200);
    expect((byId.json() as QueueBody).items.map((i) => i.id)).toEqual([zhang.application.id]);
    const inUrl = expectProblem(await reviewer.get(`/api/v1/authority/queue?idNumber=${zhang.doctor.idNumber}`), 400, 'VALIDATION_FAILED');
    expect(inUrl.errors?.[0]?.path).toEqual(['idNumber']);
    expect(inUrl.detail).toContain('POST /api/v1/authority/queue/search');
    expect((await queue(reviewer, { name: '王五' })).items).toEqual([]);
    await reviewer.post(`/api/v1/authority/applications/${zhang.application.id}/accept`, {});
    expect((await queue(reviewer, { queue: 'accepted', dueBefore: '2026-11-01' })).items).toEqual([]);
    expect((await queue(reviewer, { queue: 'accepted', dueBefore: '2026-11-02' })).items).toHaveLength(1);
    expectProblem(await reviewer.get('/api/v1/authority/queue?dueBefore=2026-02-30'), 400, 'VALIDATION_FAILED');
  });

  it('pages by key without repeating or skipping a row, in every queue', async () => {
    const x = await county('110111', '北京市房山区卫生健康委员会');
    const reviewer = await x.staff();
    const made = [];
    for (let i = 0; i < 5; i++) {
      t.setNow(new Date(Date.UTC(2026, 8, 21 + i, 2)));
      made.push(await x.make({ name: `翻页${i}` }));
    }
    const collect = async (query: Record<string, string | number>) => {
      const seen: QueueItem[] = [];
      let cursor: string | null = null;
      do {
        const page: QueueBody = await queue(reviewer, { ...query, limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    t.setNow('2026-09-28T02:00:00Z');
    expect((await collect({})).map((i) => i.physicianName)).toEqual(['翻页0', '翻页1', '翻页2', '翻页3', '翻页4']);

    for (const [i, m] of made.entries()) {
      t.setNow(new Date(Date.UTC(2026, 8, 21 + i, 2)));
      await (await x.staff()).post(`/api/v1/authority/applications/${m.application.id}/accept`, {});
    }
    const accepted = await collect({ queue: 'accepted' });
    // Nearest due date first; 09-24 and 09-25 (中秋, a holiday) give the same due date, so the id breaks the tie.
    const byKey = [...accepted].sort((a, b) => a.dueDate!.localeCompare(b.dueDate!) || (a.id < b.id ? -1 : 1));
    expect(accepted.map((i) => i.id)).toEqual(byKey.map((i) => i.id));
    expect(new Set(accepted.map((i) => i.physicianName)).size).toBe(5);

    for (const [i, m] of made.entries()) {
      await t.deps.db.update(applications).set({ state: 'approved', decidedAt: new Date(Date.UTC(2026, 9, 20 + i, 2)) }).where(eq(applications.id, m.application.id));
    }
    expect((await collect({ queue: 'completed' })).map((i) => i.physicianName)).toEqual(['翻页4', '翻页3', '翻页2', '翻页1', '翻页0']);
    expectProblem(await reviewer.get('/api/v1/authority/queue?cursor=not-a-cursor'), 400, 'QUEUE_CURSOR_INVALID');
  });
});

describe('jurisdiction', () => {
  it('lets authorities above see a lower queue read-only, and no one else', async () => {
    t.setNow('2026-09-29T02:00:00Z');
    const { application } = await makePendingApplication(t.deps, { institution: j.nsInstitution.institution, authorityId: j.nanshan.id });
    const city = await staffOf(t.app, t.deps, j.shenzhen.id);
    const seen = await queue(city, { authorityId: j.nanshan.id });
    expect(seen.authority.mine).toBe(false);
    expect(seen.canDecide).toBe(false);
    expect(seen.items.map((i) => i.id)).toContain(application.id);
    expect(seen.items.every((i) => i.allowedActions.length === 0)).toBe(true);
    const page = await city.get(`/api/v1/authority/applications/${application.id}`);
    expect(page.json()).toMatchObject({ canDecide: false, allowedActions: [] });
    expectProblem(await city.post(`/api/v1/authority/applications/${application.id}/accept`, {}), 403, 'FORBIDDEN');

    const nanshan = await staffOf(t.app, t.deps, j.nanshan.id);
    expectProblem(await nanshan.get(`/api/v1/authority/queue?authorityId=${j.shenzhen.id}`), 404, 'NOT_FOUND');
    const haidian = await staffOf(t.app, t.deps, j.haidian.id);
    expectProblem(await haidian.get(`/api/v1/authority/queue?authorityId=${j.nanshan.id}`), 404, 'NOT_FOUND');
    expectProblem(await haidian.get(`/api/v1/authority/applications/${application.id}`), 404, 'NOT_FOUND');
  });

  it('lists the authorities whose queues one may open, one\'s own first', async () => {
    const beijing = await staffOf(t.app, t.deps, j.beijing.id);
    const res = await beijing.get('/api/v1/authority/authorities');
    const names = (res.json() as { authorities: { name: string; mine: boolean }[] }).authorities;
    expect(names[0]).toMatchObject({ name: '北京市卫生健康委员会', mine: true });
    expect(names.map((a) => a.name)).toEqual(expect.arrayContaining(['北京市海淀区卫生健康委员会', '北京市东城区卫生健康委员会']));
    expect(names.map((a) => a.name)).not.toContain('深圳市卫生健康委员会');
  });

  it('is closed to physicians and institutions', async () => {
    const { loggedIn } = await import('../helpers/agent');
    const { PASSWORD } = await import('../helpers/factories');
    const clerk = await loggedIn(t.app, j.hdInstitution.clerkLogin, PASSWORD);
    expectProblem(await clerk.get('/api/v1/authority/queue'), 403, 'FORBIDDEN');
  });
});
