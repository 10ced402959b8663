import { z } from 'zod';
import { plainText } from '../text/plain-text';
import { PRACTICE_CATEGORIES } from '../reference/practice-categories';
import { DECLARATION_KEYS } from './declarations';
import { declarationsField, isoDateField as isoDate, regionCodeField as regionCode } from '../business/form-fields';

/** 学历信息 on the application (BT-01 data). */
export const EducationSchema = z.object({
  education: plainText().trim().min(1, '请选择学历').max(20),
  degree: plainText().trim().max(20).optional(),
  school: plainText().trim().min(1, '请填写毕业院校').max(100),
  major: plainText().trim().min(1, '请填写所学专业').max(100),
  graduationDate: isoDate,
});

/**
 * 首次注册 (BT-01) — what the physician fills in. Saved as a draft step by step (every field optional),
 * then validated whole at submission with FirstRegistrationSubmission.
 */
export const FirstRegistrationDraft = z.object({
  /** 执业地点: the province (执业医师) or county (执业助理医师) code. */
  practiceLocationCode: regionCode.optional(),
  /** 主要执业机构. */
  institutionId: z.uuid('请选择主要执业机构').optional(),
  /** 执业类别 — must equal the qualification's category. */
  category: z.enum(PRACTICE_CATEGORIES).optional(),
  /** 执业范围 codes from the catalogue. */
  scopes: z.array(plainText().max(10)).max(5).optional(),
  /** 拟在该机构执业时间. */
  startDate: isoDate.optional(),
  /** 科室. */
  department: plainText().trim().max(50).optional(),
  education: EducationSchema.partial().optional(),
  /** 任职资格 (title). */
  title: plainText().trim().max(20).optional(),
  photoSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  declarations: z.partialRecord(z.enum(DECLARATION_KEYS), z.boolean()).optional(),
});
export type FirstRegistrationDraft = z.infer<typeof FirstRegistrationDraft>;

export const FirstRegistrationSubmission = z.object({
  practiceLocationCode: regionCode,
  institutionId: z.uuid('请选择主要执业机构'),
  category: z.enum(PRACTICE_CATEGORIES, '请选择执业类别'),
  scopes: z.array(plainText().max(10)).min(1, '请选择执业范围').max(5),
  startDate: isoDate,
  department: plainText().trim().min(1, '请填写科室').max(50),
  education: EducationSchema,
  title: plainText().trim().min(1, '请选择任职资格').max(20),
  photoSha256: z.string({ error: '请上传近期免冠照片' }).regex(/^[0-9a-f]{64}$/, '请上传近期免冠照片'),
  declarations: declarationsField,
});
export type FirstRegistrationSubmission = z.infer<typeof FirstRegistrationSubmission>;
