/**
 * 批量导入医疗机构 (domain §4.5–4.8): a spreadsheet with one institution a row, its columns the fields of the
 * 新增医疗机构 form in Chinese (科室 as a 、-separated list, 所在地区 as the county-level GB/T 2260 code, 审批机关 by
 * its name), each row checked with the same schema as the form (CreateInstitution).
 *
 * All or nothing: when any row is wrong nothing is imported and every wrong row is listed with its row number
 * (as the spreadsheet numbers it: the header is row 1), the column and a Chinese reason. A registry clerk fixes the
 * file and imports it again; a half-imported file of hundreds of rows would leave them to find out which rows got
 * in, and a re-import would then collide with those on every name and credit code.
 */
import type { z } from 'zod';
import {
  CreateInstitution, INSTITUTION_GRADE_LABELS, INSTITUTION_GRADES, INSTITUTION_KIND_LABELS, INSTITUTION_KINDS,
  type InstitutionGrade, type InstitutionKind,
} from './institution-form';
import { nameText } from '../text/plain-text';

/**
 * At most this many institutions in one file. Each new institution gets an administrator whose one-time password
 * is hashed with argon2id (about 20 ms of a core each), so a file of 2 000 rows takes under a minute to import;
 * a province's larger register is imported in several files.
 */
export const INSTITUTION_IMPORT_MAX_ROWS = 2000;
/** At most this many bytes in one file (2 000 rows of the template are about 600 KB). */
export const INSTITUTION_IMPORT_MAX_BYTES = 4 * 1024 * 1024;
/** Errors reported per file; past this the report says how many more. */
export const INSTITUTION_IMPORT_MAX_ERRORS = 500;

/** The columns in template order; `aliases` are other headers accepted for the same column. */
export const INSTITUTION_IMPORT_COLUMNS = {
  name: { label: '标准名称', aliases: ['机构标准名称', '机构名称', '医疗机构名称'], example: '北京市海淀区示例社区卫生服务中心' },
  creditCode: { label: '统一社会信用代码', aliases: [], example: '12110108MB1234567X' },
  licenceRegNo: { label: '医疗机构执业许可证登记号', aliases: ['执业许可证登记号', '许可证登记号', '登记号'], example: 'MB123456X11010815B1001' },
  kind: { label: '机构类别', aliases: ['类别'], example: '医疗机构' },
  grade: { label: '机构等级', aliases: ['等级', '医院等级'], example: '未定级' },
  grassroots: { label: '基层医疗卫生机构', aliases: ['是否基层医疗卫生机构', '基层机构'], example: '是' },
  address: { label: '地址', aliases: ['机构地址', '详细地址'], example: '北京市海淀区示例路1号' },
  areaCode: { label: '所在地区代码', aliases: ['所在地区', '行政区划代码', '地区代码'], example: '110108' },
  approvingAuthority: { label: '审批机关', aliases: ['审批机关名称'], example: '北京市海淀区卫生健康委员会' },
  departments: { label: '科室', aliases: ['诊疗科目'], example: '全科医疗科、预防保健科、中医科' },
  adminLoginName: { label: '管理员登录名', aliases: ['机构管理员登录名'], example: 'hd_sqws_admin' },
  adminDisplayName: { label: '管理员姓名', aliases: ['机构管理员姓名'], example: '王某某' },
} as const;
export type InstitutionImportColumn = keyof typeof INSTITUTION_IMPORT_COLUMNS;
const COLUMN_KEYS = Object.keys(INSTITUTION_IMPORT_COLUMNS) as InstitutionImportColumn[];

/** The template's header row. */
export const INSTITUTION_IMPORT_HEADER: readonly string[] = COLUMN_KEYS.map((k) => INSTITUTION_IMPORT_COLUMNS[k].label);

/** One problem of the file: its row (header = 1), the column's label (or 「文件」) and a Chinese reason. */
export interface InstitutionImportRowError {
  row: number;
  field: string;
  message: string;
}

/** A row as the form would send it, except that the 审批机关 is named (the server finds its id). */
export const InstitutionImportRow = CreateInstitution.omit({ approvingAuthorityId: true }).extend({
  approvingAuthorityName: nameText({ error: '请填写审批机关名称' }).trim().min(2, '请填写审批机关名称（与系统中卫生健康行政部门的名称一致）').max(60, '审批机关名称不超过60字'),
});
export type InstitutionImportRow = z.infer<typeof InstitutionImportRow>;

export interface ParsedInstitutionRow {
  row: number;
  value: InstitutionImportRow;
}

export type ImportHeader = { ok: true; columns: Record<InstitutionImportColumn, number> } | { ok: false; error: InstitutionImportRowError };

const headerName = (h: string) => h.trim().replace(/^\uFEFF/, '').replace(/\s+/g, '').replace(/[（(].*[)）]$/, '').replace(/[*＊]$/, '');

/** Finds the columns by their headers (any order, template labels or aliases); every column is required. */
export function readImportHeader(header: readonly string[]): ImportHeader {
  const at: Partial<Record<InstitutionImportColumn, number>> = {};
  header.forEach((h, i) => {
    const name = headerName(h);
    for (const k of COLUMN_KEYS) {
      const col = INSTITUTION_IMPORT_COLUMNS[k];
      if (at[k] === undefined && (name === col.label || (col.aliases as readonly string[]).includes(name))) at[k] = i;
    }
  });
  const missing = COLUMN_KEYS.filter((k) => at[k] === undefined).map((k) => INSTITUTION_IMPORT_COLUMNS[k].label);
  if (missing.length > 0) {
    return { ok: false, error: { row: 1, field: '文件', message: `缺少列：${missing.join('、')}（第1行应为表头：${INSTITUTION_IMPORT_HEADER.join('、')}；请下载模板填写）` } };
  }
  return { ok: true, columns: at as Record<InstitutionImportColumn, number> };
}

const KIND_BY_LABEL = new Map<string, InstitutionKind>(INSTITUTION_KINDS.flatMap((k) => [[INSTITUTION_KIND_LABELS[k], k], [k, k]] as const));
const GRADE_BY_LABEL = new Map<string, InstitutionGrade>(INSTITUTION_GRADES.flatMap((g) => [[INSTITUTION_GRADE_LABELS[g], g], [g, g]] as const));
const GRASSROOTS = new Map<string, boolean>([['是', true], ['否', false], ['Y', true], ['N', false], ['y', true], ['n', false]]);

/** What each schema path reports under: the column's label. */
const FIELD_OF_PATH: Record<string, InstitutionImportColumn> = {
  name: 'name', creditCode: 'creditCode', licenceRegNo: 'licenceRegNo', kind: 'kind', grade: 'grade', grassroots: 'grassroots',
  address: 'address', areaCode: 'areaCode', approvingAuthorityName: 'approvingAuthority', departments: 'departments',
  'admin.loginName': 'adminLoginName', 'admin.displayName': 'adminDisplayName',
};

/** The message for a value that is not one of a column's choices. */
function choiceMessage(k: InstitutionImportColumn, raw: string): string | undefined {
  if (k === 'kind') return `${raw ? `机构类别「${raw}」无法识别，` : '请填写机构类别，'}应为${Object.values(INSTITUTION_KIND_LABELS).join('、')}之一`;
  if (k === 'grade') return `${raw ? `机构等级「${raw}」无法识别，` : '请填写机构等级，'}应为${Object.values(INSTITUTION_GRADE_LABELS).join('、')}之一`;
  if (k === 'grassroots') return `${raw ? `「${raw}」无法识别，` : '请填写，'}应为「是」或「否」`;
  return undefined;
}

/** 科室 written as 「内科、外科」 (、，, ; and line breaks also separate). */
export function splitDepartments(text: string): string[] {
  return text.split(/[、，,;；\n\r]+/).map((d) => d.trim()).filter((d) => d !== '');
}

/** Whether a row has nothing in it (such rows are skipped, as Excel leaves them after deleting content). */
export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** Checks one data row with the form's schema; the choices are read from their Chinese labels. */
export function parseInstitutionImportRow(row: number, cells: readonly string[], columns: Record<InstitutionImportColumn, number>):
  { ok: true; value: InstitutionImportRow } | { ok: false; errors: InstitutionImportRowError[] } {
  const cell = (k: InstitutionImportColumn) => cells[columns[k]] ?? '';
  const raw = { kind: cell('kind').trim(), grade: cell('grade').trim(), grassroots: cell('grassroots').trim() };
  const candidate = {
    name: cell('name'), creditCode: cell('creditCode'), licenceRegNo: cell('licenceRegNo'),
    kind: KIND_BY_LABEL.get(raw.kind) ?? raw.kind, grade: GRADE_BY_LABEL.get(raw.grade) ?? raw.grade,
    grassroots: GRASSROOTS.get(raw.grassroots) ?? raw.grassroots,
    address: cell('address'), areaCode: cell('areaCode').trim(), approvingAuthorityName: cell('approvingAuthority'),
    departments: splitDepartments(cell('departments')),
    admin: { loginName: cell('adminLoginName').trim(), displayName: cell('adminDisplayName') },
  };
  const parsed = InstitutionImportRow.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: InstitutionImportRowError[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((p) => typeof p === 'string').join('.');
    const key = FIELD_OF_PATH[path] ?? FIELD_OF_PATH[path.split('.')[0]!] ?? 'name';
    if (seen.has(key)) continue;
    seen.add(key);
    const message = choiceMessage(key, raw[key as keyof typeof raw] ?? '') ?? issue.message;
    errors.push({ row, field: INSTITUTION_IMPORT_COLUMNS[key].label, message });
  }
  return { ok: false, errors };
}

/**
 * Rows of the same file that would collide: the same name in the same place (names are unique within a place),
 * the same 统一社会信用代码, the same 管理员登录名 (login names are unique regardless of case).
 */
export function duplicatesInFile(rows: readonly ParsedInstitutionRow[]): InstitutionImportRowError[] {
  const errors: InstitutionImportRowError[] = [];
  const firsts = { name: new Map<string, number>(), creditCode: new Map<string, number>(), login: new Map<string, number>() };
  const check = (map: Map<string, number>, key: string, row: number, field: InstitutionImportColumn, what: string) => {
    const first = map.get(key);
    if (first === undefined) map.set(key, row);
    else errors.push({ row, field: INSTITUTION_IMPORT_COLUMNS[field].label, message: `与第${first}行${what}，请只保留一行或更正` });
  };
  for (const { row, value: v } of rows) {
    check(firsts.name, `${v.areaCode}|${v.name}`, row, 'name', '同一地区同名');
    check(firsts.creditCode, v.creditCode, row, 'creditCode', '统一社会信用代码相同');
    check(firsts.login, v.admin.loginName.toLowerCase(), row, 'adminLoginName', '管理员登录名相同');
  }
  return errors;
}

/** Errors sorted by row, at most INSTITUTION_IMPORT_MAX_ERRORS, and how many were left off. */
export function boundedImportErrors(errors: readonly InstitutionImportRowError[]): { errors: InstitutionImportRowError[]; more: number; rows: number } {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  return { errors: sorted.slice(0, INSTITUTION_IMPORT_MAX_ERRORS), more: Math.max(0, sorted.length - INSTITUTION_IMPORT_MAX_ERRORS), rows: new Set(sorted.map((e) => e.row)).size };
}
