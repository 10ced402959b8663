import { z } from 'zod';
import { CORRECTION_ACTIONS, CORRECTION_STATUSES } from '@medreg/domain';
import { QualificationView } from './qualification-responses';

/** The declared success bodies of 资格补改 (corrections.ts, correction-handling.ts). */

const Status = z.enum(CORRECTION_STATUSES).describe('办理状态：已提交、审核中、已补改、已驳回');

/** A request as the physician who filed it sees it. */
export const OwnCorrection = z.object({
  id: z.string(),
  reason: z.string().describe('补改原因'),
  attachmentCount: z.number().int(),
  authorityName: z.string().nullable().describe('受理的卫生健康行政部门'),
  status: Status,
  statusLabel: z.string(),
  resolutionNote: z.string().nullable().describe('办结说明或驳回理由'),
  createdAt: z.string().describe('提交时间（ISO 8601）'),
  resolvedAt: z.string().nullable().describe('办结或驳回时间（ISO 8601）'),
});

export const OwnCorrections = z.object({
  items: z.array(OwnCorrection),
  canSubmit: z.boolean().describe('没有在办的申请，可再提交'),
});

const AttachmentView = z.object({
  index: z.number().int().describe('附件序号（下载地址中的 index）'),
  contentType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  url: z.string().describe('下载地址'),
});

const AuthorityCorrection = z.object({
  id: z.string(),
  physicianName: z.string(),
  idNumberMasked: z.string().describe('身份证号（脱敏）'),
  reason: z.string().describe('补改原因'),
  attachments: z.array(AttachmentView),
  authorityId: z.string(),
  authorityName: z.string(),
  status: Status,
  statusLabel: z.string(),
  resolutionNote: z.string().nullable().describe('办结说明或驳回理由'),
  createdAt: z.string().describe('提交时间（ISO 8601）'),
  resolvedAt: z.string().nullable(),
});

export const AuthorityCorrectionPage = z.object({
  items: z.array(AuthorityCorrection),
  nextCursor: z.string().nullable().describe('下一页游标（无更多时为空）'),
});

/** A request's page at the authority: attachments, the physician's qualifications, history, what may be done now. */
export const CorrectionDetail = z.object({
  id: z.string(),
  version: z.number().int().describe('版本号（办理时作为 expectedVersion 回传）'),
  physicianName: z.string(),
  idNumberMasked: z.string().describe('身份证号（脱敏）'),
  reason: z.string(),
  attachments: z.array(AttachmentView),
  authorityName: z.string(),
  status: Status,
  statusLabel: z.string(),
  resolutionNote: z.string().nullable(),
  qualificationId: z.string().nullable().describe('补改所修改或补录的资格信息'),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  qualifications: z.array(QualificationView).describe('医师当前的资格信息'),
  history: z.array(z.object({
    action: z.enum(CORRECTION_ACTIONS),
    label: z.string(),
    fromStatus: Status,
    toStatus: Status,
    actorName: z.string().nullable().describe('办理人'),
    reason: z.string().nullable(),
    at: z.string().describe('办理时间（ISO 8601）'),
  })).describe('办理记录'),
  allowedActions: z.array(z.object({
    action: z.enum(CORRECTION_ACTIONS),
    label: z.string(),
    requiresReason: z.boolean().describe('须填写理由'),
  })).describe('当前可执行的操作'),
});
