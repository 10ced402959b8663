/**
 * What may cause a change to a registration, a multi-site filing or a certificate (architecture § Business types
 * as definitions): the decision on an application of a business type, a step of that application (a filing is
 * 申请中 while its BT-05 runs), an institution's report, an act of supervision by the authority, a scheduled rule,
 * or a change to the record a filing or a certificate hangs on.
 */
import type { BusinessType } from '../business-types';

/** 监督 acts of the authority that change a registration without an application (domain §3.2, §1.3). */
export const SUPERVISION_ACTS = [
  'assessment_failed',
  'reassessment_passed',
  'reassessment_failed',
  'penalty_suspension',
  'penalty_revocation',
  'cancellation_trigger',
  'printed_data_corrected',
] as const;
export type SupervisionAct = (typeof SUPERVISION_ACTS)[number];

export const SUPERVISION_ACT_LABELS = {
  assessment_failed: '定期考核不合格（《医师法》第四十二条）',
  reassessment_passed: '暂停执业期满再次考核合格（《医师法》第四十二条）',
  reassessment_failed: '暂停执业期满再次考核仍不合格（《医师法》第十七条第一款第四项）',
  penalty_suspension: '责令暂停执业活动（《医师法》第五十五条至第五十七条）',
  penalty_revocation: '吊销医师执业证书（《医师法》第十七条第一款第三项）',
  cancellation_trigger: '发现应当注销注册的情形，依职权注销（《医师法》第十七条、第二十条）',
  printed_data_corrected: '证书所载信息更正（姓名、身份证件号码等，资格补改）',
} as const satisfies Record<SupervisionAct, string>;

/** Rules that run on a date, without anyone acting (domain Appendix A.2 item 10). */
export const SCHEDULED_RULES = ['filed_two_years', 'suspended_two_years', 'suspension_ended', 'filing_end_date'] as const;
export type ScheduledRule = (typeof SCHEDULED_RULES)[number];

export const SCHEDULED_RULE_LABELS = {
  filed_two_years: '注册备案满二年未继续执业（domain §2.2 BT-06）',
  suspended_two_years: '中止医师执业活动满二年（《医师法》第十七条第一款第五项）',
  suspension_ended: '暂停执业活动期满（《医师法》第五十五条至第五十七条）',
  filing_end_date: '备案有效期届满（domain §2.2 BT-05）',
} as const satisfies Record<ScheduledRule, string>;

/** What an institution reports (domain §2.2 BT-06: within 30 days). */
export const INSTITUTION_REPORTS = ['departure', 'rehired'] as const;
export type InstitutionReport = (typeof INSTITUTION_REPORTS)[number];

export type LifecycleCause =
  | { kind: 'decision'; business: BusinessType }
  | { kind: 'application'; business: BusinessType; step: 'submit' | 'abandon' }
  | { kind: 'institution_report'; report: InstitutionReport }
  | { kind: 'supervision'; act: SupervisionAct }
  | { kind: 'schedule'; rule: ScheduledRule }
  /** The registration a filing or certificate belongs to was closed, cancelled or replaced by a new one. */
  | { kind: 'registration_closed' };

export const decision = (business: BusinessType): LifecycleCause => ({ kind: 'decision', business });
export const supervision = (act: SupervisionAct): LifecycleCause => ({ kind: 'supervision', act });
export const scheduled = (rule: ScheduledRule): LifecycleCause => ({ kind: 'schedule', rule });
export const institutionReport = (report: InstitutionReport): LifecycleCause => ({ kind: 'institution_report', report });

export function sameCause(a: LifecycleCause, b: LifecycleCause): boolean {
  switch (a.kind) {
    case 'decision': return b.kind === 'decision' && a.business === b.business;
    case 'application': return b.kind === 'application' && a.business === b.business && a.step === b.step;
    case 'institution_report': return b.kind === 'institution_report' && a.report === b.report;
    case 'supervision': return b.kind === 'supervision' && a.act === b.act;
    case 'schedule': return b.kind === 'schedule' && a.rule === b.rule;
    case 'registration_closed': return b.kind === 'registration_closed';
  }
}
