import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, type Agent } from '../helpers/agent';
import { auditLog, calendarDays } from '../../src/db/schema/index';
import { makeJurisdictions, makePendingApplication, staffOf, type Jurisdictions } from '../helpers/authority-factories';

interface CalendarBody {
  year: number; maintainedByDataset: boolean; canAdminister: boolean;
  days: { date: string; weekday: string; kind: string; name: string | null; source: string }[];
  decisionLimit: { workingDays: number; source: string; defaultWorkingDays: number };
}

let t: TestApp;
let j: Jurisdictions;
let provinceAdmin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-09-29T02:00:00Z');
  j = await makeJurisdictions(t.deps);
  provinceAdmin = await staffOf(t.app, t.deps, j.beijing.id, 'authority_admin');
});
afterAll(async () => t?.close());

const calendar = async (agent: Agent, year: number) => {
  const res = await agent.get(`/api/v1/authority/calendar?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CalendarBody;
};

describe('工作日历', () => {
  it('lists a year\'s holidays and 调休 working days from the State Council notice', async () => {
    const reviewer = await staffOf(t.app, t.deps, j.haidian.id);
    const body = await calendar(reviewer, 2026);
    expect(body.maintainedByDataset).toBe(true);
    expect(body).toMatchObject({ yearSource: 'dataset' });
    expect(body.canAdminister).toBe(false);
    expect(body.days).toEqual(expect.arrayContaining([
      { date: '2026-10-01', weekday: '星期四', kind: 'holiday', name: '国庆节', source: 'chinese-days' },
      { date: '2026-09-20', weekday: '星期日', kind: 'workday', name: '国庆节调休上班', source: 'chinese-days' },
      { date: '2026-10-10', weekday: '星期六', kind: 'workday', name: '国庆节调休上班', source: 'chinese-days' },
    ]));
    expect(body.decisionLimit).toEqual({ workingDays: 20, source: 'config', defaultWorkingDays: 20 });
  });

  it('lets a provincial administrator enter a year the dataset does not know, audited', async () => {
    expect((await calendar(provinceAdmin, 2027)).maintainedByDataset).toBe(false);
    const add = await provinceAdmin.post('/api/v1/authority/calendar/days', { date: '2027-01-01', kind: 'holiday', name: '元旦' });
    expect(add.statusCode, add.body).toBe(201);
    const workday = await provinceAdmin.post('/api/v1/authority/calendar/days', { date: '2027-01-09', kind: 'workday', name: '元旦调休上班' });
    expect(workday.statusCode, workday.body).toBe(201);
    expect((await calendar(provinceAdmin, 2027)).days).toEqual([
      { date: '2027-01-01', weekday: '星期五', kind: 'holiday', name: '元旦', source: 'admin' },
      { date: '2027-01-09', weekday: '星期六', kind: 'workday', name: '元旦调休上班', source: 'admin' },
    ]);
    expectProblem(await provinceAdmin.post('/api/v1/authority/calendar/days', { date: '2027-01-01', kind: 'holiday' }), 409, 'CALENDAR_DAY_EXISTS');
    expectProblem(await provinceAdmin.post('/api/v1/authority/calendar/days', { date: '2027-01-11', kind: 'workday' }), 400, 'CALENDAR_WORKDAY_NOT_WEEKEND');
    const del = await provinceAdmin.delete('/api/v1/authority/calendar/days/2027-01-09');
    expect(del.statusCode, del.body).toBe(204);
    expectProblem(await provinceAdmin.delete('/api/v1/authority/calendar/days/2027-01-09'), 404, 'CALENDAR_DAY_NOT_FOUND');
    const entries = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityType, 'calendar_day'));
    expect(entries.map((e) => [e.action, e.entityId])).toEqual([['calendar.correct', '2027-01-01'], ['calendar.correct', '2027-01-09'], ['calendar.correct', '2027-01-09']]);
  });

  it('refuses to add over a dataset day or delete it (it is corrected instead), and changes by anyone but national or provincial administrators', async () => {
    expectProblem(await provinceAdmin.post('/api/v1/authority/calendar/days', { date: '2026-10-01', kind: 'holiday', name: '测试' }), 409, 'CALENDAR_DAY_EXISTS');
    expectProblem(await provinceAdmin.delete('/api/v1/authority/calendar/days/2026-10-01'), 404, 'CALENDAR_DAY_NOT_FOUND');
    const countyAdmin = await staffOf(t.app, t.deps, j.haidian.id, 'authority_admin');
    expectProblem(await countyAdmin.post('/api/v1/authority/calendar/days', { date: '2027-02-01', kind: 'holiday' }), 403, 'CALENDAR_ADMIN_REQUIRED');
    const reviewer = await staffOf(t.app, t.deps, j.beijing.id);
    expectProblem(await reviewer.post('/api/v1/authority/calendar/days', { date: '2027-02-01', kind: 'holiday' }), 403, 'FORBIDDEN');
    expectProblem(await provinceAdmin.post('/api/v1/authority/calendar/days', { date: '2027-02-30', kind: 'holiday' }), 400, 'VALIDATION_FAILED');
    const [untouched] = await t.deps.db.select().from(calendarDays).where(eq(calendarDays.day, '2026-10-01'));
    expect(untouched).toBeDefined();
  });

  it('counts an administrator\'s holiday in the due date of an acceptance', async () => {
    // 2027: accepted on Monday 2027-03-01; with 2027-03-02 made a holiday, 1 working day later is 03-03.
    await provinceAdmin.post('/api/v1/authority/calendar/days', { date: '2027-03-02', kind: 'holiday', name: '测试假日' });
    const setLimit = await provinceAdmin.put('/api/v1/authority/settings/decision-limit', { workingDays: 1 });
    expect(setLimit.json()).toEqual({ workingDays: 1, source: 'setting', defaultWorkingDays: 20 });
    t.setNow('2027-03-01T02:00:00Z');
    const { application } = await makePendingApplication(t.deps, { institution: j.hdInstitution.institution, authorityId: j.haidian.id });
    const reviewer = await staffOf(t.app, t.deps, j.haidian.id);
    const res = await reviewer.post(`/api/v1/authority/applications/${application.id}/accept`, {});
    expect(res.json()).toMatchObject({ acceptedOn: '2027-03-01', dueDate: '2027-03-03' });
    const admin = await staffOf(t.app, t.deps, j.beijing.id, 'authority_admin');
    expect((await admin.put('/api/v1/authority/settings/decision-limit', { workingDays: null })).json()).toMatchObject({ workingDays: 20, source: 'config' });
    expectProblem(await admin.put('/api/v1/authority/settings/decision-limit', { workingDays: 0 }), 400, 'VALIDATION_FAILED');
    const entries = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'settings.decision_limit')));
    expect(entries.map((e) => e.detail)).toEqual([{ from: 20, to: 1 }, { from: 1, to: 20 }]);
  });
});
