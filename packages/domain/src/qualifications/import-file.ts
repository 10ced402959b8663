/**
 * 国家医师资格信息导入 (domain §1.0 "Exam results", §4.1): the province loads exam passers and certificate holders
 * from a spreadsheet whose first row names the columns. Each data row is checked here with the same rules as
 * everywhere else (姓名 as on the 身份证, GB 11643 check digit, the 资格证书编码 carrying the holder's own 身份证号,
 * 准考证号 format, level and category vocabularies, real dates), and every problem is reported with the row number
 * a person sees in the spreadsheet (header = 1), the column and a Chinese reason. Unlike the small 定期考核 file,
 * good rows are loaded and bad ones listed, because a national file of a million rows is never spotless.
 */
import { isIsoDate } from '../calendar/iso-date';
import { parseQualificationCode, QUALIFICATION_CODE_FAILURE_TEXT } from '../identifiers/qualification-code';
import { parseResidentId, RESIDENT_ID_FAILURE_TEXT } from '../identifiers/resident-id';
import { isValidPhysicianName, normalizePhysicianName, PHYSICIAN_NAME_MESSAGE } from '../physician-name';
import { PHYSICIAN_LEVEL_INFO, PHYSICIAN_LEVELS, type PhysicianLevel } from '../reference/physician-levels';
import { examCategoryToLevelAndCategory, PRACTICE_CATEGORIES, PRACTICE_CATEGORY_INFO, type PracticeCategory } from '../reference/practice-categories';
import { hasControlCharacter, hasInvisibleCharacter } from '../text/plain-text';

/** Files up to this size are accepted (a national file of several million rows as CSV is well under it). */
export const QUALIFICATION_IMPORT_MAX_BYTES = 2 * 1024 * 1024 * 1024;

export const QUALIFICATION_IMPORT_COLUMNS = {
  name: { label: '姓名', required: true, aliases: ['姓名', '医师姓名'] },
  idNumber: { label: '身份证号', required: true, aliases: ['身份证号', '身份证号码', '证件号码', '居民身份证号码'] },
  certCode: { label: '资格证书编码', required: false, aliases: ['资格证书编码', '医师资格证书编码', '资格证书编号', '资格证书号'] },
  admissionTicketNo: { label: '准考证号', required: false, aliases: ['准考证号', '准考证号码'] },
  level: { label: '医师级别', required: true, aliases: ['医师级别', '级别', '资格级别'] },
  category: { label: '执业类别', required: true, aliases: ['执业类别', '类别', '资格类别'] },
  examCategoryCode: { label: '报考类别代码', required: false, aliases: ['报考类别代码', '考试类别代码'] },
  examYear: { label: '考试年份', required: false, aliases: ['考试年份', '考试年度'] },
  obtainedDate: { label: '取得资格日期', required: false, aliases: ['取得资格日期', '取得日期', '发证日期'] },
  speciality: { label: '专业', required: false, aliases: ['专业', '资格专业'] },
} as const;
export type QualificationImportColumn = keyof typeof QUALIFICATION_IMPORT_COLUMNS;
const COLUMN_KEYS = Object.keys(QUALIFICATION_IMPORT_COLUMNS) as QualificationImportColumn[];

/** The header row of the template offered for download, in this order. */
export const QUALIFICATION_IMPORT_TEMPLATE_HEADER: readonly string[] = COLUMN_KEYS.map((k) => QUALIFICATION_IMPORT_COLUMNS[k].label);

/** A row of the file, valid, with the plain 身份证号 and code (the server encrypts them before they are written). */
export interface QualificationImportRow {
  rowNumber: number;
  name: string;
  /** Normalised to 18 characters (a 15-digit legacy ID comes out upgraded). */
  idNumber: string;
  /** Normalised upper case; null when the row has only a 准考证号. */
  certCode: string | null;
  admissionTicketNo: string | null;
  level: PhysicianLevel;
  category: PracticeCategory;
  examCategoryCode: string | null;
  examYear: number | null;
  obtainedDate: string | null;
  speciality: string | null;
}

export interface QualificationImportRowError {
  rowNumber: number;
  /** The column's label (身份证号 …), or 「文件」 for a problem of the whole file. */
  field: string;
  reason: string;
}

export type ColumnIndexes = Partial<Record<QualificationImportColumn, number>>;

/** Where each known column is; `missing` names the required columns the header lacks. */
export function importColumnIndexes(header: readonly string[]): { at: ColumnIndexes; missing: string[] } {
  const at: ColumnIndexes = {};
  header.forEach((h, i) => {
    const name = h.trim().replace(/^\uFEFF/, '').replace(/[*＊]/g, '').replace(/[（(].*[)）]$/, '').trim();
    for (const key of COLUMN_KEYS) {
      if (at[key] === undefined && (QUALIFICATION_IMPORT_COLUMNS[key].aliases as readonly string[]).includes(name)) at[key] = i;
    }
  });
  const missing = COLUMN_KEYS.filter((k) => QUALIFICATION_IMPORT_COLUMNS[k].required && at[k] === undefined).map((k) => QUALIFICATION_IMPORT_COLUMNS[k].label);
  return { at, missing };
}

const LEVEL_BY_LABEL = new Map<string, PhysicianLevel>(PHYSICIAN_LEVELS.flatMap((l) => [[PHYSICIAN_LEVEL_INFO[l].label, l], [l, l]] as [string, PhysicianLevel][]));
LEVEL_BY_LABEL.set('医师', 'physician').set('助理医师', 'assistant').set('1', 'physician').set('2', 'assistant');
const CATEGORY_BY_LABEL = new Map<string, PracticeCategory>(PRACTICE_CATEGORIES.flatMap((c) => [
  [PRACTICE_CATEGORY_INFO[c].label, c], [PRACTICE_CATEGORY_INFO[c].fullLabel, c], [c, c],
] as [string, PracticeCategory][]));
CATEGORY_BY_LABEL.set('中医类别（含民族医、中西医结合）', 'tcm').set('民族医', 'tcm').set('中西医结合', 'tcm');

const TICKET = /^[0-9A-Za-z]{6,20}$/;
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** 2024/3/5, 2024-03-05, 2024年3月5日 → 2024-03-05, or undefined when it is no real date. */
export function importDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/**
 * Checks one data row. `today` (China date) bounds the dates: no qualification is obtained in the future or
 * before the holder was born; exams began in 1999 (《执业医师法》 took effect on 1999-05-01).
 */
export function parseImportRow(
  rowNumber: number, cells: readonly string[], at: ColumnIndexes, today: string,
): { ok: true; row: QualificationImportRow } | { ok: false; errors: QualificationImportRowError[] } {
  const errors: QualificationImportRowError[] = [];
  const fail = (key: QualificationImportColumn, reason: string) => errors.push({ rowNumber, field: QUALIFICATION_IMPORT_COLUMNS[key].label, reason });
  const cell = (key: QualificationImportColumn): string => {
    const i = at[key];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  for (const key of COLUMN_KEYS) {
    const v = cell(key);
    if (v && (hasControlCharacter(v) || hasInvisibleCharacter(v))) fail(key, '不能包含控制字符或不可见字符');
  }
  if (errors.length) return { ok: false, errors };

  const name = normalizePhysicianName(cell('name'));
  if (!name) fail('name', '姓名不能为空');
  else if (!isValidPhysicianName(name)) fail('name', PHYSICIAN_NAME_MESSAGE);

  let idNumber = '';
  let birthDate = '';
  const idText = cell('idNumber');
  if (!idText) fail('idNumber', '身份证号不能为空');
  else {
    const id = parseResidentId(idText, { today });
    if (!id.ok) fail('idNumber', `身份证号无效：${RESIDENT_ID_FAILURE_TEXT[id.reason]}`);
    else { idNumber = id.value.idNumber; birthDate = id.value.birthDate; }
  }

  const certText = cell('certCode');
  const ticket = cell('admissionTicketNo');
  let certCode: string | null = null;
  if (!certText && !ticket) fail('certCode', '资格证书编码和准考证号至少填写一项');
  if (certText) {
    const parsed = parseQualificationCode(certText, idNumber || undefined);
    if (!parsed.ok) {
      // Without a valid ID the mismatch cannot be judged; the 身份证号 column already says what is wrong.
      if (parsed.reason !== 'id_mismatch' || idNumber) fail('certCode', QUALIFICATION_CODE_FAILURE_TEXT[parsed.reason]);
    } else certCode = certText.toUpperCase();
  }
  if (ticket && !TICKET.test(ticket)) fail('admissionTicketNo', '准考证号应为6–20位数字或字母');

  const level = LEVEL_BY_LABEL.get(cell('level'));
  if (!cell('level')) fail('level', '医师级别不能为空');
  else if (!level) fail('level', '医师级别应为「执业医师」或「执业助理医师」');
  const category = CATEGORY_BY_LABEL.get(cell('category'));
  if (!cell('category')) fail('category', '执业类别不能为空');
  else if (!category) fail('category', '执业类别应为「临床」「口腔」「公共卫生」或「中医」');

  const examCode = cell('examCategoryCode');
  if (examCode) {
    const implied = /^\d{3}$/.test(examCode) ? examCategoryToLevelAndCategory(examCode) : undefined;
    if (!/^\d{3}$/.test(examCode)) fail('examCategoryCode', '报考类别代码应为3位数字');
    else if (implied && level && category && (implied.level !== level || implied.category !== category)) {
      fail('examCategoryCode', `报考类别代码${examCode}对应${PHYSICIAN_LEVEL_INFO[implied.level].label}（${PRACTICE_CATEGORY_INFO[implied.category].label}），与医师级别或执业类别不一致`);
    }
  }

  const yearText = cell('examYear');
  const examYear = yearText ? Number(yearText) : null;
  if (yearText && (!/^\d{4}$/.test(yearText) || examYear! < 1999 || examYear! > Number(today.slice(0, 4)))) {
    fail('examYear', `考试年份应为1999至${today.slice(0, 4)}年之间的四位年份`);
  }

  const dateText = cell('obtainedDate');
  const obtainedDate = dateText ? importDate(dateText) : null;
  if (dateText && !obtainedDate) fail('obtainedDate', '取得资格日期应为真实日期，如2024-03-05');
  else if (obtainedDate && obtainedDate > today) fail('obtainedDate', '取得资格日期不能晚于今天');
  else if (obtainedDate && birthDate && obtainedDate <= birthDate) fail('obtainedDate', '取得资格日期不能早于出生日期');

  const speciality = cell('speciality') || null;
  if (speciality && [...speciality].length > 50) fail('speciality', '专业不能超过50个字');

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    row: {
      rowNumber, name, idNumber, certCode, admissionTicketNo: ticket || null, level: level!, category: category!,
      examCategoryCode: examCode || null, examYear, obtainedDate: obtainedDate ?? null, speciality,
    },
  };
}
