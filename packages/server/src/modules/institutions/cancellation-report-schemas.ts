/** 【报告注销情形】 (《医师法》第十七条第二款): the body is the domain's form, the answer the application it opened. */
import { z } from 'zod';
import { CancellationReportForm } from '@medreg/domain';

export const CancellationReportBody = CancellationReportForm;

export const CancellationReportResponse = z.object({
  applicationId: z.string(),
  businessCode: z.string(),
  /** 正在申办: at the granting authority, to 受理. */
  state: z.literal('pending_authority'),
  triggerOn: z.string(),
  reportedOn: z.string(),
  /** The last on-time day: 30 calendar days after triggerOn. */
  dueOn: z.string(),
  late: z.boolean(),
});
