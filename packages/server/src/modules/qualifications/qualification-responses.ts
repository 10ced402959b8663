import { z } from 'zod';
import { PHYSICIAN_LEVELS, PRACTICE_CATEGORIES, QUALIFICATION_STATUSES } from '@medreg/domain';
import { QUALIFICATION_SOURCE_LABELS } from './presenter';

/** The declared success bodies of 资格信息 and 医师资格校验 (presenter.ts, check.ts). */

const QUALIFICATION_SOURCES = Object.keys(QUALIFICATION_SOURCE_LABELS) as [keyof typeof QUALIFICATION_SOURCE_LABELS, ...(keyof typeof QUALIFICATION_SOURCE_LABELS)[]];
const CHECK_OUTCOMES = ['found', 'not_found', 'name_mismatch'] as const;

/** 资格信息 as its owner sees it (presentQualification). */
export const QualificationView = z.object({
  id: z.string(),
  certCode: z.string().nullable().describe('资格证书编码（尚未发证时为空）'),
  admissionTicketNo: z.string().nullable().describe('准考证号'),
  name: z.string(),
  level: z.enum(PHYSICIAN_LEVELS).describe('级别：执业医师、执业助理医师'),
  levelLabel: z.string(),
  category: z.enum(PRACTICE_CATEGORIES).describe('类别'),
  categoryLabel: z.string(),
  speciality: z.string().nullable().describe('专业'),
  examCategoryCode: z.string().nullable().describe('考试类别代码'),
  examYear: z.number().int().nullable().describe('考试年度'),
  obtainedDate: z.string().nullable().describe('取得时间（YYYY-MM-DD）'),
  status: z.enum(QUALIFICATION_STATUSES).describe('资格状态：有效、已撤销'),
  statusLabel: z.string(),
  source: z.enum(QUALIFICATION_SOURCES).describe('来源：医师资格考试、师承和确有专长考核、军队转换、行政补录'),
  sourceLabel: z.string(),
  certificatePending: z.boolean().describe('考试合格但尚未发放资格证书'),
});

/** Before activation: what was found, without the codes or dates (presentQualificationSummary). */
export const QualificationSummary = z.object({
  id: z.string(),
  levelLabel: z.string(),
  categoryLabel: z.string(),
  statusLabel: z.string(),
  certificatePending: z.boolean().describe('考试合格但尚未发放资格证书'),
});

/** The full view once the account is active, the summary before (the full view is tried first). */
export const QualificationShown = z.union([QualificationView, QualificationSummary]);

export const QualificationCheckOutcome = z.enum(CHECK_OUTCOMES).describe('校验结果：已校验到、未查询到、姓名不一致');

export const QualificationCheckResult = z.object({
  outcome: QualificationCheckOutcome,
  outcomeLabel: z.string(),
  code: z.literal('QUALIFICATION_NAME_MISMATCH').nullable().describe('姓名不一致时的错误代码'),
  message: z.string().nullable().describe('姓名不一致时的说明'),
  qualifications: z.array(QualificationShown).describe('关联到本人的资格信息（激活前为摘要）'),
});

export const PulledQualification = z.object({ qualification: QualificationView });

export const OwnQualifications = z.object({ items: z.array(QualificationView) });
