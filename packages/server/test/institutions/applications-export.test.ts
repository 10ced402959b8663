// 医师申请业务办理导出 (issue 10 point 6): each of the institution's queues exports to Excel and CSV with the list's
// filters and order, the 身份证号 masked as in the list, only the institution's own applications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD } from '../helpers/factories';
import { makeApplicationAt } from '../helpers/institutions-factories';
import { makeJurisdictions, staffOf, type Jurisdictions } from '../helpers/authority-factories';
import { column, exportBoth } from '../helpers/export-files';

const PATH = '/api/v1/institution/applications/export';
let t: TestApp;
let clerk: Agent;
let otherClerk: Agent;
let j: Jurisdictions;
const made: Awaited<ReturnType<typeof makeApplicationAt>>[] = [];

beforeAll(async () => {
  t = await createTestApp();
  j = await makeJurisdictions(t.deps);
  const inst = j.hdInstitution;
  const other = j.dcInstitution;
  made.push(await makeApplicationAt(t.deps, inst, { name: '赵导出', submittedAt: '2026-03-01T02:00:00Z' }));
  made.push(await makeApplicationAt(t.deps, inst, { name: '钱导出', submittedAt: '2026-03-02T02:00:00Z', businessType: 'change_registration' }));
  made.push(await makeApplicationAt(t.deps, inst, { name: '孙导出', submittedAt: '2026-03-03T02:00:00Z' }));
  made.push(await makeApplicationAt(t.deps, inst, { name: '李已转', state: 'pending_authority', submittedAt: '2026-03-02T08:00:00Z' }));
  await makeApplicationAt(t.deps, other, { name: '周别院', submittedAt: '2026-03-03T02:00:00Z' });
  clerk = await loggedIn(t.app, inst.clerkLogin, PASSWORD);
  otherClerk = await loggedIn(t.app, other.clerkLogin, PASSWORD);
});
afterAll(async () => t?.close());

describe('医师申请业务办理 export', () => {
  it('exports 待机构确认 newest first, the same rows in Excel and CSV, 身份证号 masked', async () => {
    const rows = await exportBoth(clerk, PATH);
    expect(column(rows, '姓名')).toEqual(['孙导出', '钱导出', '赵导出']);
    expect(column(rows, '申请时间')).toEqual(['2026-03-03 10:00:00', '2026-03-02 10:00:00', '2026-03-01 10:00:00']);
    for (const id of column(rows, '身份证号')) expect(id).toMatch(/^\d{6}\*+\w{4}$|\*{4,}/);
    const text = JSON.stringify(rows);
    for (const a of made) expect(text).not.toContain(a.idNumber);
  });

  it('follows the filters and the sort: 业务类型, oldest first, another queue', async () => {
    expect(column(await exportBoth(clerk, PATH, 'businessType=change_registration'), '姓名')).toEqual(['钱导出']);
    expect(column(await exportBoth(clerk, PATH, 'sort=asc'), '姓名')).toEqual(['赵导出', '钱导出', '孙导出']);
    const moved = await exportBoth(clerk, PATH, 'queue=in_progress');
    expect(column(moved, '姓名')).toEqual(['李已转']);
  });

  it('shows another institution none of them', async () => {
    expect(column(await exportBoth(otherClerk, PATH), '姓名')).toEqual(['周别院']);
  });

  it('refuses a bad filter, a 身份证号 in the URL and a state of another queue with 400; an authority account with 403', async () => {
    expectProblem(await clerk.get(`${PATH}.xlsx?queue=nonsense`), 400, 'VALIDATION_FAILED');
    expectProblem(await clerk.get(`${PATH}.csv?idNumber=110108199001011234`), 400, 'VALIDATION_FAILED');
    expectProblem(await clerk.get(`${PATH}.xlsx?queue=pending_institution&state=approved`), 400, 'STATE_NOT_IN_QUEUE');
    const reviewer = await staffOf(t.app, t.deps, j.haidian.id);
    expect((await reviewer.get(`${PATH}.xlsx`)).statusCode).toBe(403);
  });
});
