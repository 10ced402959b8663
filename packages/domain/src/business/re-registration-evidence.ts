/**
 * The evidence a 重新注册 (BT-08) must carry, each with its uploaded file (domain §BT-08):
 *  - 考核合格证明 — 《医师法》第十九条: 申请重新执业的，应当由县级以上人民政府卫生健康主管部门或者其委托的医疗卫生机构、
 *    行业组织考核合格;
 *  - 培训合格证明 — 《医师执业注册管理办法》（2017）: 在省级以上卫生健康主管部门指定的机构接受连续六个月以上的培训，
 *    并经考核合格. The form names the training institution and the period; a period shorter than six months is refused.
 */
import { z } from 'zod';
import { addMonths, type IsoDate } from '../calendar/iso-date';
import type { DomainError } from '../errors';
import { nameText } from '../text/plain-text';
import { BusinessErrors } from './business-errors';
import { isoDateField, sha256Field } from './form-fields';

/** 《医师执业注册管理办法》: 连续六个月以上的培训. */
export const MIN_RETRAINING_MONTHS = 6;

export const RE_REGISTRATION_EVIDENCE_LABELS = {
  assessment: '考核合格证明（《医师法》第十九条）',
  training: '六个月以上连续培训合格证明（《医师执业注册管理办法》）',
} as const;

export const AssessmentEvidence = z.object({
  /** 考核机构: the authority, or the institution or association it commissioned. */
  assessedBy: nameText().trim().min(1, '请填写考核机构').max(100),
  passedOn: isoDateField,
  fileSha256: sha256Field,
});
export type AssessmentEvidence = z.infer<typeof AssessmentEvidence>;

export const TrainingEvidence = z.object({
  /** 培训机构: designated by the provincial health authority. */
  institution: nameText().trim().min(1, '请填写培训机构').max(100),
  /** 培训起止日期, both days included. */
  from: isoDateField,
  to: isoDateField,
  fileSha256: sha256Field,
});
export type TrainingEvidence = z.infer<typeof TrainingEvidence>;

/** The last day a training that started on `from` must reach to count as six months (1 March → 31 August). */
export function trainingMustReach(from: IsoDate): IsoDate {
  return addMonths(from, MIN_RETRAINING_MONTHS, -1);
}

/** Paths under ['assessment'] and ['training']. */
export function reRegistrationEvidenceRefusals(assessment: AssessmentEvidence, training: TrainingEvidence, today: IsoDate): DomainError[] {
  const errors: DomainError[] = [];
  if (assessment.passedOn > today) {
    errors.push(BusinessErrors.EVIDENCE_DATE_INVALID({ path: ['assessment', 'passedOn'], detail: `考核合格日期不能晚于今天（${today}）` }));
  }
  if (training.to < training.from) {
    errors.push(BusinessErrors.EVIDENCE_DATE_INVALID({ path: ['training', 'to'], detail: '培训结束日期不能早于开始日期' }));
  } else if (training.to > today) {
    errors.push(BusinessErrors.EVIDENCE_DATE_INVALID({ path: ['training', 'to'], detail: `培训尚未结束：结束日期不能晚于今天（${today}）` }));
  } else if (training.to < trainingMustReach(training.from)) {
    errors.push(BusinessErrors.TRAINING_TOO_SHORT({
      path: ['training', 'to'],
      detail: `《医师执业注册管理办法》：重新注册须在指定机构接受六个月以上连续培训。自${training.from}起的培训须至少持续至${trainingMustReach(training.from)}，所填培训为${training.from}至${training.to}`,
    }));
  }
  return errors;
}
