// 批量导入医疗机构: an authority administrator imports a spreadsheet of institutions, checked with the form's rules, all or nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { INSTITUTION_IMPORT_HEADER, INSTITUTION_IMPORT_MAX_ROWS, makeCreditCode, organizationCodeCheckChar } from '@medreg/domain';
import type { Ctx } from '../../src/context';
import { rowsOf } from '../../src/db/rows';
import { accounts, auditLog, institutionEvents, institutions } from '../../src/db/schema/index';
import { registerLookups } from '../../src/modules/institution-registry/import-checks';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, expectProblem } from '../helpers/agent';
import { makeJurisdictions, staffOf, type Jurisdictions } from '../helpers/authority-factories';
import { multipart } from '../helpers/applications-factories';
import { PASSWORD } from '../helpers/factories';

const BASE = '/api/v1/authority/institution-registry';
let t: TestApp;
let w: Jurisdictions;
let beijingAdmin: Agent;
let haidianAdmin: Agent;
let serial = 0;

type Column = '标准名称' | '统一社会信用代码' | '医疗机构执业许可证登记号' | '机构类别' | '机构等级' | '基层医疗卫生机构' | '地址' | '所在地区代码'
  | '审批机关' | '科室' | '管理员登录名' | '管理员姓名';
type Row = Record<Column, string>;

/** A valid row for a new institution in 海淀区, approved by 海淀区卫健委; each call has its own codes and login. */
function row(o: Partial<Row> = {}): Row {
  serial += 1;
  const body = String(62000000 + serial * 89).slice(0, 8);
  const org = body + organizationCodeCheckChar(body);
  return {
    标准名称: `北京市海淀区导入测试医院${serial}`, 统一社会信用代码: makeCreditCode({ areaCode: '110108', organizationBody: body }),
    医疗机构执业许可证登记号: `${org}11010811A1001`, 机构类别: '医疗机构', 机构等级: '二级甲等', 基层医疗卫生机构: '否',
    地址: '北京市海淀区导入路1号', 所在地区代码: '110108', 审批机关: '北京市海淀区卫生健康委员会', 科室: '内科、外科、儿科',
    管理员登录名: `imp${serial}_admin`, 管理员姓名: '李管理',
    ...o,
  };
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function csvFile(rows: Row[], header: readonly string[] = INSTITUTION_IMPORT_HEADER): Buffer {
  const lines = [header.join(','), ...rows.map((r) => header.map((h) => quote(r[h as keyof Row] ?? '')).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
async function xlsxFile(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('医疗机构');
  sheet.addRow([...INSTITUTION_IMPORT_HEADER]);
  for (const r of rows) sheet.addRow(INSTITUTION_IMPORT_HEADER.map((h) => r[h as keyof Row]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function send(agent: Agent, path: 'import' | 'import/check', data: Buffer, filename = 'institutions.csv') {
  const { payload, headers } = multipart(data, filename, 'file', filename.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
  return agent.request('POST', `${BASE}/${path}`, payload, { headers });
}

async function credentialsOf(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1).map(String)));
  return out;
}

const institutionCount = async () => (await t.deps.db.select({ n: count() }).from(institutions))[0]!.n;
type RowErrors = { row: number; field: string; message: string }[];

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-03T02:00:00Z');
  w = await makeJurisdictions(t.deps);
  beijingAdmin = await staffOf(t.app, t.deps, w.beijing.id, 'authority_admin');
  haidianAdmin = await staffOf(t.app, t.deps, w.haidian.id, 'authority_admin');
});
afterAll(async () => { await t.close(); });

describe('a good file', () => {
  it('imports every institution of a CSV with its first administrator, history and audit, and answers the one-time passwords once as Excel', async () => {
    const rows = [row(), row({ 科室: '全科医疗科、预防保健科', 基层医疗卫生机构: '是', 机构等级: '未定级' }), row({ 所在地区代码: '110101', 审批机关: '北京市东城区卫生健康委员会' })];
    const checked = await send(beijingAdmin, 'import/check', csvFile(rows));
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toEqual({ rowCount: 3, valid: true, errorRows: 0, rowErrors: [], moreErrors: 0 });
    const before = await institutionCount();
    expect(before, '检查 writes nothing').toBe(await institutionCount());

    const res = await send(beijingAdmin, 'import', csvFile(rows));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.headers['x-medreg-imported']).toBe('3');
    const sheet = await credentialsOf(res.rawPayload);
    expect(sheet[0]).toEqual(['行号', '标准名称', '所在地区', '管理员姓名', '登录名', '一次性初始密码', '说明']);
    expect(sheet.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual(rows.map((r, i) => [String(i + 2), r.标准名称, r.管理员登录名]));

    const made = await t.deps.db.select().from(institutions).where(inArray(institutions.name, rows.map((r) => r.标准名称)));
    expect(made).toHaveLength(3);
    const second = made.find((m) => m.name === rows[1]!.标准名称)!;
    expect(second).toMatchObject({ status: 'normal', grassroots: true, grade: 'none', departments: ['全科医疗科', '预防保健科'], approvingAuthorityId: w.haidian.id });
    expect(made.find((m) => m.name === rows[2]!.标准名称)!.approvingAuthorityId).toBe(w.dongcheng.id);
    const events = await t.deps.db.select().from(institutionEvents).where(inArray(institutionEvents.institutionId, made.map((m) => m.id)));
    expect(events.map((e) => e.event)).toEqual(['register', 'register', 'register']);
    const audits = await t.deps.db.select().from(auditLog).where(and(inArray(auditLog.entityId, made.map((m) => m.id)), eq(auditLog.action, 'institution.register')));
    expect(audits).toHaveLength(3);
    expect(audits[0]!.detail).toMatchObject({ via: 'import' });
    const summary = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'institution.import'), isNull(auditLog.entityId)));
    expect(summary.at(-1)!.detail).toMatchObject({ rows: 3, fileName: 'institutions.csv' });

    // The administrator logs in with the password from the workbook; only its hash is stored.
    const [, login, password] = [sheet[1]![0], sheet[1]![4]!, sheet[1]![5]!];
    const [account] = await t.deps.db.select().from(accounts).where(eq(accounts.loginName, login));
    expect(account).toMatchObject({ role: 'institution_admin', mustChangePassword: true, institutionId: made.find((m) => m.name === rows[0]!.标准名称)!.id });
    expect(account!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(account!.passwordHash).not.toContain(password);
    const admin = new Agent(t.app);
    expect((await admin.login(login, password)).statusCode).toBe(200);
  });

  it('imports an Excel workbook the same way', async () => {
    const rows = [row(), row()];
    const res = await send(haidianAdmin, 'import', await xlsxFile(rows), '机构.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    expect((await credentialsOf(res.rawPayload)).slice(1).map((r) => r[4])).toEqual(rows.map((r) => r.管理员登录名));
  });

  it('offers the template with the form\'s fields as Chinese headers, in Excel and CSV', async () => {
    const xlsx = await beijingAdmin.get(`${BASE}/import-template.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect((await credentialsOf(xlsx.rawPayload))[0]).toEqual([...INSTITUTION_IMPORT_HEADER]);
    const csv = await beijingAdmin.get(`${BASE}/import-template.csv`);
    expect(csv.body.replace(/^\uFEFF/, '').trim()).toBe(INSTITUTION_IMPORT_HEADER.map((h) => `"${h}"`).join(','));
    // The template imports back as an empty file, with a reason.
    const empty = await send(beijingAdmin, 'import/check', Buffer.from(csv.rawPayload));
    expectProblem(empty, 400, 'INSTITUTION_IMPORT_INVALID');
    expect(empty.json().rowErrors).toEqual([{ row: 1, field: '文件', message: '文件中没有医疗机构（第2行起每行一家）' }]);
  });
});

describe('all or nothing: every bad row listed with its row, column and reason', () => {
  it('lists every kind of bad row (the form\'s schema and rules, GB 32100, GB/T 2260) and imports nothing', async () => {
    const rows = [
      row(),
      row({ 统一社会信用代码: '91110108ABC' }),
      row({ 医疗机构执业许可证登记号: '登记号' }),
      row({ 机构类别: '诊所' }),
      row({ 机构等级: '特等' }),
      row({ 基层医疗卫生机构: '也许' }),
      row({ 地址: '北京' }),
      row({ 所在地区代码: '110100' }),
      row({ 审批机关: '不存在的卫生健康委员会' }),
      row({ 科室: '内科、内科' }),
      row({ 管理员登录名: '管' }),
      row({ 管理员姓名: '' }),
      row({ 标准名称: '医院' }),
    ];
    const before = await institutionCount();
    const res = await send(beijingAdmin, 'import', csvFile(rows));
    expectProblem(res, 400, 'INSTITUTION_IMPORT_INVALID');
    const body = res.json() as { detail: string; rowErrors: RowErrors; errors: { path: unknown[] }[] };
    expect(body.detail).toContain('未导入任何医疗机构');
    expect(body.rowErrors.map((e) => [e.row, e.field])).toEqual([
      [3, '统一社会信用代码'], [4, '医疗机构执业许可证登记号'], [5, '机构类别'], [6, '机构等级'], [7, '基层医疗卫生机构'], [8, '地址'],
      [9, '所在地区代码'], [10, '审批机关'], [11, '科室'], [12, '管理员登录名'], [13, '管理员姓名'], [14, '标准名称'],
    ]);
    expect(body.rowErrors.find((e) => e.row === 5)!.message).toBe('机构类别「诊所」无法识别，应为医疗机构、保健机构、预防机构之一');
    expect(body.rowErrors.find((e) => e.row === 9)!.message).toContain('区县');
    expect(body.rowErrors.find((e) => e.row === 10)!.message).toBe('未找到名为「不存在的卫生健康委员会」的卫生健康行政部门，请填写其全称');
    expect(body.rowErrors.find((e) => e.row === 11)!.message).toBe('科室不能重复');
    expect(body.errors[0]!.path).toEqual(['file', 3, '统一社会信用代码']);
    expect(await institutionCount(), 'the good row 2 was not imported either').toBe(before);

    const checked = await send(beijingAdmin, 'import/check', csvFile(rows));
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({ rowCount: 13, valid: false, errorRows: 12 });
  });

  it('refuses names that repeat in the same place within the file and against the register (names are unique within a place, domain §4.5)', async () => {
    const first = row();
    const rows = [
      first,
      row({ 标准名称: first.标准名称 }),
      row({ 统一社会信用代码: first.统一社会信用代码 }),
      row({ 管理员登录名: first.管理员登录名.toUpperCase() }),
      row({ 标准名称: '北京市海淀医院' }),
      row({ 统一社会信用代码: w.hdInstitution.institution.creditCode }),
      row({ 管理员登录名: w.hdInstitution.adminLogin }),
      // The same name in another place is allowed.
      row({ 标准名称: first.标准名称, 所在地区代码: '110101', 审批机关: '北京市东城区卫生健康委员会' }),
    ];
    const res = await send(beijingAdmin, 'import', csvFile(rows));
    expectProblem(res, 400, 'INSTITUTION_IMPORT_INVALID');
    const errors = (res.json() as { rowErrors: RowErrors }).rowErrors;
    expect(errors.map((e) => [e.row, e.field])).toEqual([[3, '标准名称'], [4, '统一社会信用代码'], [5, '管理员登录名'], [6, '标准名称'], [7, '统一社会信用代码'], [8, '管理员登录名']]);
    expect(errors[0]!.message).toBe('与第2行同一地区同名，请只保留一行或更正');
    expect(errors[3]!.message).toContain('已有名为「北京市海淀医院」的医疗机构');
    expect(errors[4]!.message).toContain('已登记为「北京市海淀医院」');
    expect(errors[5]!.message).toContain('已被使用');
  });

  it('refuses places outside the administrator\'s jurisdiction and approving authorities out of reach', async () => {
    const rows = [
      row({ 所在地区代码: '110101', 审批机关: '北京市东城区卫生健康委员会' }),
      row({ 审批机关: '北京市东城区卫生健康委员会' }),
      row({ 审批机关: '北京市卫生健康委员会' }),
    ];
    const res = await send(haidianAdmin, 'import', csvFile(rows));
    expectProblem(res, 400, 'INSTITUTION_IMPORT_INVALID');
    const errors = (res.json() as { rowErrors: RowErrors }).rowErrors;
    expect(errors.map((e) => [e.row, e.field])).toEqual([[2, '所在地区代码'], [2, '审批机关'], [3, '审批机关'], [4, '审批机关']]);
    expect(errors[0]!.message).toContain('不在北京市海淀区卫生健康委员会的辖区内');
    expect(errors[2]!.message).toContain('须为北京市海淀区卫生健康委员会或其下级卫生健康行政部门');
  });

  it('refuses a file without the template\'s columns, one of more rows than the bound, and one that is not a spreadsheet', async () => {
    const missing = await send(beijingAdmin, 'import/check', csvFile([row()], INSTITUTION_IMPORT_HEADER.filter((h) => h !== '审批机关')));
    expectProblem(missing, 400, 'INSTITUTION_IMPORT_INVALID');
    expect(missing.json().rowErrors[0]).toMatchObject({ row: 1, field: '文件' });
    expect(missing.json().rowErrors[0].message).toMatch(/^缺少列：审批机关/);

    const many = Array.from({ length: INSTITUTION_IMPORT_MAX_ROWS + 1 }, () => row());
    const tooMany = await send(beijingAdmin, 'import/check', csvFile(many));
    expectProblem(tooMany, 400, 'INSTITUTION_IMPORT_INVALID');
    expect(tooMany.json().detail).toBe(`一次最多导入${INSTITUTION_IMPORT_MAX_ROWS}家医疗机构，本文件超过${INSTITUTION_IMPORT_MAX_ROWS}行，请分批导入`);

    expectProblem(await send(beijingAdmin, 'import', Buffer.from('PK\u0003\u0004garbage'), 'x.xlsx'), 400, 'INSTITUTION_IMPORT_UNREADABLE');
    expectProblem(await send(beijingAdmin, 'import', Buffer.alloc(5 * 1024 * 1024, 0x41)), 413, 'INSTITUTION_IMPORT_TOO_LARGE');
  });
});

describe('who may import', () => {
  it('refuses a reviewer and an institution administrator (authority administrators only)', async () => {
    const reviewer = await staffOf(t.app, t.deps, w.beijing.id, 'authority_reviewer');
    expectProblem(await send(reviewer, 'import', csvFile([row()])), 403, 'FORBIDDEN');
    expectProblem(await send(reviewer, 'import/check', csvFile([row()])), 403, 'FORBIDDEN');
    const institutionAdmin = new Agent(t.app);
    await institutionAdmin.login(w.hdInstitution.adminLogin, PASSWORD);
    expect((await send(institutionAdmin, 'import', csvFile([row()]))).statusCode).toBe(403);
    expect((await reviewer.get(`${BASE}/import-template.xlsx`)).statusCode).toBe(403);
  });
});

describe('the look-ups of a whole file, one query per chunk', () => {
  /** The plan with sequential scans priced out, so that it shows the index that serves the query on a large table. */
  async function planOf(build: (c: Ctx) => { toSQL(): unknown }): Promise<string> {
    return t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const rows = await rowsOf<{ 'QUERY PLAN': string }>(tx, sql`EXPLAIN (COSTS OFF) ${build({ ...t.deps, tx } as Ctx)}`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  }

  it.each([
    ['审批机关 by name', (c: Ctx) => registerLookups.approvers(c, ['北京市海淀区卫生健康委员会', '深圳市卫生健康委员会']), 'authorities_name_idx'],
    ['名称 within a place', (c: Ctx) => registerLookups.sameNames(c, [{ areaCode: '110108', name: '甲医院' }, { areaCode: '110101', name: '乙医院' }]),
      // (area_code, name) or the name index: either way one index probe per pair.
      /institutions_area_name_uidx|institutions_name_id_idx/],
    ['统一社会信用代码', (c: Ctx) => registerLookups.creditCodes(c, ['12110108MB1234567X']), 'institutions_credit_code_key'],
    ['管理员登录名', (c: Ctx) => registerLookups.logins(c, ['a_admin', 'b_admin']), 'accounts_login_name_uidx'],
  ])('serves %s from its index', async (_label, build, index) => {
    const plan = await planOf(build);
    expect(plan, plan).toMatch(index);
    expect(plan).not.toContain('Seq Scan');
  });
});
