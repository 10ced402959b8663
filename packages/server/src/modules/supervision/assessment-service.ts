/**
 * 定期考核结果 recorded on the register (domain §5.4; 《医师法》第四十二条; 《医师执业注册管理办法》第十一条: the main
 * institution and the authority update the results): one by one, or a whole results file. A file is checked
 * entirely first — every row's format, then every physician looked up in one query per kind of key, then every
 * result already on file in one query — and imported only if no row is wrong (all or nothing: the import report
 * lists each bad row with its row number, column and message, and the corrected file is imported again). The good
 * file goes in with batched inserts, one import record and one audit entry.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import {
  assessmentCycleLabel, boundedErrors, cycleHasBegun, parseResultsFile, todayInChina,
  type AssessmentResult, type ParsedResultRow, type RecordAssessment, type ResultsRowError,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { assessmentImports, assessmentResults } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import { audit, auditActorOf } from '../audit/service';
import { notifyAccount } from '../notifications/outbox';
import { SupervisionErrors } from './errors';
import { readResultsFile } from './results-file-reader';
import { supervisionScopeOf, type SupervisionScope } from './scope';
import { subjectsByIdNumber, subjectsByLicenceCode, type Subject } from './subjects';

const INSERT_BATCH = 500;

function recordedBy(scope: SupervisionScope) {
  return scope.kind === 'institution'
    ? { recordedByInstitutionId: scope.institutionId, recordedByAuthorityId: null }
    : { recordedByInstitutionId: null, recordedByAuthorityId: scope.authorityId };
}

async function notifyFailed(c: Ctx, s: Subject, cycleStartYear: number, result: AssessmentResult): Promise<void> {
  if (result !== 'failed' || !s.accountId) return;
  await notifyAccount(c, { accountId: s.accountId, phone: s.phone, email: s.email }, 'assessment.failed', '医师定期考核结果：不合格',
    `您${assessmentCycleLabel(cycleStartYear)}周期的医师定期考核结果为不合格。依《医师法》第四十二条，卫生健康主管部门将责令您暂停执业活动三个月至六个月，并接受相关专业培训；暂停期满后再次进行考核。请在「考核信息」中查看。`);
}

/** 登记一条考核结果 (by 执业证书编码 or 身份证号). */
export async function recordAssessment(c: Ctx, actor: AccountActor, input: RecordAssessment): Promise<{ id: string }> {
  const scope = supervisionScopeOf(actor);
  const today = todayInChina(c.now());
  const subject = input.licenceCode
    ? (await subjectsByLicenceCode(c, scope, [input.licenceCode])).get(input.licenceCode)
    : (await subjectsByIdNumber(c, scope, [input.idNumber!])).get(input.idNumber!);
  if (!subject) {
    throw SupervisionErrors.SUPERVISION_SUBJECT_NOT_FOUND({
      path: [input.licenceCode ? 'licenceCode' : 'idNumber'],
      detail: scope.kind === 'institution' ? '未找到该医师在本机构的执业注册，请核对执业证书编码或身份证号' : '未找到该医师在本辖区的执业注册，请核对执业证书编码或身份证号',
    });
  }
  if (!cycleHasBegun(input.cycle, today)) throw SupervisionErrors.ASSESSMENT_CYCLE_NOT_BEGUN({ path: ['cycle'], detail: `考核周期${assessmentCycleLabel(input.cycle)}尚未开始，不能登记结果` });
  if (input.assessedOn && input.assessedOn > today) throw SupervisionErrors.DECISION_DATE_INVALID({ path: ['assessedOn'], detail: '考核日期不能晚于今天' });
  const [existing] = await c.tx.select({ id: assessmentResults.id }).from(assessmentResults)
    .where(and(eq(assessmentResults.physicianId, subject.physicianId), eq(assessmentResults.cycleStartYear, input.cycle), eq(assessmentResults.kind, 'periodic')));
  if (existing) throw duplicate(input.cycle);
  const [row] = await c.tx.insert(assessmentResults).values({
    physicianId: subject.physicianId, registrationId: subject.registrationId, institutionId: subject.institutionId, authorityId: subject.authorityId,
    kind: 'periodic', cycleStartYear: input.cycle, result: input.result, assessedOn: input.assessedOn ?? null, assessor: input.assessor ?? null,
    note: input.note ?? null, source: 'form', ...recordedBy(scope), actorAccountId: actor.accountId, createdAt: c.now(),
  }).onConflictDoNothing().returning({ id: assessmentResults.id });
  if (!row) throw duplicate(input.cycle);
  await audit(c, auditActorOf(actor), 'assessment.record', 'assessment_result', row.id, {
    registrationId: subject.registrationId, cycle: assessmentCycleLabel(input.cycle), result: input.result,
  });
  await notifyFailed(c, subject, input.cycle, input.result);
  return row;
}

const duplicate = (cycle: number) => SupervisionErrors.ASSESSMENT_ALREADY_RECORDED({
  path: ['cycle'], detail: `该医师${assessmentCycleLabel(cycle)}周期的定期考核结果已登记，不能重复登记`,
});

export interface ImportReport {
  importId: string;
  imported: number;
  counts: Record<AssessmentResult, number>;
}

/** 导入考核结果文件: all rows or none; the refusal lists every bad row (RESULTS_FILE_INVALID, 400). */
export async function importResults(c: Ctx, actor: AccountActor, file: { filename: string; data: Buffer }): Promise<ImportReport> {
  const scope = supervisionScopeOf(actor);
  const today = todayInChina(c.now());
  const table = await readResultsFile(file.filename, file.data);
  const parsed = parseResultsFile(table, today);
  const errors: ResultsRowError[] = [...parsed.errors];

  const byLicence = await subjectsByLicenceCode(c, scope, parsed.rows.flatMap((r) => (r.licenceCode ? [r.licenceCode] : [])));
  const byId = await subjectsByIdNumber(c, scope, parsed.rows.flatMap((r) => (!r.licenceCode && r.idNumber ? [r.idNumber] : [])));
  const where = scope.kind === 'institution' ? '本机构' : '本辖区';
  const resolved: { row: ParsedResultRow; subject: Subject }[] = [];
  for (const row of parsed.rows) {
    const subject = row.licenceCode ? byLicence.get(row.licenceCode) : byId.get(row.idNumber!);
    if (!subject) {
      errors.push({ row: row.row, field: row.licenceCode ? '执业证书编码' : '身份证号', message: `未找到该医师在${where}的执业注册` });
      continue;
    }
    if (row.name && row.name !== subject.physicianName) {
      errors.push({ row: row.row, field: '姓名', message: `姓名与注册信息不一致（注册姓名：${subject.physicianName}）` });
      continue;
    }
    // Both given: the 执业证书编码 finds the registration, the 身份证号 must be that physician's (compared by its blind index).
    if (row.idNumber && row.licenceCode && c.pii.hash(row.idNumber).toString('hex') !== subject.idHash) {
      errors.push({ row: row.row, field: '身份证号', message: '身份证号与该执业证书编码的医师不一致' });
      continue;
    }
    resolved.push({ row, subject });
  }
  // Same physician twice through different keys, and results already on file: one query for the whole file.
  const seen = new Map<string, number>();
  for (const { row, subject } of resolved) {
    const key = `${subject.physicianId}|${row.cycleStartYear}`;
    const first = seen.get(key);
    if (first !== undefined) errors.push({ row: row.row, field: '执业证书编码', message: `与第${first}行是同一医师同一考核周期，请只保留一行` });
    else seen.set(key, row.row);
  }
  const physicianIds = [...new Set(resolved.map((r) => r.subject.physicianId))];
  const onFile = new Set<string>();
  for (let i = 0; i < physicianIds.length; i += 1000) {
    const rows = await c.tx.select({ physicianId: assessmentResults.physicianId, cycle: assessmentResults.cycleStartYear }).from(assessmentResults)
      .where(and(inArray(assessmentResults.physicianId, physicianIds.slice(i, i + 1000)), eq(assessmentResults.kind, 'periodic')));
    for (const r of rows) onFile.add(`${r.physicianId}|${r.cycle}`);
  }
  for (const { row, subject } of resolved) {
    if (onFile.has(`${subject.physicianId}|${row.cycleStartYear}`)) {
      errors.push({ row: row.row, field: '考核周期', message: `该医师${assessmentCycleLabel(row.cycleStartYear)}周期的考核结果已登记` });
    }
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    const bounded = boundedErrors(errors);
    throw SupervisionErrors.RESULTS_FILE_INVALID({
      detail: `考核结果文件有${new Set(errors.map((e) => e.row)).size}行需要更正（共${errors.length}处），未导入任何结果。请按提示更正后重新导入。`,
      extra: {
        rowErrors: bounded.errors,
        moreErrors: bounded.more,
        errors: bounded.errors.map((e) => ({ path: ['file', e.row, e.field], message: `第${e.row}行「${e.field}」：${e.message}` })),
      },
    });
  }

  const now = c.now();
  const [imported] = await c.tx.insert(assessmentImports).values({
    fileName: file.filename.slice(0, 200), fileDigest: createHash('sha256').update(file.data).digest('hex'), rowCount: resolved.length,
    institutionId: scope.kind === 'institution' ? scope.institutionId : null, authorityId: scope.kind === 'authority' ? scope.authorityId : null,
    actorAccountId: actor.accountId, createdAt: now,
  }).returning({ id: assessmentImports.id });
  const values = resolved.map(({ row, subject }) => ({
    physicianId: subject.physicianId, registrationId: subject.registrationId, institutionId: subject.institutionId, authorityId: subject.authorityId,
    kind: 'periodic' as const, cycleStartYear: row.cycleStartYear, result: row.result, assessedOn: row.assessedOn, assessor: row.assessor, note: row.note,
    source: 'import' as const, importId: imported!.id, ...recordedBy(scope), actorAccountId: actor.accountId, createdAt: now,
  }));
  for (let i = 0; i < values.length; i += INSERT_BATCH) await c.tx.insert(assessmentResults).values(values.slice(i, i + INSERT_BATCH));
  const counts = { passed: 0, failed: 0, absent: 0 } as Record<AssessmentResult, number>;
  for (const v of values) counts[v.result]++;
  await audit(c, auditActorOf(actor), 'assessment.import', 'assessment_import', imported!.id, { fileName: file.filename, rows: values.length, counts });
  for (const { row, subject } of resolved) await notifyFailed(c, subject, row.cycleStartYear, row.result);
  return { importId: imported!.id, imported: values.length, counts };
}

