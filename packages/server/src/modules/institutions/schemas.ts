import { z } from 'zod';
import {
  APPLICATION_STATES, BUSINESS_TYPES, INSTITUTION_QUEUE_IDS, isIsoDate, normalizePhysicianName, plainText, residentIdSchema,
} from '@medreg/domain';

/** Query-string values the browser leaves empty count as absent. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const isoDay = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');

/** 【查询】 of 医师申请业务办理: any single condition or any combination. */
export const QueueQuery = z.object({
  queue: z.enum(INSTITUTION_QUEUE_IDS, '未知的列表').default('pending_institution'),
  /** 姓名, exact. */
  name: optional(plainText().max(30, '姓名不超过30个字').transform(normalizePhysicianName)),
  /** 身份证号, exact (looked up by its keyed hash). */
  idNumber: optional(residentIdSchema),
  businessType: optional(z.enum(BUSINESS_TYPES, '未知的业务类型')),
  /** 业务编号, exact. */
  businessCode: optional(plainText().trim().toUpperCase().max(32, '业务编号不超过32位')),
  state: optional(z.enum(APPLICATION_STATES, '未知的状态')),
  /** 申请日期 range, Beijing calendar days, both inclusive. */
  submittedFrom: optional(isoDay),
  submittedTo: optional(isoDay),
  sort: z.enum(['desc', 'asc'], '排序方式应为 asc 或 desc').default('desc'),
  cursor: optional(z.string().max(300)),
  limit: z.coerce.number('每页条数应为1–100').int('每页条数应为1–100').min(1, '每页条数应为1–100').max(100, '每页条数应为1–100').default(20),
});

export const IdParams = z.object({ id: z.uuid('业务申请标识无效') });

export const REASON_MAX = 500;

/** 同意 (reason = optional opinion) / 不同意 / 退回修改 (reason required, checked by the workflow table). */
export const DecisionBody = z.object({
  expectedVersion: z.number('缺少业务版本号，请刷新页面后重试').int('业务版本号无效').min(1, '业务版本号无效'),
  reason: plainText({ multiline: true, error: '意见应为文字' }).max(REASON_MAX, `意见不超过${REASON_MAX}字`).optional(),
});

/** 医师验证: 姓名 + 身份证号. */
export const VerificationBody = z.object({
  name: plainText({ error: '请输入姓名' }).max(30, '姓名不超过30个字').transform(normalizePhysicianName).pipe(z.string().min(1, '请输入姓名')),
  idNumber: z.string('请输入身份证号').pipe(residentIdSchema),
});
