/**
 * The results file an institution or authority imports (定期考核结果导入, domain §5.4): a header row naming the
 * columns, then one physician a row. Every row is checked and every problem reported with its row number (as
 * the spreadsheet numbers it: the header is row 1), the column and a Chinese message; the server imports nothing
 * when any row is wrong (the file is corrected and imported again — a half-imported file is harder to mend than a
 * refused one).
 */
import { isIsoDate } from '../calendar/iso-date';
import { LICENCE_CODE_PATTERN } from '../identifiers/licence-code';
import { parseResidentId, RESIDENT_ID_FAILURE_TEXT } from '../identifiers/resident-id';
import { hasControlCharacter, hasInvisibleCharacter } from '../text/plain-text';
import { parseAssessmentResult, type AssessmentResult } from './assessment-results';
import { cycleHasBegun, parseAssessmentCycle } from './assessment-cycle';

/** At most this many data rows in one file; larger files are split. */
export const RESULTS_FILE_MAX_ROWS = 5000;
/** At most this many bytes in one file. */
export const RESULTS_FILE_MAX_BYTES = 2 * 1024 * 1024;
/** Errors reported per file; past this the report says how many more. */
export const RESULTS_FILE_MAX_ERRORS = 200;

export const RESULTS_FILE_COLUMNS = {
  licenceCode: { label: '执业证书编码', aliases: ['执业证书编码', '执业证书号', '执业证书编号'] },
  idNumber: { label: '身份证号', aliases: ['身份证号', '身份证号码', '证件号码', '居民身份证号码'] },
  name: { label: '姓名', aliases: ['姓名', '医师姓名'] },
  cycle: { label: '考核周期', aliases: ['考核周期', '周期'] },
  result: { label: '考核结果', aliases: ['考核结果', '结果'] },
  assessedOn: { label: '考核日期', aliases: ['考核日期', '日期'] },
  assessor: { label: '考核机构', aliases: ['考核机构'] },
  note: { label: '备注', aliases: ['备注'] },
} as const;
export type ResultsFileColumn = keyof typeof RESULTS_FILE_COLUMNS;

/** The header row of the template the pages offer. */
export const RESULTS_FILE_TEMPLATE_HEADER: readonly string[] = ['执业证书编码', '身份证号', '姓名', '考核周期', '考核结果', '考核日期', '考核机构', '备注'];

export interface ResultsRowError {
  /** Row number in the file (header = 1). */
  row: number;
  /** The column's label (执业证书编码 …), or 「文件」 for a problem of the whole file. */
  field: string;
  message: string;
}

export interface ParsedResultRow {
  row: number;
  licenceCode: string | null;
  idNumber: string | null;
  name: string | null;
  cycleStartYear: number;
  result: AssessmentResult;
  assessedOn: string | null;
  assessor: string | null;
  note: string | null;
}

export interface ParsedResultsFile {
  rows: ParsedResultRow[];
  errors: ResultsRowError[];
}

const fileError = (message: string): ParsedResultsFile => ({ rows: [], errors: [{ row: 1, field: '文件', message }] });

function columnIndexes(header: readonly string[]): Partial<Record<ResultsFileColumn, number>> {
  const out: Partial<Record<ResultsFileColumn, number>> = {};
  header.forEach((h, i) => {
    const name = h.trim().replace(/^\uFEFF/, '').replace(/[（(].*[)）]$/, '');
    for (const [key, col] of Object.entries(RESULTS_FILE_COLUMNS) as [ResultsFileColumn, (typeof RESULTS_FILE_COLUMNS)[ResultsFileColumn]][]) {
      if (out[key] === undefined && (col.aliases as readonly string[]).includes(name)) out[key] = i;
    }
  });
  return out;
}

/** Checks every row of a results file (cells as text) against the columns and the rules. */
export function parseResultsFile(table: readonly (readonly string[])[], today: string): ParsedResultsFile {
  const [header, ...body] = table;
  if (!header) return fileError('文件为空，请使用模板填写考核结果');
  const at = columnIndexes(header);
  const missing: string[] = (['cycle', 'result'] as const).filter((k) => at[k] === undefined).map((k) => RESULTS_FILE_COLUMNS[k].label);
  if (at.licenceCode === undefined && at.idNumber === undefined) missing.unshift('执业证书编码或身份证号');
  if (missing.length) return fileError(`缺少列：${missing.join('、')}（第1行应为表头：${RESULTS_FILE_TEMPLATE_HEADER.join('、')}）`);

  const dataRows = body.map((cells, i) => ({ cells, row: i + 2 })).filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (dataRows.length === 0) return fileError('文件中没有考核结果（第2行起每行一名医师）');
  if (dataRows.length > RESULTS_FILE_MAX_ROWS) return fileError(`一次最多导入${RESULTS_FILE_MAX_ROWS}条考核结果，本文件有${dataRows.length}条，请分批导入`);

  const rows: ParsedResultRow[] = [];
  const errors: ResultsRowError[] = [];
  const seen = new Map<string, number>();
  for (const { cells, row } of dataRows) {
    const cell = (k: ResultsFileColumn) => (at[k] === undefined ? '' : (cells[at[k]!] ?? '').trim());
    const fail = (k: ResultsFileColumn, message: string) => errors.push({ row, field: RESULTS_FILE_COLUMNS[k].label, message });
    const before = errors.length;

    for (const k of Object.keys(RESULTS_FILE_COLUMNS) as ResultsFileColumn[]) {
      const v = cell(k);
      if (hasControlCharacter(v, { multiline: k === 'note' }) || hasInvisibleCharacter(v)) fail(k, '不能包含控制字符或不可见字符');
    }
    const licenceCode = cell('licenceCode').replace(/\s+/g, '');
    const idRaw = cell('idNumber').replace(/\s+/g, '');
    let idNumber: string | null = null;
    if (!licenceCode && !idRaw) fail('licenceCode', '请填写执业证书编码或身份证号');
    if (licenceCode && !LICENCE_CODE_PATTERN.test(licenceCode)) fail('licenceCode', '执业证书编码应为15位数字');
    if (idRaw) {
      const id = parseResidentId(idRaw, { today });
      if (id.ok) idNumber = id.value.idNumber;
      else fail('idNumber', `身份证号无效：${RESIDENT_ID_FAILURE_TEXT[id.reason]}`);
    }
    const cycleText = cell('cycle');
    const cycle = cycleText ? parseAssessmentCycle(cycleText) : { ok: false as const, message: '请填写考核周期（如「2024–2026」）' };
    if (!cycle.ok) fail('cycle', cycle.message);
    else if (!cycleHasBegun(cycle.startYear, today)) fail('cycle', `考核周期${cycleText}尚未开始，不能登记结果`);
    const resultText = cell('result');
    const result = parseAssessmentResult(resultText);
    if (!result) fail('result', resultText ? `考核结果「${resultText}」无法识别，应为合格、不合格或未参加` : '请填写考核结果（合格、不合格或未参加）');
    const assessedOn = normaliseDate(cell('assessedOn'));
    if (assessedOn && !isIsoDate(assessedOn)) fail('assessedOn', '考核日期应为YYYY-MM-DD格式的真实日期');
    else if (assessedOn && assessedOn > today) fail('assessedOn', '考核日期不能晚于今天');
    const name = cell('name');
    if (name.length > 30) fail('name', '姓名过长');
    const assessor = cell('assessor');
    if (assessor.length > 100) fail('assessor', '考核机构名称不超过100字');
    const note = cell('note');
    if (note.length > 500) fail('note', '备注不超过500字');

    if (cycle.ok) {
      const who = licenceCode || idNumber;
      if (who) {
        const key = `${who}|${cycle.startYear}`;
        const first = seen.get(key);
        if (first !== undefined) fail(licenceCode ? 'licenceCode' : 'idNumber', `与第${first}行是同一医师同一考核周期，请只保留一行`);
        else seen.set(key, row);
      }
    }
    if (errors.length === before && cycle.ok && result) {
      rows.push({
        row, licenceCode: licenceCode || null, idNumber, name: name || null, cycleStartYear: cycle.startYear, result,
        assessedOn: assessedOn || null, assessor: assessor || null, note: note || null,
      });
    }
  }
  return { rows, errors };
}

/** 2026/3/5, 2026.03.05 and 2026年3月5日 read as 2026-03-05. */
function normaliseDate(s: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}

/** At most RESULTS_FILE_MAX_ERRORS of the errors, and how many were left off. */
export function boundedErrors(errors: readonly ResultsRowError[]): { errors: ResultsRowError[]; more: number } {
  return { errors: errors.slice(0, RESULTS_FILE_MAX_ERRORS), more: Math.max(0, errors.length - RESULTS_FILE_MAX_ERRORS) };
}
