/**
 * What the physician changes in 个人信息修改 (domain §2.2 BT-11): the registration-side data of BT-01 — 学历信息,
 * 任职资格, the 2-inch photo and the contact shown on the registration. One zod schema shared by the web form and
 * the API: every field optional, at least one given; values stored as on the 首次注册 form (labels 本科 / 学士 /
 * 主治医师), so old and new compare directly. The rules that need the day or the current values are below.
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../calendar/iso-date';
import { defineErrors, spec } from '../errors';
import { emailSchema, phoneSchema } from '../contact';
import { plainText } from '../text/plain-text';
import { DEGREE_LABELS, EDUCATION_LABELS, TITLE_LABELS } from '../applications/first-registration-rules';
import { sha256Field } from '../business/form-fields';

/** The fields an edit may change, in the order the form and the review table show them. */
export const INFO_EDIT_FIELDS = ['education', 'degree', 'school', 'major', 'graduationDate', 'title', 'photoSha256', 'phone', 'email'] as const;
export type InfoEditField = (typeof INFO_EDIT_FIELDS)[number];

export const INFO_EDIT_FIELD_LABELS = {
  education: '学历',
  degree: '学位',
  school: '毕业院校',
  major: '专业',
  graduationDate: '毕业时间',
  title: '任职资格',
  photoSha256: '照片',
  phone: '联系电话',
  email: '电子邮箱',
} as const satisfies Record<InfoEditField, string>;

/** Groups of the form (学历信息 / 任职资格 / 照片 / 联系方式). */
export const INFO_EDIT_FIELD_GROUPS = [
  { key: 'education', label: '学历信息', fields: ['education', 'degree', 'school', 'major', 'graduationDate'] },
  { key: 'title', label: '职称', fields: ['title'] },
  { key: 'photo', label: '照片', fields: ['photoSha256'] },
  { key: 'contact', label: '联系方式', fields: ['phone', 'email'] },
] as const satisfies readonly { key: string; label: string; fields: readonly InfoEditField[] }[];

const oneOf = (values: readonly string[], message: string) => z.string({ error: message }).refine((v) => values.includes(v), { error: message });

export const InfoEditChanges = z.object({
  education: oneOf(EDUCATION_LABELS, '请从列表中选择学历').optional(),
  degree: oneOf(DEGREE_LABELS, '请从列表中选择学位').optional(),
  school: plainText().trim().min(1, '请填写毕业院校').max(100, '毕业院校不超过100字').optional(),
  major: plainText().trim().min(1, '请填写所学专业').max(100, '专业不超过100字').optional(),
  graduationDate: z.string({ error: '毕业时间应为YYYY-MM-DD格式的日期' }).refine(isIsoDate, { error: '毕业时间应为YYYY-MM-DD格式的真实日期' }).optional(),
  title: oneOf(TITLE_LABELS, '请从列表中选择任职资格').optional(),
  /** The new photo as uploaded (POST /api/v1/physician/info-edits/photo answers with its SHA-256). */
  photoSha256: sha256Field.optional(),
  phone: phoneSchema.optional(),
  email: emailSchema.optional(),
}).refine((c) => INFO_EDIT_FIELDS.some((f) => c[f] !== undefined), { error: '请至少修改一项信息' });
export type InfoEditChanges = z.infer<typeof InfoEditChanges>;

/** 提交信息修改申请: which registration, and what changes. */
export const InfoEditForm = z.object({
  registrationId: z.uuid('请选择执业注册'),
  changes: InfoEditChanges,
});
export type InfoEditForm = z.infer<typeof InfoEditForm>;

const version = z.number({ error: '缺少版本号，请刷新页面后重试' }).int().min(1);
export const ApproveInfoEdit = z.object({ expectedVersion: version });
export const WithdrawInfoEdit = z.object({ expectedVersion: version });
export const RefuseInfoEdit = z.object({
  expectedVersion: version,
  reason: plainText({ multiline: true }).trim().min(1, '请填写不同意的理由').max(500, '理由不超过500字'),
});
export type RefuseInfoEdit = z.infer<typeof RefuseInfoEdit>;

/** The registration-side values as they stand (null: never recorded). */
export type InfoEditValues = Record<InfoEditField, string | null>;

/** One line of the review table: 修改前 → 修改后. */
export interface InfoEditRow {
  field: InfoEditField;
  label: string;
  old: string | null;
  new: string;
}

export const InfoEditErrors = defineErrors({
  INFO_EDIT_NOTHING_CHANGED: spec(400, '所填信息与当前登记的信息相同，请至少修改一项', 'Nothing differs from the current values'),
  INFO_EDIT_DATE_IN_FUTURE: spec(400, '毕业时间不能晚于今天', 'The graduation date is in the future'),
  INFO_EDIT_PENDING: spec(409, '该执业注册已有一条待机构审核的信息修改申请，审核完毕或撤回后才能再次提交', 'An edit request is already pending'),
});

/** 毕业时间 not after today (China time). Path ['changes', 'graduationDate']. */
export function checkInfoEditDates(changes: InfoEditChanges, today: IsoDate): void {
  if (changes.graduationDate !== undefined && changes.graduationDate > today) {
    throw InfoEditErrors.INFO_EDIT_DATE_IN_FUTURE({ path: ['changes', 'graduationDate'] });
  }
}

/**
 * The fields the edit really changes, old → new; INFO_EDIT_NOTHING_CHANGED (400, path changes) when every value
 * given equals the current one.
 */
export function infoEditRows(current: InfoEditValues, changes: InfoEditChanges): InfoEditRow[] {
  const rows: InfoEditRow[] = [];
  for (const field of INFO_EDIT_FIELDS) {
    const value = changes[field];
    if (value === undefined || value === current[field]) continue;
    rows.push({ field, label: INFO_EDIT_FIELD_LABELS[field], old: current[field], new: value });
  }
  if (rows.length === 0) throw InfoEditErrors.INFO_EDIT_NOTHING_CHANGED({ path: ['changes'] });
  return rows;
}

/** The values after an approved edit. */
export function applyInfoEditRows(current: InfoEditValues, rows: readonly Pick<InfoEditRow, 'field' | 'new'>[]): InfoEditValues {
  const next = { ...current };
  for (const r of rows) next[r.field] = r.new;
  return next;
}
