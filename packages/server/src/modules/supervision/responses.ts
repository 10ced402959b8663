import { z } from 'zod';
import {
  ASSESSMENT_KINDS, ASSESSMENT_RESULTS, ASSESSMENT_SOURCES, PENALTY_ARTICLES, PENALTY_KINDS, REGISTRATION_STATUSES, SUSPENSION_KINDS,
  SUSPENSION_STATUSES,
} from '@medreg/domain';

/** The declared success bodies of the supervision lists (result-list.ts, penalty-list.ts, physician-view.ts). */

/** A suspension as shown on a day: its stored status, or 待再次考核 once an assessment suspension's period is over. */
const DisplayStatus = z.enum([...SUSPENSION_STATUSES, 'awaiting_reassessment']).describe('暂停执业活动状态（含待再次考核）');
const Total = z.number().int().describe('符合筛选条件的总数');
const NextCursor = z.string().nullable().describe('下一页游标（无更多时为空）');

const AssessmentResultRow = z.object({
  id: z.string(),
  kind: z.enum(ASSESSMENT_KINDS).describe('定期考核或再次考核'),
  kindLabel: z.string(),
  physicianName: z.string(),
  idNumberMasked: z.string().describe('身份证号（脱敏）'),
  licenceCode: z.string().nullable().describe('执业证书编码'),
  institutionName: z.string(),
  registrationStatus: z.enum(REGISTRATION_STATUSES),
  registrationStatusLabel: z.string(),
  cycleStartYear: z.number().int().describe('考核周期起始年度'),
  cycleLabel: z.string().describe('考核周期'),
  result: z.enum(ASSESSMENT_RESULTS).describe('合格、不合格、未参加'),
  resultLabel: z.string(),
  assessedOn: z.string().nullable().describe('考核日期（YYYY-MM-DD）'),
  assessor: z.string().nullable().describe('考核机构'),
  source: z.enum(ASSESSMENT_SOURCES).describe('登记方式：表单或文件导入'),
  recordedAt: z.string().describe('登记时间（ISO 8601）'),
  suspension: z.object({
    id: z.string(),
    version: z.number().int(),
    status: z.enum(SUSPENSION_STATUSES),
    displayStatus: DisplayStatus,
    statusLabel: z.string(),
    documentNo: z.string().describe('决定书文号'),
    startsOn: z.string(),
    endsOn: z.string(),
    training: z.string().nullable().describe('培训要求'),
  }).nullable().describe('不合格后的暂停执业活动'),
  missedTwoCycles: z.boolean().describe('连续两个考核周期未参加'),
  abilities: z.object({
    orderSuspension: z.boolean().describe('可责令暂停执业活动'),
    recordReassessment: z.boolean().describe('可登记再次考核结果'),
  }),
});

export const AssessmentResultPage = z.object({ items: z.array(AssessmentResultRow), total: Total, nextCursor: NextCursor });

const PenaltyRow = z.object({
  id: z.string(),
  kind: z.enum(PENALTY_KINDS).describe('暂停执业活动或吊销医师执业证书'),
  kindLabel: z.string(),
  physicianName: z.string(),
  licenceCode: z.string().nullable().describe('执业证书编码'),
  authorityName: z.string().describe('作出决定的部门'),
  documentNo: z.string().describe('决定书文号'),
  decidedOn: z.string().describe('决定日期（YYYY-MM-DD）'),
  article: z.enum(PENALTY_ARTICLES).describe('依据条款'),
  articleLabel: z.string(),
  facts: z.string().describe('违法事实'),
  startsOn: z.string().nullable().describe('暂停执业活动起始日期'),
  endsOn: z.string().nullable().describe('暂停执业活动截止日期'),
  statusLabel: z.string(),
});

export const PenaltyPage = z.object({ items: z.array(PenaltyRow), total: Total, nextCursor: NextCursor });

/** 考核信息 in the physician portal. */
export const MyAssessments = z.object({
  results: z.array(z.object({
    id: z.string(),
    cycleLabel: z.string().describe('考核周期'),
    kind: z.enum(ASSESSMENT_KINDS),
    kindLabel: z.string(),
    result: z.enum(ASSESSMENT_RESULTS),
    resultLabel: z.string(),
    assessedOn: z.string().nullable(),
    assessor: z.string().nullable().describe('考核机构'),
    institutionName: z.string(),
  })),
  suspensions: z.array(z.object({
    id: z.string(),
    kind: z.enum(SUSPENSION_KINDS).describe('考核不合格或处分'),
    kindLabel: z.string(),
    status: DisplayStatus,
    statusLabel: z.string(),
    documentNo: z.string().describe('决定书文号'),
    decidedOn: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    training: z.string().nullable().describe('培训要求'),
    authorityName: z.string(),
  })),
});
