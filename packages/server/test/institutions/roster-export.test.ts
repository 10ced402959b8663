// 机构医师名册导出 (issue: the institution's roster exportable to Excel): 本机构医师 and 多机构执业医师 as .xlsx,
// the list's filters and order, the 身份证号 masked, cells never formulas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, expectProblem, loggedIn } from '../helpers/agent';
import { exportBoth, xlsxRows } from '../helpers/export-files';
import { PASSWORD, makeAuthority, makeInstitution } from '../helpers/factories';
import { makeRegisteredPhysician } from '../helpers/register-factories';
import { makeFiling } from '../helpers/filing-factories';

let t: TestApp;
let hospital: Awaited<ReturnType<typeof makeInstitution>>;
let clinic: Awaited<ReturnType<typeof makeInstitution>>;
let clerk: Agent;

const workbook = async (agent: Agent, url: string) => xlsxRows(await agent.get(url));

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-20T02:00:00Z');
  const county = await makeAuthority(t.deps, { areaCode: '110108', level: 'county' });
  hospital = await makeInstitution(t.deps, { name: '北京市海淀名册导出医院', areaCode: '110108', authorityId: county.id });
  clinic = await makeInstitution(t.deps, { name: '北京市海淀名册导出诊所', areaCode: '110108', authorityId: county.id });
  clerk = await loggedIn(t.app, hospital.clerkLogin, PASSWORD);
});
afterAll(async () => { await t?.close(); });

describe('本机构医师 export', () => {
  it('exports every registration of the institution with its status and the last 注册备案, the 身份证号 masked', async () => {
    const kept = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '陶在岗' });
    const left = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '陶离岗' });
    await makeRegisteredPhysician(t.deps, clinic.institution, { name: '陶别院' });
    const res = await clerk.post(`/api/v1/institution/registrations/${left.registration.id}/departure`, { reason: 'retirement', leftOn: '2026-10-01' });
    expect(res.statusCode, res.body).toBe(200);

    const rows = await workbook(clerk, '/api/v1/institution/physicians/export.xlsx');
    expect(rows[0]).toEqual(expect.arrayContaining(['姓名', '身份证号', '执业证书编码', '注册状态', '备案情形', '是否逾期报告']));
    const names = rows.slice(1).map((r) => r[0]);
    expect(names).toEqual(expect.arrayContaining(['陶在岗', '陶离岗']));
    expect(names).not.toContain('陶别院');
    const leftRow = rows.find((r) => r[0] === '陶离岗')!;
    expect(leftRow).toEqual(expect.arrayContaining(['注册备案', '退休', '2026-10-01', '是']));
    const keptRow = rows.find((r) => r[0] === '陶在岗')!;
    expect(keptRow[1]).toMatch(/\*{4,}/);
    expect(keptRow[1]).not.toBe(kept.idNumber);
  });

  it('follows the list\'s filters: 注册状态 = 注册备案 exports only those', async () => {
    const rows = await workbook(clerk, '/api/v1/institution/physicians/export.xlsx?status=filed');
    expect(rows.slice(1).map((r) => r[0])).toEqual(['陶离岗']);
  });

  it('exports the same columns and rows as CSV (UTF-8 with BOM), a formula-like name made inert', async () => {
    await makeRegisteredPhysician(t.deps, hospital.institution, { name: '=陶公式' });
    const res = await clerk.get('/api/v1/institution/physicians/export.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(String(res.headers['content-disposition'])).toContain('.csv');
    expect(res.body.startsWith('\uFEFF"姓名","身份证号"')).toBe(true);
    const both = await exportBoth(clerk, '/api/v1/institution/physicians/export');
    expect(both.map((r) => r[0])).toContain('=陶公式');
    expect(res.body).toContain('"\'=陶公式"');
    expect(res.body).toContain('"陶在岗"');
  });

  it('a bad filter is a 400 with the field, not a broken file', async () => {
    const res = await clerk.get('/api/v1/institution/physicians/export.xlsx?status=nonsense');
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('needs an institution account', async () => {
    const res = await new Agent(t.app).get('/api/v1/institution/physicians/export.xlsx');
    expect(res.statusCode).toBe(401);
  });
});

describe('多机构执业医师 export', () => {
  it('exports the physicians filed at the institution with the filing dates and status', async () => {
    const d = await makeRegisteredPhysician(t.deps, clinic.institution, { name: '韩备案' });
    await makeFiling(t.deps, { registration: { id: d.registration.id, physicianId: d.physician.id }, institution: hospital.institution, validFrom: '2026-01-01', validTo: '2027-06-30' });
    const rows = await exportBoth(clerk, '/api/v1/institution/multi-site-physicians/export');
    expect(rows[0]).toEqual(expect.arrayContaining(['主要执业机构', '有效期开始', '有效期结束', '备案状态']));
    const row = rows.find((r) => r[0] === '韩备案')!;
    expect(row).toEqual(expect.arrayContaining(['北京市海淀名册导出诊所', '2026-01-01', '2027-06-30', '有效']));
  });
});
