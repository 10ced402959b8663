/**
 * What the institution and the authority send to record supervision on the register (domain §5.4, §1.3): an
 * assessment result one by one, the order of a suspension after a failed one, the re-assessment, and the
 * disciplinary decisions 暂停执业活动 and 吊销医师执业证书 (《医师法》第五十五条至第五十八条).
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/iso-date';
import { LICENCE_CODE_PATTERN } from '../identifiers/licence-code';
import { residentIdSchema } from '../identifiers/resident-id';
import { nameText, plainText } from '../text/plain-text';
import { ASSESSMENT_RESULTS } from './assessment-results';
import { parseAssessmentCycle } from './assessment-cycle';

const isoDate = (what: string) => z.string(`请填写${what}`).trim().refine(isIsoDate, `${what}应为YYYY-MM-DD格式的真实日期`);
const version = z.number('请刷新后重试（缺少版本号）').int().min(1);
export const licenceCodeField = z.string('请填写执业证书编码').trim().regex(LICENCE_CODE_PATTERN, '执业证书编码应为15位数字');
const documentNo = nameText({ error: '请填写文书编号' }).trim().min(2, '请填写文书编号（如 京海卫医罚〔2026〕12号）').max(60, '文书编号不超过60字');
const authorityText = (what: string, max: number) => plainText({ multiline: true, error: `请填写${what}` }).trim().min(1, `请填写${what}`).max(max, `${what}不超过${max}字`);

export const assessmentCycleField = z.string('请填写考核周期').trim().superRefine((v, ctx) => {
  const r = parseAssessmentCycle(v);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
}).transform((v) => {
  const r = parseAssessmentCycle(v);
  return r.ok ? r.startYear : 0;
});

/** 登记一条考核结果: the physician by 执业证书编码 or 身份证号. */
export const RecordAssessment = z.object({
  licenceCode: licenceCodeField.optional(),
  idNumber: residentIdSchema.optional(),
  /** 考核周期, e.g. 「2024–2026」; stored as its first year. */
  cycle: assessmentCycleField,
  result: z.enum(ASSESSMENT_RESULTS, '请选择考核结果'),
  assessedOn: isoDate('考核日期').optional(),
  /** 考核机构: the authority itself or the body it commissioned (《医师法》第四十二条). */
  assessor: nameText().trim().max(100, '考核机构名称不超过100字').optional(),
  note: plainText({ multiline: true }).trim().max(500, '备注不超过500字').optional(),
}).refine((v) => v.licenceCode || v.idNumber, { message: '请填写执业证书编码或身份证号', path: ['licenceCode'] });
export type RecordAssessment = z.infer<typeof RecordAssessment>;

/** 责令暂停执业活动 after a 不合格 result (《医师法》第四十二条: 三个月至六个月, with training). */
export const OrderAssessmentSuspension = z.object({
  documentNo,
  decidedOn: isoDate('决定日期'),
  startsOn: isoDate('开始日期'),
  endsOn: isoDate('结束日期'),
  /** 培训要求: what training the physician must take during the suspension. */
  training: authorityText('培训要求', 500),
});
export type OrderAssessmentSuspension = z.infer<typeof OrderAssessmentSuspension>;

/** 再次考核 at the end of the suspension: 合格 → 恢复执业, 不合格 → 注销注册. */
export const RecordReassessment = z.object({
  expectedVersion: version,
  result: z.enum(['passed', 'failed'], '请选择再次考核结果'),
  assessedOn: isoDate('考核日期'),
  assessor: nameText().trim().max(100, '考核机构名称不超过100字').optional(),
  /** 注销注册的文书编号, for 不合格. */
  documentNo: documentNo.optional(),
  note: plainText({ multiline: true }).trim().max(500, '备注不超过500字').optional(),
});
export type RecordReassessment = z.infer<typeof RecordReassessment>;

/** The articles of 《医师法》 a disciplinary decision names. */
export const PENALTY_ARTICLES = ['art55', 'art56', 'art57', 'art58'] as const;
export type PenaltyArticle = (typeof PENALTY_ARTICLES)[number];

export const PENALTY_ARTICLE_LABELS = {
  art55: '《医师法》第五十五条（执业活动中违反诊疗规范等）',
  art56: '《医师法》第五十六条（泄露隐私、出具虚假证明文件等）',
  art57: '《医师法》第五十七条（超出注册的执业地点、类别、范围执业等）',
  art58: '《医师法》第五十八条（严重违反医师职业道德、医学伦理规范）',
} as const satisfies Record<PenaltyArticle, string>;

/** 暂停执业活动 is open to 第五十五条至第五十七条; 吊销 to all four (第五十八条 only 吊销). */
export const SUSPENSION_ARTICLES = ['art55', 'art56', 'art57'] as const satisfies readonly PenaltyArticle[];

export const PENALTY_KINDS = ['suspension', 'revocation'] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export const PENALTY_KIND_LABELS = {
  suspension: '暂停执业活动',
  revocation: '吊销医师执业证书',
} as const satisfies Record<PenaltyKind, string>;

const penaltyBase = {
  licenceCode: licenceCodeField,
  documentNo,
  decidedOn: isoDate('决定日期'),
  /** 违法事实: what the decision finds, in brief. */
  facts: authorityText('违法事实', 1000),
};

/** 处分决定: 暂停执业活动 (6–12 months) or 吊销医师执业证书, discriminated by `kind`. */
export const PenaltyDecisionForm = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('suspension'), article: z.enum(SUSPENSION_ARTICLES, '请选择处罚依据（第五十五条至第五十七条）'), startsOn: isoDate('开始日期'), endsOn: isoDate('结束日期'), ...penaltyBase }),
  z.object({ kind: z.literal('revocation'), article: z.enum(PENALTY_ARTICLES, '请选择处罚依据'), ...penaltyBase }),
], { error: '请选择处分种类' });
export type PenaltyDecisionForm = z.infer<typeof PenaltyDecisionForm>;
