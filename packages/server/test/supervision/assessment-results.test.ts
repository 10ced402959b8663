// domain §5.4 定期考核: results recorded per physician and cycle, one by one and by importing a results file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeResidentId } from '@medreg/domain';
import { assessmentImports, assessmentResults, auditLog, outbox } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { column, exportBoth } from '../helpers/export-files';
import { PASSWORD } from '../helpers/factories';
import { makeJurisdictions, staffOf, type Jurisdictions } from '../helpers/authority-factories';
import { makeRegisteredPhysician } from '../helpers/register-factories';
import { csvFile, importFile, xlsxFile } from './supervision-helpers';

let t: TestApp;
let j: Jurisdictions;
let haidian: Agent;
let nanshan: Agent;
let hospital: Agent;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-02T02:00:00Z');
  j = await makeJurisdictions(t.deps);
  haidian = await staffOf(t.app, t.deps, j.haidian.id);
  nanshan = await staffOf(t.app, t.deps, j.nanshan.id);
  hospital = await loggedIn(t.app, j.hdInstitution.adminLogin, PASSWORD);
});
afterAll(async () => t?.close());

const doctor = (name: string, idNumber?: string) => makeRegisteredPhysician(t.deps, j.hdInstitution.institution, { name, ...(idNumber ? { idNumber } : {}) });

describe('recording one result', () => {
  it('《医师法》第四十二条: the institution records a physician\'s 合格 for the cycle 2024–2026, and the same cycle twice is refused', async () => {
    const d = await doctor('许文博');
    const res = await hospital.post('/api/v1/institution/assessments', { licenceCode: d.registration.licenceCode, cycle: '2024–2026', result: 'passed', assessedOn: '2026-11-20', assessor: '北京市海淀医院' });
    expect(res.statusCode, res.body).toBe(201);
    const list = (await hospital.get('/api/v1/institution/assessments')).json();
    expect(list.items[0]).toMatchObject({ physicianName: '许文博', cycleLabel: '2024–2026', resultLabel: '合格', source: 'form', abilities: { orderSuspension: false } });
    const again = await hospital.post('/api/v1/institution/assessments', { licenceCode: d.registration.licenceCode, cycle: '2024-2026', result: 'failed' });
    expect(expectProblem(again, 409, 'ASSESSMENT_ALREADY_RECORDED').detail).toContain('2024–2026');
  });

  it('finds the physician by 身份证号 through its blind index', async () => {
    const id = makeResidentId({ birthDate: '1988-08-08', seq: 321 });
    const d = await doctor('袁嘉禾', id);
    const res = await haidian.post('/api/v1/authority/assessments', { idNumber: id, cycle: '2024–2026', result: 'failed' });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await t.deps.db.select().from(assessmentResults).where(eq(assessmentResults.id, res.json().id));
    expect(row).toMatchObject({ physicianId: d.physician.id, registrationId: d.registration.id, result: 'failed', recordedByAuthorityId: j.haidian.id });
    const notice = await t.deps.db.select().from(outbox).where(eq(outbox.template, 'assessment.failed'));
    expect(notice.some((n) => n.body.includes('暂停执业活动三个月至六个月'))).toBe(true);
  });

  it('answers a physician outside the jurisdiction as not found, and refuses a cycle that is not three years', async () => {
    const d = await doctor('龚予安');
    expectProblem(await nanshan.post('/api/v1/authority/assessments', { licenceCode: d.registration.licenceCode, cycle: '2024–2026', result: 'passed' }), 404, 'SUPERVISION_SUBJECT_NOT_FOUND');
    const bad = await haidian.post('/api/v1/authority/assessments', { licenceCode: d.registration.licenceCode, cycle: '2024-2025', result: 'passed' });
    expect(expectProblem(bad, 400, 'VALIDATION_FAILED').errors?.[0]?.path).toEqual(['cycle']);
    expectProblem(await haidian.post('/api/v1/authority/assessments', { licenceCode: d.registration.licenceCode, cycle: '2027–2029', result: 'passed' }), 400, 'ASSESSMENT_CYCLE_NOT_BEGUN');
  });
});

describe('importing a results file', () => {
  it('imports a CSV file of good rows in one go, with one import record and one audit entry', async () => {
    const a = await doctor('鲁清和');
    const id = makeResidentId({ birthDate: '1990-01-02', seq: 77 });
    const b = await doctor('梅若兰', id);
    const res = await importFile(hospital, 'institution', csvFile([
      `${a.registration.licenceCode},,鲁清和,2024–2026,合格,2026/11/3,北京市海淀医院`,
      `,${id},梅若兰,2024-2026,不合格,2026-11-03,北京市海淀医院`,
    ]));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ imported: 2, counts: { passed: 1, failed: 1, absent: 0 } });
    const rows = await t.deps.db.select().from(assessmentResults).where(eq(assessmentResults.importId, res.json().importId));
    expect(rows.map((r) => [r.physicianId, r.result]).sort()).toEqual([[a.physician.id, 'passed'], [b.physician.id, 'failed']].sort());
    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, res.json().importId));
    expect(audits).toHaveLength(1);
  });

  it('imports an Excel .xlsx file', async () => {
    const a = await doctor('欧阳明');
    const res = await importFile(haidian, 'authority', await xlsxFile([[a.registration.licenceCode!, '', '欧阳明', '2024–2026', '未参加', new Date('2026-11-05T00:00:00Z'), '']]), 'results.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await t.deps.db.select().from(assessmentResults).where(eq(assessmentResults.importId, res.json().importId));
    expect(row).toMatchObject({ result: 'absent', assessedOn: '2026-11-05', source: 'import' });
  });

  it('imports nothing when a row is bad, and reports every bad row with its row number, column and a Chinese message', async () => {
    const a = await doctor('史可风');
    const before = await t.deps.db.select().from(assessmentImports);
    const res = await importFile(hospital, 'institution', csvFile([
      `${a.registration.licenceCode},,史可风,2024–2026,合格,,`,
      '110110108999999,,查无此人,2024–2026,合格,,',
      `${a.registration.licenceCode},,史可风,2024-2026,合格,,`,
      '12,,错码,2024-2025,优秀,,',
      `${a.registration.licenceCode},,史克风,2021–2023,合格,,`,
    ]));
    const body = expectProblem(res, 400, 'RESULTS_FILE_INVALID') as unknown as { rowErrors: { row: number; field: string; message: string }[]; detail: string };
    expect(body.detail).toContain('未导入任何结果');
    expect(body.rowErrors).toEqual([
      { row: 3, field: '执业证书编码', message: '未找到该医师在本机构的执业注册' },
      { row: 4, field: '执业证书编码', message: '与第2行是同一医师同一考核周期，请只保留一行' },
      { row: 5, field: '执业证书编码', message: '执业证书编码应为15位数字' },
      { row: 5, field: '考核周期', message: expect.stringContaining('三年') },
      { row: 5, field: '考核结果', message: '考核结果「优秀」无法识别，应为合格、不合格或未参加' },
      { row: 6, field: '姓名', message: '姓名与注册信息不一致（注册姓名：史可风）' },
    ]);
    const rows = await t.deps.db.select().from(assessmentResults).where(eq(assessmentResults.physicianId, a.physician.id));
    expect(rows).toEqual([]);
    expect(await t.deps.db.select().from(assessmentImports)).toHaveLength(before.length);
  });

  it('refuses a result already on file, a file that is not a results file, and an unreadable Excel file, never with a 5xx', async () => {
    const a = await doctor('韦思齐');
    expect((await hospital.post('/api/v1/institution/assessments', { licenceCode: a.registration.licenceCode, cycle: '2024–2026', result: 'passed' })).statusCode).toBe(201);
    const dup = await importFile(hospital, 'institution', csvFile([`${a.registration.licenceCode},,,2024–2026,合格,,`]));
    expect((expectProblem(dup, 400, 'RESULTS_FILE_INVALID') as unknown as { rowErrors: unknown[] }).rowErrors).toEqual([{ row: 2, field: '考核周期', message: '该医师2024–2026周期的考核结果已登记' }]);
    const noHeader = await importFile(hospital, 'institution', Buffer.from('a,b\n1,2\n'));
    expect((expectProblem(noHeader, 400, 'RESULTS_FILE_INVALID') as unknown as { rowErrors: { field: string }[] }).rowErrors[0]!.field).toBe('文件');
    expectProblem(await importFile(hospital, 'institution', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]), 'x.xlsx'), 400, 'RESULTS_FILE_UNREADABLE');
    expectProblem(await importFile(hospital, 'institution', Buffer.alloc(3 * 1024 * 1024, 0x41)), 413, 'RESULTS_FILE_TOO_LARGE');
  });
});

describe('listing and exporting', () => {
  it('filters by result, pages by key with the total, and exports Excel and CSV with masked 身份证号', async () => {
    const failed = (await haidian.get('/api/v1/authority/assessments?result=failed&limit=1')).json();
    expect(failed.total).toBeGreaterThanOrEqual(2);
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0].resultLabel).toBe('不合格');
    const next = (await haidian.get(`/api/v1/authority/assessments?result=failed&limit=1&cursor=${failed.nextCursor}`)).json();
    expect(next.items[0].id).not.toBe(failed.items[0].id);
    expectProblem(await haidian.get('/api/v1/authority/assessments?cursor=bad'), 400, 'SUPERVISION_CURSOR_INVALID');
    const rows = await exportBoth(haidian, '/api/v1/authority/assessments/export', 'result=failed');
    expect(rows[0]!.slice(0, 3)).toEqual(['姓名', '身份证号', '执业证书编码']);
    expect(column(rows, '考核结果')).toEqual(Array(failed.total).fill('不合格'));
    expect(column(rows, '身份证号').every((id) => /\*{4,}/.test(id))).toBe(true);
    const mine = await exportBoth(hospital, '/api/v1/institution/assessments/export', 'result=failed');
    expect(mine.length).toBe(rows.length);
    expectProblem(await haidian.get('/api/v1/authority/assessments/export.xlsx?result=nonsense'), 400, 'VALIDATION_FAILED');
    expectProblem(await hospital.get('/api/v1/authority/assessments/export.csv'), 403, 'FORBIDDEN');
    expect((await nanshan.get('/api/v1/authority/assessments/export.csv')).body.trim().split('\r\n')).toHaveLength(1);
    // Another jurisdiction sees none of them.
    expect((await nanshan.get('/api/v1/authority/assessments')).json().total).toBe(0);
  });
});
