/** Response shapes of 医师申请业务办理: the queue pages and 【办理业务】 (the application with the handling window's additions). */
import { z } from 'zod';
import { INSTITUTION_QUEUE_IDS, WORKFLOW_ACTIONS } from '@medreg/domain';
import { Applicant, ApplicationAnswer, ApplicationState, Channel, Instant, QueueItemBase } from '../applications/responses';

/** 机构审核状态 / 行政部门审核状态 (@medreg/domain institution/review-status.ts). */
const ReviewStatus = z.object({
  label: z.string(),
  tone: z.enum(['default', 'processing', 'success', 'warning', 'error']).describe('显示色调'),
});

const QueueItem = QueueItemBase.extend({
  physicianName: z.string(),
  idNumberMasked: z.string(),
  infoEdited: z.boolean().describe('是否修改过信息'),
  submittedAt: Instant.nullable(),
  state: ApplicationState,
  stateLabel: z.string(),
  institutionReview: ReviewStatus.describe('机构审核状态'),
  institutionDecidedAt: Instant.nullable(),
  authorityReview: ReviewStatus.describe('行政部门审核状态'),
  authorityDecidedAt: Instant.nullable(),
  authorityName: z.string().nullable().describe('审批机关'),
  channel: Channel,
  channelLabel: z.string(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(WORKFLOW_ACTIONS)).describe('当前用户现在可执行的操作'),
});

export const InstitutionQueuePage = z.object({
  queue: z.enum(INSTITUTION_QUEUE_IDS),
  queueLabel: z.string(),
  items: z.array(QueueItem),
  nextCursor: z.string().nullable().describe('下一页的游标（没有更多时为 null）'),
});

/** 【办理业务】, and the answer of 【同意】【不同意】【退回修改】 and 补正后重新提交. */
export const InstitutionApplicationDetail = ApplicationAnswer.extend({
  applicant: Applicant.extend({ phone: z.string().nullable(), email: z.string().nullable() }),
  institutionReview: ReviewStatus.describe('机构审核状态'),
  authorityReview: ReviewStatus.describe('行政部门审核状态'),
  formUrl: z.string().describe('《医师执业注册申请审核表》打印预览地址'),
});
