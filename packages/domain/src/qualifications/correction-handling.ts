/**
 * What the authority sends to handle a 资格补改 request (domain §2.2 BT-12): 受理, 补改 with the qualification's
 * fields, 驳回 with written reasons. Each carries the version the reviewer saw (a stale one is refused).
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/iso-date';
import { PHYSICIAN_LEVELS } from '../reference/physician-levels';
import { PRACTICE_CATEGORIES } from '../reference/practice-categories';
import { plainText } from '../text/plain-text';

export const CORRECTION_RESOLUTION_MAX = 1000;
const version = z.number('请刷新后重试（缺少版本号）').int().min(1);

export const AcceptCorrection = z.object({ expectedVersion: version });
export type AcceptCorrection = z.infer<typeof AcceptCorrection>;

export const RejectCorrection = z.object({
  expectedVersion: version,
  reasons: plainText({ multiline: true, error: '驳回必须写明理由' }).trim().min(1, '驳回必须写明理由').max(CORRECTION_RESOLUTION_MAX, `理由不超过${CORRECTION_RESOLUTION_MAX}字`),
});
export type RejectCorrection = z.infer<typeof RejectCorrection>;

/** The qualification's fields the authority may set: 级别, 类别, 资格证书编码, 取得资格日期, 准考证号. */
export const QualificationFields = z.object({
  level: z.enum(PHYSICIAN_LEVELS, '请选择级别'),
  category: z.enum(PRACTICE_CATEGORIES, '请选择类别'),
  certCode: z.string().trim().regex(/^[0-9A-Za-z]{24}$|^[0-9A-Za-z]{27}$/, '资格证书编码应为27位数字或字母（旧证为24位）').optional(),
  obtainedDate: z.string().refine(isIsoDate, '取得资格日期应为YYYY-MM-DD格式的真实日期').optional(),
  admissionTicketNo: z.string().trim().regex(/^[0-9A-Za-z]{6,20}$/, '准考证号应为6–20位数字或字母').optional(),
});
export type QualificationFields = z.infer<typeof QualificationFields>;

/** 补改: correct the physician's record `qualificationId`, or, without it, supplement (补录) a missing one. */
export const ResolveCorrection = z.object({
  expectedVersion: version,
  qualificationId: z.uuid('资格信息编号无效').optional(),
  fields: QualificationFields,
  note: plainText({ multiline: true }).trim().max(CORRECTION_RESOLUTION_MAX, `说明不超过${CORRECTION_RESOLUTION_MAX}字`).optional(),
});
export type ResolveCorrection = z.infer<typeof ResolveCorrection>;
