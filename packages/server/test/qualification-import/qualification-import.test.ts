// 国家医师资格信息导入 (issue 10 point 3): a province administrator loads exam passers and certificate holders from
// CSV and Excel files; rows are checked with the domain rules, loaded through COPY and merged in one transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeQualificationCode, makeResidentId } from '@medreg/domain';
import { auditLog, qualificationImports, qualificationRevisions, qualifications } from '../../src/db/schema/index';
import { certCodeHash } from '../../src/security/cert-code';
import { syntheticCsv } from '../../src/modules/qualification-import/synthetic-file';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD } from '../helpers/factories';
import { makeJurisdictions, staffOf, type Jurisdictions } from '../helpers/authority-factories';
import { signUp } from '../helpers/physicians-factories';
import { inTransaction } from '../../src/context';
import { failStaleImports, STALE_IMPORT_MS, STALE_IMPORT_REASON } from '../../src/jobs/stale-imports';
import { moveImport } from '../../src/modules/qualification-import/status';
import { StagingWriter } from '../../src/modules/qualification-import/staging-writer';
import { BASE, csvFile, errorRows, importAndRun, upload, xlsxFile } from './import-helpers';

let t: TestApp;
let j: Jurisdictions;
let province: Agent;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-03T02:00:00Z');
  j = await makeJurisdictions(t.deps);
  province = await staffOf(t.app, t.deps, j.beijing.id, 'authority_admin');
});
afterAll(async () => t?.close());

let seq = 100;
/** A good row: a fresh 身份证号 and the 资格证书编码 that embeds it. */
function person(name: string, o: { level?: '执业医师' | '执业助理医师'; category?: string; ticket?: string; obtained?: string } = {}) {
  const idNumber = makeResidentId({ areaCode: '110108', birthDate: '1995-03-04', seq: seq++ });
  const certCode = makeQualificationCode({ year: 2024, provinceCode: '11', level: o.level === '执业助理医师' ? 'assistant' : 'physician', category: 'clinical', idNumber });
  const cells = [name, idNumber, certCode, o.ticket ?? '', o.level ?? '执业医师', o.category ?? '临床', '', '2024', o.obtained ?? '2024-12-20', ''];
  return { name, idNumber, certCode, cells, line: cells.join(',') };
}

const recordOf = async (certCode: string) => {
  const [row] = await t.deps.db.select().from(qualifications).where(eq(qualifications.certCodeHash, certCodeHash(t.deps.pii, certCode)));
  return row;
};

describe('who may import', () => {
  it('《医师执业注册管理办法》: refuses reviewers and the administrators of city and county authorities', async () => {
    const reviewer = await staffOf(t.app, t.deps, j.beijing.id, 'authority_reviewer');
    expectProblem(await upload(reviewer, csvFile([person('钱多多').line])), 403, 'FORBIDDEN');
    const county = await staffOf(t.app, t.deps, j.haidian.id, 'authority_admin');
    expectProblem(await upload(county, csvFile([person('钱多多').line])), 403, 'QUALIFICATION_IMPORT_FORBIDDEN');
    expectProblem(await county.get(BASE), 403, 'QUALIFICATION_IMPORT_FORBIDDEN');
    const hospital = await loggedIn(t.app, j.hdInstitution.adminLogin, PASSWORD);
    expect((await upload(hospital, csvFile([person('钱多多').line]))).statusCode).toBe(403);
    expect(await t.deps.db.select().from(qualificationImports)).toHaveLength(0);
  });

  it('answers another province\'s import as not found', async () => {
    const done = await importAndRun(t, province, csvFile([person('孙思远').line]));
    const shanghai = await staffOf(t.app, t.deps, (await import('../helpers/factories').then((f) => f.makeAuthority(t.deps, { name: '上海市卫生健康委员会', areaCode: '310000', level: 'province' }))).id, 'authority_admin');
    expectProblem(await shanghai.get(`${BASE}/${done.id}`), 404, 'QUALIFICATION_IMPORT_NOT_FOUND');
    expectProblem(await shanghai.get(`${BASE}/${done.id}/errors.csv`), 404, 'QUALIFICATION_IMPORT_NOT_FOUND');
    expect((await shanghai.get(BASE)).json().total).toBe(0);
  });
});

describe('importing a file', () => {
  it('reports every kind of bad row with its row number, column and Chinese reason, and loads the good rows', async () => {
    const good = person('李时珍');
    const other = person('华佗');
    const dup = person('扁鹊');
    const badId = person('张仲景').cells.slice();
    badId[1] = `${badId[1]!.slice(0, 17)}${badId[1]!.endsWith('0') ? '1' : '0'}`;
    const lines = [
      good.line,                                                              // row 2 good
      ['A1', other.idNumber, other.certCode, '', '执业医师', '临床', '', '', '', ''].join(','), // 3 姓名
      badId.join(','),                                                        // 4 身份证号 check digit
      ['孙一', other.idNumber, good.certCode, '', '执业医师', '临床', '', '', '', ''].join(','), // 5 code of someone else
      ['孙二', other.idNumber, '', '', '执业医师', '临床', '', '', '', ''].join(','), // 6 neither code nor ticket
      ['孙三', other.idNumber, '', '12', '执业医师', '临床', '', '', '', ''].join(','), // 7 准考证号 format
      ['孙四', other.idNumber, other.certCode, '', '主任医师', '临床', '', '', '', ''].join(','), // 8 level
      ['孙五', other.idNumber, other.certCode, '', '执业医师', '外科', '', '', '', ''].join(','), // 9 category
      ['孙六', other.idNumber, other.certCode, '', '执业医师', '临床', '', '', '2024-02-30', ''].join(','), // 10 date
      ['孙七', other.idNumber, other.certCode, '', '执业医师', '临床', '', '', '2027-01-01', ''].join(','), // 11 future date
      ['孙八', other.idNumber, other.certCode, '', '执业医师', '临床', '220', '', '', ''].join(','), // 12 exam code vs level
      ['孙九', other.idNumber, other.certCode, '', '执业医师', '临床', '', '1990', '', ''].join(','), // 13 exam year
      dup.line,                                                               // 14 good
      dup.line.replace('扁鹊', '扁鹊二'),                                     // 15 repeats row 14's code
    ];
    const done = await importAndRun(t, province, csvFile(lines), 'every-bad-row.csv');
    expect(done).toMatchObject({ status: 'done', counts: { read: 14, inserted: 2, rejected: 12, updated: 0, unchanged: 0 } });
    expect(done.bytesRead).toBe(done.fileBytes); // the progress bar's share: the whole file read
    expect(done.fileBytes).toBeGreaterThan(0);
    const report = await errorRows(province, done.errorReport!.csv);
    const by = (row: number) => report.filter((r) => r[0] === String(row)).map((r) => `${r[1]}：${r[2]}`);
    expect(by(3)[0]).toContain('姓名：姓名须为身份证上的真实姓名');
    expect(by(4)[0]).toBe('身份证号：身份证号无效：校验码不正确，请逐位核对');
    expect(by(5)[0]).toBe('资格证书编码：资格证书编码与本人身份证号不一致');
    expect(by(6)[0]).toBe('资格证书编码：资格证书编码和准考证号至少填写一项');
    expect(by(7)[0]).toBe('准考证号：准考证号应为6–20位数字或字母');
    expect(by(8)[0]).toContain('医师级别：医师级别应为');
    expect(by(9)[0]).toContain('执业类别：执业类别应为');
    expect(by(10)[0]).toContain('取得资格日期：取得资格日期应为真实日期');
    expect(by(11)[0]).toBe('取得资格日期：取得资格日期不能晚于今天');
    expect(by(12)[0]).toContain('报考类别代码：报考类别代码220对应执业助理医师');
    expect(by(13)[0]).toContain('考试年份：考试年份应为1999至2026');
    expect(by(15)[0]).toBe('资格证书编码：资格证书编码与第14行重复');
    expect(report.map((r) => r[0])).not.toContain('2');
    const record = await recordOf(good.certCode);
    // The 身份证号 is stored encrypted with its keyed hash, never in plain.
    expect(record).toMatchObject({ name: '李时珍', level: 'physician', category: 'clinical', obtainedDate: '2024-12-20', synced: true });
    expect(t.deps.pii.decrypt(record!.idNumberEnc)).toBe(good.idNumber);
    expect(record!.idNumberHash.equals(t.deps.pii.hash(good.idNumber))).toBe(true);
    const xlsx = await province.get(done.errorReport!.xlsx);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('re-importing the same file changes nothing', async () => {
    const a = person('沈括');
    const b = person('宋慈', { ticket: 'ZK2024110002' });
    const file = csvFile([a.line, b.line]);
    const first = await importAndRun(t, province, file);
    expect(first.counts).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejected: 0 });
    const before = await recordOf(a.certCode);
    const again = await importAndRun(t, province, file);
    expect(again).toMatchObject({ status: 'done', counts: { read: 2, inserted: 0, updated: 0, unchanged: 2, rejected: 0 } });
    expect(await recordOf(a.certCode)).toEqual(before);
    expect(await t.deps.db.select().from(qualificationRevisions).where(eq(qualificationRevisions.importId, again.id))).toHaveLength(0);
  });

  it('a corrected row updates its record and keeps the history', async () => {
    const a = person('葛洪', { obtained: '2024-12-20' });
    await importAndRun(t, province, csvFile([a.line]));
    const corrected = a.cells.slice();
    corrected[0] = '葛洪义';
    corrected[8] = '2024-12-21';
    const done = await importAndRun(t, province, csvFile([corrected.join(',')]));
    expect(done.counts).toMatchObject({ updated: 1, inserted: 0, unchanged: 0 });
    const record = await recordOf(a.certCode);
    expect(record).toMatchObject({ name: '葛洪义', obtainedDate: '2024-12-21' });
    const [revision] = await t.deps.db.select().from(qualificationRevisions).where(and(eq(qualificationRevisions.importId, done.id), eq(qualificationRevisions.qualificationId, record!.id)));
    expect(revision!.oldValues).toMatchObject({ name: '葛洪', obtainedDate: '2024-12-20' });
    expect(revision!.newValues).toMatchObject({ name: '葛洪义', obtainedDate: '2024-12-21' });
    expect(JSON.stringify(revision)).not.toContain(a.idNumber);
    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, done.id));
    expect(audits.map((x) => x.action).sort()).toEqual(['qualification_import.finish', 'qualification_import.start']);
  });

  it('reads an Excel .xlsx file, and the physician in it then passes the qualification check at signup', async () => {
    const a = person('孙思邈');
    const done = await importAndRun(t, province, await xlsxFile([a.cells]), 'qualifications.xlsx');
    expect(done).toMatchObject({ status: 'done', counts: { inserted: 1, rejected: 0 } });
    const s = await signUp(t.app, { name: '孙思邈', idNumber: a.idNumber });
    const status = (await s.agent.get('/api/v1/physician/status')).json();
    expect(status.qualificationCheck).toBe('found');
    expect(status.qualifications[0]).toMatchObject({ levelLabel: '执业医师', categoryLabel: '临床类别' });
  });

  it('fails a file without the required columns, names them, and merges nothing', async () => {
    const done = await importAndRun(t, province, csvFile([person('王叔和').line], '姓名,身份证号,资格证书编码'));
    expect(done.status).toBe('failed');
    expect(done.failureReason).toContain('缺少必填列：医师级别、执业类别');
    expect((await errorRows(province, done.errorReport!.csv))[0]).toEqual(['1', '文件', expect.stringContaining('缺少必填列')]);
  });

  it('lists the imports newest first with the total, filtered by status, and offers the template', async () => {
    for (const name of ['王冰', '钱乙', '朱震亨']) await importAndRun(t, province, csvFile([person(name).line]));
    const list = (await province.get(`${BASE}?limit=2`)).json();
    expect(list.total).toBeGreaterThanOrEqual(3);
    expect(list.items).toHaveLength(2);
    const next = (await province.get(`${BASE}?limit=2&cursor=${list.nextCursor}`)).json();
    expect(next, JSON.stringify(next)).toHaveProperty("items");
    expect(next.items.map((i: { id: string }) => i.id)).not.toContain(list.items[1].id);
    expect(next.items[0].createdAt <= list.items[1].createdAt).toBe(true);
    const failed = (await province.get(`${BASE}?status=failed`)).json();
    expect(failed.items.every((i: { status: string }) => i.status === 'failed')).toBe(true);
    expectProblem(await province.get(`${BASE}?cursor=nonsense`), 400, 'QUALIFICATION_IMPORT_CURSOR_INVALID');
    const template = await province.get(`${BASE}/template.csv`);
    expect(template.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!.replace(/"/g, '')).toContain('姓名＊,身份证号＊,资格证书编码,准考证号,医师级别＊,执业类别＊');
    // The template's example row is itself a valid row.
    const done = await importAndRun(t, province, Buffer.from(template.body), 'template.csv');
    expect(done.counts).toMatchObject({ rejected: 0, read: 1 });
  });
});

describe('after a crash', () => {
  /** An import as a worker leaves it when its process dies while reading: 读取中, some rows staged, no more heartbeat. */
  async function diedWhileReading(name: string) {
    const a = person(name);
    const res = await upload(province, csvFile([a.line]));
    const id = res.json().id as string;
    await inTransaction(t.deps, (c) => moveImport(c, id, 'read', { startedAt: c.now(), heartbeatAt: c.now() }));
    const writer = new StagingWriter(t.deps.engine, t.deps.pii, id);
    writer.addValid({ rowNumber: 2, name, idNumber: a.idNumber, certCode: a.certCode, admissionTicketNo: null, level: 'physician', category: 'clinical', examCategoryCode: null, examYear: 2024, obtainedDate: '2024-12-20', speciality: null });
    await writer.finish();
    return { id, certCode: a.certCode };
  }
  const staged = async (id: string) => ((await t.deps.engine.query<{ n: number }>('SELECT count(*)::int AS n FROM qualification_import_staging WHERE import_id = $1', [id]))[0]!.n);

  it('an import whose worker died mid-file is failed with a Chinese reason once its heartbeat is stale, and merges nothing', async () => {
    const dead = await diedWhileReading('柳宗元');
    expect(await inTransaction(t.deps, (c) => failStaleImports(c))).toBe(0); // still within the heartbeat window
    expect((await province.get(`${BASE}/${dead.id}`)).json().status).toBe('reading');
    t.setNow(new Date(Date.parse('2026-12-03T02:00:00Z') + STALE_IMPORT_MS + 60_000).toISOString());
    try {
      expect(await inTransaction(t.deps, (c) => failStaleImports(c))).toBe(1);
      const after = (await province.get(`${BASE}/${dead.id}`)).json();
      expect(after).toMatchObject({ status: 'failed', failureReason: STALE_IMPORT_REASON });
      expect(await errorRows(province, after.errorReport.csv)).toEqual([['1', '文件', STALE_IMPORT_REASON]]);
      expect(await staged(dead.id)).toBe(0);
      expect(await recordOf(dead.certCode)).toBeUndefined();
      expect(await inTransaction(t.deps, (c) => failStaleImports(c))).toBe(0); // once
      // The administrator imports the file again and it loads.
      const again = await importAndRun(t, province, csvFile([person('柳宗元二').line]));
      expect(again.status).toBe('done');
    } finally {
      t.setNow('2026-12-03T02:00:00Z');
    }
  });
});

describe('a large file', () => {
  // 100,000 rows on PostgreSQL; 30,000 on PGlite, whose single-threaded WebAssembly database runs in this same
  // process and takes about half a second per thousand rows — the streaming is the same, the run stays short for CI.
  it('streams a large file (100,000 rows on PostgreSQL) with loosely bounded memory', async () => {
    const rows = t.deps.engine.kind === 'postgres' ? 100_000 : 30_000;
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
    const done = await importAndRun(t, province, syntheticCsv(rows), 'large.csv');
    clearInterval(sampler);
    expect(done).toMatchObject({ status: 'done', counts: { read: rows, inserted: rows, rejected: 0 } });
    // About 90 MB on PostgreSQL: two batches of COPY bytes, a file chunk or two, the heap's own slack.
    expect(peak - before, `RSS grew by ${Math.round((peak - before) / 1048576)} MB`).toBeLessThan(150 * 1024 * 1024);
  }, 240_000);
});
