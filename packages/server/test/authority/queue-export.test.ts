// 审批工作台导出 (issue 10 point 6): each tab of the review queue exports to Excel and CSV with the list's filters and
// order, the due date and working days left as the list shows them, and only within the authorities one may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD } from '../helpers/factories';
import { makeJurisdictions, makePendingApplication, staffOf, type Jurisdictions } from '../helpers/authority-factories';
import { column, exportBoth } from '../helpers/export-files';

const PATH = '/api/v1/authority/queue/export';
let t: TestApp;
let j: Jurisdictions;
let haidian: Agent;
let beijing: Agent;
let nanshan: Agent;
const at = () => ({ institution: j.hdInstitution.institution, authorityId: j.haidian.id });

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-09-29T02:00:00Z');
  j = await makeJurisdictions(t.deps);
  haidian = await staffOf(t.app, t.deps, j.haidian.id);
  beijing = await staffOf(t.app, t.deps, j.beijing.id);
  nanshan = await staffOf(t.app, t.deps, j.nanshan.id);
  await makePendingApplication(t.deps, at(), { name: '导出甲' });
  await makePendingApplication(t.deps, at(), { name: '导出乙' });
  await makePendingApplication(t.deps, at(), { name: '导出丙', state: 'accepted', acceptedAt: new Date('2026-09-01T02:00:00Z'), dueDate: '2026-09-28' });
  await makePendingApplication(t.deps, at(), { name: '导出丁', state: 'accepted', acceptedAt: new Date('2026-09-20T02:00:00Z'), dueDate: '2026-10-20' });
});
afterAll(async () => t?.close());

describe('审批工作台 export', () => {
  it('exports the 正在申办 tab in the list\'s order, the same rows in Excel and CSV', async () => {
    const list = (await haidian.get('/api/v1/authority/queue')).json() as { items: { businessCode: string }[] };
    const rows = await exportBoth(haidian, PATH);
    expect(rows[0]).toEqual(expect.arrayContaining(['业务编号', '业务类型', '医师姓名', '执业机构', '状态', '审批期限', '剩余工作日', '是否逾期']));
    expect(column(rows, '业务编号')).toEqual(list.items.map((i) => i.businessCode));
    expect(column(rows, '医师姓名').sort()).toEqual(['导出乙', '导出甲'].sort());
    expect(rows[0]).not.toContain('身份证号');
  });

  it('《医师执业注册管理办法》第九条: the 已受理 tab carries the due date, working days left and 逾期 as the list does', async () => {
    const list = (await haidian.get('/api/v1/authority/queue?queue=accepted')).json() as { items: { physicianName: string; dueDate: string; workingDaysLeft: number; overdue: boolean }[] };
    const rows = await exportBoth(haidian, PATH, 'queue=accepted');
    expect(column(rows, '医师姓名')).toEqual(list.items.map((i) => i.physicianName));
    expect(column(rows, '审批期限')).toEqual(['2026-09-28', '2026-10-20']);
    expect(column(rows, '是否逾期')).toEqual(['是', '否']);
    expect(column(rows, '剩余工作日')).toEqual(list.items.map((i) => String(i.workingDaysLeft)));
  });

  it('follows the filters: a name narrows the rows', async () => {
    const rows = await exportBoth(haidian, PATH, `name=${encodeURIComponent('导出甲')}`);
    expect(column(rows, '医师姓名')).toEqual(['导出甲']);
  });

  it('a superior exports a queue below it; another jurisdiction\'s queue is not found', async () => {
    const rows = await exportBoth(beijing, PATH, `authorityId=${j.haidian.id}`);
    expect(column(rows, '医师姓名').sort()).toEqual(['导出乙', '导出甲'].sort());
    expectProblem(await nanshan.get(`${PATH}.xlsx?authorityId=${j.haidian.id}`), 404, 'NOT_FOUND');
    expect(column(await exportBoth(nanshan, PATH), '医师姓名')).toEqual([]);
  });

  it('refuses a bad filter and a 身份证号 in the URL with 400, and an institution account with 403', async () => {
    expectProblem(await haidian.get(`${PATH}.xlsx?queue=nonsense`), 400, 'VALIDATION_FAILED');
    const id = expectProblem(await haidian.get(`${PATH}.csv?idNumber=110108199001011234`), 400, 'VALIDATION_FAILED');
    expect(id.errors?.[0]?.path).toEqual(['idNumber']);
    const clerk = await loggedIn(t.app, j.hdInstitution.clerkLogin, PASSWORD);
    expect((await clerk.get(`${PATH}.xlsx`)).statusCode).toBe(403);
  });

  it('records the export in the audit trail', async () => {
    const admin = await staffOf(t.app, t.deps, j.haidian.id, 'authority_admin');
    const trail = (await admin.get('/api/v1/authority/audit?action=queue.export')).json() as { total: number };
    expect(trail.total).toBeGreaterThanOrEqual(2);
  });
});
