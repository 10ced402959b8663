/** Response shapes of 审批工作台 (queue-service.ts): the authorities one may open, and one page of a queue. */
import { z } from 'zod';
import { AllowedAction, ApplicationState, Day, Instant, QueueItemBase } from '../applications/responses';

const Level = z.enum(['national', 'province', 'city', 'county']).describe('行政级别');

const AuthorityRef = z.object({
  id: z.uuid(),
  name: z.string(),
  areaCode: z.string(),
  level: Level,
  mine: z.boolean().describe('是否本部门'),
});

export const VisibleAuthorities = z.object({ authorities: z.array(AuthorityRef).describe('本部门在前，然后是下级部门') });

const QueueItem = QueueItemBase.extend({
  statutoryClock: z.boolean().describe('是否有法定办理时限（备案、补发换领无）'),
  physicianName: z.string(),
  institutionName: z.string().nullable(),
  state: ApplicationState,
  stateLabel: z.string(),
  version: z.number().int(),
  submittedAt: Instant.nullable(),
  arrivedAt: Instant.nullable().describe('到达本部门时间（机构确认时间，无则提交时间）'),
  acceptedAt: Instant.nullable(),
  acceptedOn: Day.nullable().describe('受理日期'),
  dueDate: Day.nullable().describe('法定办结日期'),
  dueDateProvisional: z.boolean().describe('法定办结日期是否暂定'),
  dueDateNote: z.string().nullable(),
  deemedAcceptedOn: Day.nullable().describe('视为受理日期（《行政许可法》第三十二条）'),
  deemedAcceptanceLabel: z.string().nullable(),
  workingDaysLeft: z.number().int().nullable().describe('剩余工作日（已受理时）'),
  overdue: z.boolean().describe('是否逾期'),
  decidedAt: Instant.nullable(),
  materialsReceived: z.number().int().describe('已收纸质材料份数'),
  allowedActions: z.array(AllowedAction),
});

export const AuthorityQueuePage = z.object({
  authority: AuthorityRef.describe('所查看队列的部门'),
  canDecide: z.boolean().describe('当前用户能否对该部门的业务作出决定（下级部门的队列只读）'),
  today: Day,
  decisionLimitWorkingDays: z.number().int().describe('审批时限（工作日）'),
  counts: z.object({
    pending_authority: z.number().int(),
    accepted: z.number().int(),
    returned_for_correction: z.number().int(),
    completed: z.number().int(),
    overdue: z.number().int().describe('已受理且逾期'),
    dueSoon: z.number().int().describe('已受理且即将到期'),
  }).describe('各页签的业务数'),
  items: z.array(QueueItem),
  nextCursor: z.string().nullable().describe('下一页的游标（没有更多时为 null）'),
});
