/** The authority's page of one application (presenter.ts): the shared view plus the clock, the checklist and the outcome. */
import { z } from 'zod';
import { ACTIVATION_STATUSES, PAPER_MATERIAL_KEYS, REGISTRATION_STATUSES } from '@medreg/domain';
import { ApplicationAnswer, Day } from '../applications/responses';

const Material = z.object({
  key: z.enum(PAPER_MATERIAL_KEYS),
  label: z.string(),
  short: z.string().describe('简称'),
  received: z.boolean().describe('是否已收到'),
});

/** The answer of GET /api/v1/authority/applications/:id and of every decision on it. */
export const AuthorityApplicationDetail = ApplicationAnswer.extend({
  acceptedOn: Day.nullable().describe('受理日期'),
  deemedAcceptedOn: Day.nullable().describe('视为受理日期（《行政许可法》第三十二条）'),
  deemedAcceptanceLabel: z.string().nullable(),
  workingDaysLeft: z.number().int().nullable().describe('剩余工作日（已受理时）'),
  overdue: z.boolean().describe('是否逾期'),
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }).describe('申请人联系方式'),
  activation: z.object({
    status: z.enum(ACTIVATION_STATUSES).describe('医师账户激活状态'),
    pendingPath: z.literal('auto_on_approval').nullable().describe('准予注册时自动激活'),
  }).nullable(),
  materials: z.array(Material).describe('纸质材料接收情况'),
  registration: z.object({
    id: z.uuid(),
    licenceCode: z.string().nullable().describe('执业证书编码'),
    approvedOn: Day.describe('批准日期'),
    status: z.enum(REGISTRATION_STATUSES),
  }).nullable().describe('准予注册产生的执业注册'),
  canDecide: z.boolean().describe('当前用户能否作出决定'),
  canEditMaterials: z.boolean().describe('当前用户能否登记纸质材料'),
});
