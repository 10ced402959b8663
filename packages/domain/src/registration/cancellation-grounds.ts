/**
 * 注销注册的情形 — the grounds on which a registration is cancelled, as ONE vocabulary (domain §BT-07: the 11 items
 * of the 2017 《医师执业注册管理办法》 [S8][M], which carry the six of 《医师法》第十七条 [S1]). Every path to 注销 names
 * one: the physician's own application, the institution's report (within 30 days, 《医师法》第十七条第二款), the
 * authority's act ex officio (第十七条第三款、第二十条), a supervision act (a failed re-assessment, a revocation) and
 * the scheduled rules (备案满二年, 中止满二年).
 *
 *  - `initiators`: who may name the ground. Only the physician applies on 本人主动申请; the institution reports what
 *    it knows of (death, a criminal penalty, health, misuse of the certificate …); the authority may act on any
 *    ground but the physician's own application. `schedule` marks the grounds a scheduled rule applies by itself.
 *  - `bar`: the bar to a new registration the cancellation sets (registration-bars.ts), counted from the
 *    cancellation — except a criminal penalty's, which counts from the day the sentence is served.
 */
import type { BarKind } from './registration-bars';

export const CANCELLATION_GROUNDS = [
  'death',
  'criminal_penalty',
  'certificate_revoked',
  'assessment_failed_again',
  'assessment_missed',
  'practice_stopped_two_years',
  'health_unfit',
  'certificate_misused',
  'exam_cheating',
  'own_application',
  'other',
] as const;
export type CancellationGround = (typeof CANCELLATION_GROUNDS)[number];

export const CANCELLATION_INITIATORS = ['physician', 'institution', 'authority', 'schedule'] as const;
export type CancellationInitiator = (typeof CANCELLATION_INITIATORS)[number];

export const CANCELLATION_INITIATOR_LABELS = {
  physician: '本人申请',
  institution: '执业机构报告',
  authority: '卫生健康主管部门依职权注销',
  schedule: '到期自动注销',
} as const satisfies Record<CancellationInitiator, string>;

export interface CancellationGroundInfo {
  label: string;
  basis: string;
  initiators: readonly CancellationInitiator[];
  bar?: BarKind;
}

const REPORTED = ['institution', 'authority'] as const;

export const CANCELLATION_GROUND_INFO = {
  death: { label: '死亡或者被宣告失踪', basis: '《医师法》第十七条第一款第一项', initiators: REPORTED },
  criminal_penalty: { label: '受刑事处罚', basis: '《医师法》第十七条第一款第二项', initiators: REPORTED, bar: 'criminal_penalty' },
  certificate_revoked: { label: '被吊销医师执业证书', basis: '《医师法》第十七条第一款第三项', initiators: ['authority'], bar: 'revoked' },
  assessment_failed_again: {
    label: '定期考核不合格，暂停执业活动期满，再次考核仍不合格', basis: '《医师法》第十七条第一款第四项、第四十二条', initiators: ['authority'], bar: 'assessment_cancelled',
  },
  assessment_missed: { label: '连续两个考核周期未参加医师定期考核', basis: '《医师执业注册管理办法》第十八条', initiators: REPORTED },
  practice_stopped_two_years: {
    label: '中止医师执业活动满二年', basis: '《医师法》第十七条第一款第五项', initiators: ['institution', 'authority', 'schedule'],
  },
  health_unfit: { label: '身体健康状况不适宜继续执业', basis: '《医师执业注册管理办法》第十八条', initiators: REPORTED },
  certificate_misused: { label: '出借、出租、抵押、转让、涂改医师执业证书', basis: '《医师执业注册管理办法》第十八条', initiators: REPORTED },
  exam_cheating: { label: '在医师资格考试中参与有组织作弊', basis: '《医师执业注册管理办法》第十八条', initiators: ['authority'] },
  own_application: { label: '本人主动申请', basis: '《医师执业注册管理办法》第十八条', initiators: ['physician'] },
  other: { label: '国家卫生健康委规定不宜从事医疗、预防、保健业务的其他情形', basis: '《医师法》第十七条第一款第六项', initiators: REPORTED },
} as const satisfies Record<CancellationGround, CancellationGroundInfo>;

export function isCancellationGround(value: unknown): value is CancellationGround {
  return typeof value === 'string' && Object.hasOwn(CANCELLATION_GROUND_INFO, value);
}

/** The grounds an initiator may name, in the order of the 办法. */
export function cancellationGroundsFor(initiator: CancellationInitiator): CancellationGround[] {
  return CANCELLATION_GROUNDS.filter((g) => (CANCELLATION_GROUND_INFO[g].initiators as readonly CancellationInitiator[]).includes(initiator));
}

/** 《医师法》第十七条第二款: the institution reports a ground within 30 days of knowing of it (calendar days, domain §2.3). */
export const CANCELLATION_REPORT_DAYS = 30;
