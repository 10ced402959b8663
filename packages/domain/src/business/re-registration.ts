/**
 * BT-08 重新注册 (domain §2.2 BT-08; 《医师法》第十六条、第十九条、第五十四条):
 *  - who: a physician whose registration was 注销 and who holds no registration any more (none 有效, 中止 or 注册备案:
 *    those still hold the 执业地点, registration-status.ts). The application starts from the cancelled registration,
 *    which stays 注销 (its date is what the bars count from); the new registration is a new record.
 *    "Stopped practising for two years or more" (第十九条) is this case too: a 注册备案 of two years becomes 注销 by the
 *    scheduled rule (cancellation ground practice_stopped_two_years), and a physician still 备案 returns through a
 *    变更注册 at the new institution. A physician who never registered within two years of qualifying has no record to
 *    register again: the 办法 treats that as a 首次注册 with the training certificate, so medreg keeps it on 首次注册;
 *  - refused while a bar runs (不予注册的期限: 1 year after a cancellation for a failed assessment, 2 after a revocation
 *    or a served sentence, 3 after a certificate obtained by improper means), the message naming the ground, the basis
 *    and the day the bar ends; on the day after that day the physician may apply;
 *  - the form is a first registration's (qualification, 执业地点, 主要执业机构, 执业类别 = the qualification's, 执业范围,
 *    科室) plus the evidence of re-registration-evidence.ts;
 *  - confirms: the proposed main institution; decides: the authority that approved it (as BT-01, 办法第九条), within
 *    20 working days; on approval a new registration and its certificate. Seniority at the level keeps counting from
 *    the first approval at it (registration/seniority.ts).
 */
import { z } from 'zod';
import { START_DATE_HINT, checkCategory, checkPracticePlace, checkStartDate, resolvePracticeLocation } from '../applications/first-registration-rules';
import type { IsoDate } from '../calendar/iso-date';
import type { DomainError } from '../errors';
import { PRACTICE_CATEGORIES } from '../reference/practice-categories';
import { CANCELLATION_GROUND_INFO } from '../registration/cancellation-grounds';
import type { PhysicianSnapshot } from '../registration/physician-snapshot';
import { barRefusalText, barRuns } from '../registration/registration-bars';
import { REGISTRATION_STATUS_LABELS, holdsPracticeLocation } from '../registration/registration-status';
import { BusinessErrors } from './business-errors';
import type { BusinessDefinition, Proposal } from './definition';
import { declarationsField, departmentField, isoDateField, recordIdField, regionCodeField, scopeCodesField } from './form-fields';
import { AssessmentEvidence, TrainingEvidence, reRegistrationEvidenceRefusals } from './re-registration-evidence';
import { collect, findRegistration, requireInstitution, scopeRefusals, subjectRegistration, validQualification } from './subject-rules';

export const ReRegistrationForm = z.object({
  /** The cancelled registration the application follows on (shown as the old values of the 审核表). */
  registrationId: recordIdField('请选择已注销的执业注册'),
  qualificationId: recordIdField('请选择医师资格'),
  practiceLocationCode: regionCodeField,
  institutionId: recordIdField('请选择主要执业机构'),
  category: z.enum(PRACTICE_CATEGORIES, '请选择执业类别'),
  scopes: scopeCodesField,
  department: departmentField,
  startDate: isoDateField.describe(START_DATE_HINT),
  assessment: AssessmentEvidence,
  training: TrainingEvidence,
  declarations: declarationsField,
});
export type ReRegistrationForm = z.infer<typeof ReRegistrationForm>;

export const RE_REGISTRATION_EXPLANATION =
  '重新注册：执业注册被注销后申请重新执业的，须经卫生健康主管部门或其委托的机构考核合格（《医师法》第十九条），'
  + '并提交在指定机构接受六个月以上连续培训的合格证明（《医师执业注册管理办法》）。不予注册的期限未满的，不能申请'
  + '（《医师法》第十六条、第五十四条）。注销的注册保持「注销」，准予后核发新的执业证书。';

const proposal = (form: ReRegistrationForm): Proposal => ({
  registrationId: form.registrationId, qualificationId: form.qualificationId, institutionId: form.institutionId,
  category: form.category, scopes: form.scopes,
});

/** 《医师法》第十六条、第五十四条: each bar that still runs on `today`; without a date every recorded bar counts. */
function barRefusals(physician: PhysicianSnapshot, today: IsoDate | undefined): DomainError[] {
  return physician.bars
    .filter((bar) => today === undefined || barRuns(bar, today))
    .map((bar) => BusinessErrors.REGISTRATION_BARRED({ detail: barRefusalText(bar) }));
}

function heldRefusal(physician: PhysicianSnapshot): DomainError[] {
  const held = physician.registrations.find((r) => holdsPracticeLocation(r.status));
  if (!held) return [];
  const guidance = held.status === 'filed'
    ? '注册备案的医师到新机构执业，请由新的主要执业机构办理「变更注册」；注册备案满二年未重新执业的，注册将被注销，注销后可申请重新注册'
    : '在另一省级行政区划执业请申请「增加执业地点注册」，变更注册事项请申请「变更注册」';
  return [BusinessErrors.STILL_REGISTERED({ detail: `您有「${REGISTRATION_STATUS_LABELS[held.status]}」状态的执业注册。${guidance}` })];
}

export const reRegistration: BusinessDefinition<ReRegistrationForm, 're_registration'> = {
  type: 're_registration',
  startsFrom: 'registration',
  changesRegistration: false,
  form: ReRegistrationForm,
  explanation: RE_REGISTRATION_EXPLANATION,
  proposal,

  whoMayApply(physician, subject, today) {
    const { registration, errors } = subjectRegistration(physician, subject.registrationId, ['cancelled']);
    if (!registration || errors.length) return errors;
    // One 重新注册 at a time, whichever cancelled registration it follows on.
    if (physician.pending.some((p) => p.type === 're_registration' && p.registrationId !== registration.id)) {
      errors.push(BusinessErrors.APPLICATION_PENDING({ detail: '已有「重新注册」申请正在办理，请等待办结或撤回后再申请' }));
    }
    errors.push(...heldRefusal(physician));
    if (!physician.qualifications.some((q) => q.status === 'valid')) {
      errors.push(BusinessErrors.QUALIFICATION_REQUIRED({ detail: '重新注册须具有有效的医师资格（《医师法》第十三条）' }));
    }
    return [...errors, ...barRefusals(physician, today)];
  },

  checkApplication(ctx) {
    const { form, physician } = ctx;
    const qualification = validQualification(physician, form.qualificationId);
    if (!qualification) return [BusinessErrors.QUALIFICATION_REQUIRED({ path: ['qualificationId'], detail: '请选择一项有效的医师资格' })];
    const errors = [
      ...collect(() => checkCategory(form.category, qualification.category)),
      ...collect(() => checkStartDate(form.startDate, ctx.today)),
      ...reRegistrationEvidenceRefusals(form.assessment, form.training, ctx.today),
    ];
    const found = requireInstitution(ctx, proposal(form));
    errors.push(...found.errors);
    const place = collect(() => checkPracticePlace(qualification.level, form.practiceLocationCode));
    errors.push(...place);
    if (!found.institution) return errors;
    if (!place.length) errors.push(...collect(() => resolvePracticeLocation(qualification.level, form.practiceLocationCode, found.institution!.areaCode)));
    return [...errors, ...scopeRefusals(physician, form.category, form.scopes, found.institution)];
  },

  confirmingInstitution: () => 'proposed',
  decider: () => 'institution_registering_authority',
  effects: () => ({
    approve: [
      { open: { level: 'qualification', institution: 'proposed', items: 'proposal', newLicenceCode: true } },
      { certificate: 'opened', event: 'issue' },
    ],
  }),
  reviewFields: () => ['registrationStatus', 'level', 'practiceLocation', 'mainInstitution', 'category', 'scopes', 'licenceCode', 'assessment', 'training'],
  reviewValue(field, ctx) {
    const { form } = ctx;
    switch (field) {
      case 'registrationStatus': {
        const before = findRegistration(ctx.physician, form.registrationId);
        const cancelled = ctx.physician.cancellations.find((x) => x.registrationId === form.registrationId);
        const how = cancelled ? `（${cancelled.effectiveOn}注销：${CANCELLATION_GROUND_INFO[cancelled.ground].label}）` : '';
        return { old: before ? `${REGISTRATION_STATUS_LABELS[before.status]}${how}` : null, new: `${REGISTRATION_STATUS_LABELS.valid}（重新注册，原注册保持注销）` };
      }
      case 'assessment': return { old: null, new: `${form.assessment.assessedBy}，${form.assessment.passedOn}考核合格` };
      case 'training': return { old: null, new: `${form.training.institution}，${form.training.from} 至 ${form.training.to}` };
      default: return undefined;
    }
  },
  evidenceFiles: (form) => [
    { path: ['assessment', 'fileSha256'], fileSha256: form.assessment.fileSha256 },
    { path: ['training', 'fileSha256'], fileSha256: form.training.fileSha256 },
  ],
  statedReason: () => null,
  recheckAtDecision: ['qualification_valid', 'institution_active', 'rules_still_met'],
};
