import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { inTransaction } from '../../src/context';
import { recomputeDueDateBatch } from '../../src/jobs/due-date-recompute';
import { applications, auditLog, calendarDayHistory } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createPeerApp, type PeerApp } from '../helpers/peer-app';
import { expectProblem, type Agent } from '../helpers/agent';
import { makeJurisdictions, makePendingApplication, staffOf, type Jurisdictions } from '../helpers/authority-factories';

let t: TestApp;
let j: Jurisdictions;
let provinceAdmin: Agent;
let reviewer: Agent;
let peer: PeerApp;

const NOTICE_2028 = { year: 2028, holidays: [{ name: '元旦', from: '2028-01-01', to: '2028-01-03' }], workdays: [] };
const NOTICE_2027 = {
  year: 2027,
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-06', to: '2027-02-13' },
  ],
  workdays: [{ date: '2027-02-14', name: '春节' }],
};

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-15T02:00:00Z');
  j = await makeJurisdictions(t.deps);
  provinceAdmin = await staffOf(t.app, t.deps, j.beijing.id, 'authority_admin');
  reviewer = await staffOf(t.app, t.deps, j.haidian.id);
  peer = await createPeerApp(t);
});
afterAll(async () => {
  await peer?.close();
  await t?.close();
});

async function accepted(name: string) {
  const { application } = await makePendingApplication(t.deps, { institution: j.hdInstitution.institution, authorityId: j.haidian.id }, { name });
  const res = await reviewer.post(`/api/v1/authority/applications/${application.id}/accept`, {});
  expect(res.statusCode, res.body).toBe(200);
  return application.id;
}

/** Runs the recompute job until every queued calendar change is done. */
async function recomputeAll(): Promise<void> {
  for (let i = 0; i < 20 && (await inTransaction(t.deps, recomputeDueDateBatch)) >= 0; i++);
}

const dueOf = async (id: string) => {
  const [row] = await t.deps.db.select({ dueDate: applications.dueDate, provisional: applications.dueDateProvisional }).from(applications).where(eq(applications.id, id));
  return row;
};

const status = async (agent: Agent) => {
  const res = await agent.get('/api/v1/authority/calendar/status');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { unknownYears: number[]; provisionalDueDates: number; note: string | null; canAdminister: boolean; upcoming: { provisional: boolean }; recomputing: boolean };
};

describe('《行政许可法》第八十二条: due dates reaching a year whose holidays are not entered', () => {
  let first: string;

  it('stores 20 working days from 受理 on 2026-12-15 as provisional (2027 not entered) and shows it 暂定 everywhere', async () => {
    first = await accepted('暂定甲');
    expect(await dueOf(first)).toEqual({ dueDate: '2027-01-12', provisional: true });
    const note = '2027年节假日安排尚未录入，截止日期暂按周一至周五计算';
    const queue = await reviewer.get('/api/v1/authority/queue?queue=accepted');
    expect(queue.json().items.find((i: { id: string }) => i.id === first)).toMatchObject({ dueDate: '2027-01-12', dueDateProvisional: true, dueDateNote: note });
    const detail = await reviewer.get(`/api/v1/authority/applications/${first}`);
    expect(detail.json()).toMatchObject({ dueDate: '2027-01-12', dueDateProvisional: true, dueDateNote: note });
    expect(await status(provinceAdmin)).toMatchObject({ unknownYears: [2027], provisionalDueDates: 1, note, canAdminister: true, upcoming: { provisional: true } });
    expect((await status(reviewer)).canAdminister).toBe(false);
  });

  it('recomputes the provisional due dates once the year is entered, and clears the flag', async () => {
    const entered = await provinceAdmin.post('/api/v1/authority/calendar/years', NOTICE_2027);
    expect(entered.statusCode, entered.body).toBe(201);
    expect(entered.json()).toEqual({ year: 2027, source: 'admin', days: 12 });
    expect((await status(provinceAdmin)).recomputing).toBe(true);
    await recomputeAll();
    // 元旦 2027-01-01 is now a holiday: one working day later.
    expect(await dueOf(first)).toEqual({ dueDate: '2027-01-13', provisional: false });
    expect(await status(provinceAdmin)).toMatchObject({ unknownYears: [], provisionalDueDates: 0, note: null, recomputing: false });
    const [entry] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'application.due_date_recomputed'), eq(auditLog.entityId, first)));
    expect(entry?.detail).toMatchObject({ from: '2027-01-12', to: '2027-01-13', provisionalBefore: true, provisional: false });
    const [yearAudit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.enter_year'));
    expect(yearAudit?.entityId).toBe('2027');
    const cal = await provinceAdmin.get('/api/v1/authority/calendar?year=2027');
    expect(cal.json()).toMatchObject({ yearSource: 'admin' });
    expect(cal.json().days).toEqual(expect.arrayContaining([{ date: '2027-02-14', weekday: '星期日', kind: 'workday', name: '春节调休上班', source: 'admin' }]));
  });

  it('a new acceptance reaching 2027 is final now', async () => {
    const second = await accepted('暂定乙');
    expect(await dueOf(second)).toEqual({ dueDate: '2027-01-13', provisional: false });
  });

  it('moves the affected due dates when a single day is corrected, also in a dataset year, with history', async () => {
    const corrected = await provinceAdmin.put('/api/v1/authority/calendar/days/2026-12-31', { kind: 'holiday', name: '测试假日', reason: '按更正通知' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    await recomputeAll();
    expect(await dueOf(first)).toEqual({ dueDate: '2027-01-14', provisional: false });
    const back = await provinceAdmin.put('/api/v1/authority/calendar/days/2026-12-31', { kind: 'weekday', reason: '撤销更正' });
    expect(back.statusCode, back.body).toBe(200);
    await recomputeAll();
    expect(await dueOf(first)).toEqual({ dueDate: '2027-01-13', provisional: false });
    const history = await t.deps.db.select().from(calendarDayHistory).where(eq(calendarDayHistory.day, '2026-12-31'));
    expect(history.map((h) => [h.change, h.kindBefore, h.kindAfter, h.reason])).toEqual([
      ['correction', null, 'holiday', '按更正通知'], ['correction', 'holiday', null, '撤销更正'],
    ]);
    // A dataset day corrected stays corrected (the seed never re-inserts a known year).
    const national = await provinceAdmin.put('/api/v1/authority/calendar/days/2026-10-07', { kind: 'weekday', reason: '测试' });
    expect(national.json()).toEqual({ date: '2026-10-07', kind: null, name: null, source: null });
    const [h] = await t.deps.db.select().from(calendarDayHistory).where(eq(calendarDayHistory.day, '2026-10-07'));
    expect(h).toMatchObject({ kindBefore: 'holiday', nameBefore: '国庆节', sourceBefore: 'chinese-days', kindAfter: null });
  });

  it('refuses a non-administrator, bad dates, a 调休 on a weekday, a year already known, an unchanged day', async () => {
    expectProblem(await reviewer.post('/api/v1/authority/calendar/years', NOTICE_2028), 403, 'FORBIDDEN');
    const countyAdmin = await staffOf(t.app, t.deps, j.haidian.id, 'authority_admin');
    expectProblem(await countyAdmin.post('/api/v1/authority/calendar/years', NOTICE_2028), 403, 'CALENDAR_ADMIN_REQUIRED');
    expectProblem(await countyAdmin.put('/api/v1/authority/calendar/days/2028-01-03', { kind: 'holiday', reason: '测试' }), 403, 'CALENDAR_ADMIN_REQUIRED');

    const bad = await provinceAdmin.post('/api/v1/authority/calendar/years', { year: 2028, holidays: [{ name: '元旦', from: '2028-02-30', to: '2028-01-01' }], workdays: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: ['holidays', 0, 'from'], message: '日期应为YYYY-MM-DD格式的真实日期' });
    const weekday = await provinceAdmin.post('/api/v1/authority/calendar/years', { year: 2028, holidays: [{ name: '元旦', from: '2028-01-01', to: '2028-01-03' }], workdays: [{ date: '2028-01-04' }] });
    expectProblem(weekday, 400, 'CALENDAR_WORKDAY_NOT_WEEKEND');
    expect(weekday.json().errors[0]).toMatchObject({ path: ['workdays', 0, 'date'], message: '调休上班日2028-01-04不是周六或周日' });
    const outside = await provinceAdmin.post('/api/v1/authority/calendar/years', { year: 2028, holidays: [{ name: '元旦', from: '2027-12-31', to: '2028-01-01' }], workdays: [] });
    expectProblem(outside, 400, 'CALENDAR_DATE_OUTSIDE_YEAR');
    expectProblem(await provinceAdmin.put('/api/v1/authority/calendar/days/2028-01-04', { kind: 'workday', reason: '测试' }), 400, 'CALENDAR_WORKDAY_NOT_WEEKEND');

    expectProblem(await provinceAdmin.post('/api/v1/authority/calendar/years', NOTICE_2027), 409, 'CALENDAR_YEAR_KNOWN');
    expectProblem(await provinceAdmin.post('/api/v1/authority/calendar/years', { ...NOTICE_2027, year: 2026, holidays: [{ name: '元旦', from: '2026-01-01', to: '2026-01-01' }], workdays: [] }), 409, 'CALENDAR_YEAR_KNOWN');
    expectProblem(await provinceAdmin.put('/api/v1/authority/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦', reason: '重复' }), 409, 'CALENDAR_DAY_UNCHANGED');
    expectProblem(await provinceAdmin.put('/api/v1/authority/calendar/days/2027-03-03', { kind: 'weekday', reason: '无安排' }), 404, 'CALENDAR_DAY_NOT_FOUND');
    expect((await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.enter_year'))).length).toBe(1);
  });

  it('recounts each application once when two processes run the recompute at the same moment', async () => {
    const ids = [first, await accepted('暂定丙')];
    await recomputeAll(); // the earlier corrections' recounts done
    const res = await provinceAdmin.put('/api/v1/authority/calendar/days/2027-01-04', { kind: 'holiday', name: '测试假日', reason: '并发测试' });
    expect(res.statusCode, res.body).toBe(200);
    const both = await Promise.all([inTransaction(t.deps, recomputeDueDateBatch), inTransaction(peer.deps, recomputeDueDateBatch)]);
    await recomputeAll();
    expect(both.filter((n) => n > 0)).toHaveLength(1);
    for (const id of ids) {
      const entries = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'application.due_date_recomputed'), eq(auditLog.entityId, id)));
      expect(entries.filter((e) => (e.detail as { reason?: string }).reason === '更正2027-01-04')).toHaveLength(1);
    }
    expect((await dueOf(first))?.dueDate).toBe('2027-01-14');
  });
});
