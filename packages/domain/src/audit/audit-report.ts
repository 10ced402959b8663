/**
 * The shapes of the 审计日志 answers — a page of the trail and the chain verifier's report — and the vocabulary
 * of what the verifier can find broken. The API declares them (validation, OpenAPI); the portal reads them.
 */
import { z } from 'zod';

export const AUDIT_PROBLEMS = ['row_missing', 'link_broken', 'hash_mismatch', 'row_not_chained', 'event_missing', 'event_altered', 'event_not_audited'] as const;
export type AuditProblem = (typeof AUDIT_PROBLEMS)[number];

export const AUDIT_PROBLEM_TEXT: Record<AuditProblem, string> = {
  row_missing: '审计记录缺失：序号不连续，之前的记录被删除',
  link_broken: '链接断裂：该行记录的前一哈希与上一行不符（记录被替换或插入）',
  hash_mismatch: '哈希不符：该行内容在写入后被改动，或该行不是由系统写入（没有密钥）',
  row_not_chained: '未入链的审计记录：该行没有序号和哈希，是绕过系统直接写入的',
  event_missing: '业务历史记录缺失：审计记录所指的业务历史已被删除',
  event_altered: '业务历史记录被改动：内容与审计记录中的摘要不符',
  event_not_audited: '业务历史记录没有对应的审计记录：该行是绕过系统直接写入的',
};

export const AuditTrailItem = z.object({
  id: z.number(),
  seq: z.number().nullable(),
  at: z.string(),
  actor: z.object({
    accountId: z.string().nullable(), loginName: z.string().nullable(), displayName: z.string().nullable(),
    role: z.string(), roleLabel: z.string(), organization: z.string().nullable(),
  }),
  action: z.string(),
  actionLabel: z.string(),
  entityType: z.string(),
  entityTypeLabel: z.string(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditTrailItem = z.infer<typeof AuditTrailItem>;

export const AuditTrailPage = z.object({ items: z.array(AuditTrailItem), total: z.number(), nextCursor: z.string().nullable() });
export type AuditTrailPage = z.infer<typeof AuditTrailPage>;

export const AuditBreak = z.object({
  table: z.enum(['audit_log', 'application_events']),
  id: z.number().nullable(),
  seq: z.number().nullable(),
  problem: z.enum(AUDIT_PROBLEMS),
  message: z.string(),
  /** For row_missing: the missing sequence numbers (first, last). */
  missing: z.object({ from: z.number(), to: z.number() }).optional(),
});
export type AuditBreak = z.infer<typeof AuditBreak>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  checkedRows: z.number(),
  checkedEvents: z.number(),
  /** Rows written before the chain existed: counted, not verifiable. */
  legacyRows: z.number(),
  head: z.object({ seq: z.number(), hash: z.string(), at: z.string() }).nullable(),
  firstBreak: AuditBreak.nullable(),
  verifiedAt: z.string(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
