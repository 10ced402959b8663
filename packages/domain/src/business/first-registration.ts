/**
 * BT-01 首次注册 (domain §2.2 BT-01) as a definition, wrapping the form and rules that already exist
 * (../applications/first-registration*.ts):
 *  - who: a physician with a valid qualification (《医师法》第十三条) and no registration yet; a physician whose
 *    registrations are all 注销 applies for 重新注册 (《医师法》第十九条);
 *  - confirms: the proposed main institution (§2.1); decides: the authority that approved it (办法第九条);
 *  - on approval: a new registration at the qualification's level, 执业地点 from the institution (办法第七条), a new
 *    执业证书编码 and certificate.
 */
import { FirstRegistrationSubmission } from '../applications/first-registration';
import { checkCategory, checkPracticePlace, resolvePracticeLocation } from '../applications/first-registration-rules';
import type { DomainError } from '../errors';
import { holdsPracticeLocation } from '../registration/registration-status';
import type { PhysicianSnapshot, QualificationSnapshot } from '../registration/physician-snapshot';
import { BusinessErrors } from './business-errors';
import type { BusinessDefinition } from './definition';
import { collect, requireInstitution, scopeRefusals } from './subject-rules';

/** The qualification a first registration relies on: a valid one of the chosen category, 执业医师 before 助理. */
function qualificationFor(physician: PhysicianSnapshot, category: string): QualificationSnapshot | undefined {
  const valid = physician.qualifications.filter((q) => q.status === 'valid' && q.category === category);
  return valid.find((q) => q.level === 'physician') ?? valid[0];
}

const proposal = (form: FirstRegistrationSubmission, physician: PhysicianSnapshot) => ({
  qualificationId: qualificationFor(physician, form.category)?.id, institutionId: form.institutionId, category: form.category, scopes: form.scopes,
});

export const firstRegistration: BusinessDefinition<FirstRegistrationSubmission, 'first_registration'> = {
  type: 'first_registration',
  startsFrom: 'nothing',
  changesRegistration: false,
  form: FirstRegistrationSubmission,
  proposal,

  whoMayApply(physician) {
    const errors: DomainError[] = [];
    if (!physician.qualifications.some((q) => q.status === 'valid')) {
      errors.push(BusinessErrors.QUALIFICATION_REQUIRED({ detail: '《医师法》第十三条：取得医师资格的，可以申请医师执业注册。请先同步或补录医师资格信息' }));
    }
    if (physician.registrations.some((r) => holdsPracticeLocation(r.status))) {
      errors.push(BusinessErrors.ALREADY_REGISTERED({
        detail: '您已有执业注册。到另一省级行政区划执业请申请「增加执业地点注册」；变更执业地点、主要执业机构、执业类别或执业范围请申请「变更注册」',
      }));
    } else if (physician.registrations.some((r) => r.status === 'cancelled')) {
      errors.push(BusinessErrors.RE_REGISTRATION_REQUIRED({ detail: '《医师法》第十九条：注册被注销后申请重新执业的，经考核合格后重新注册' }));
    }
    return errors;
  },

  checkApplication(ctx) {
    const { form, physician } = ctx;
    const qualification = qualificationFor(physician, form.category);
    const anyValid = physician.qualifications.find((q) => q.status === 'valid');
    if (!qualification) return anyValid ? collect(() => checkCategory(form.category, anyValid.category)) : [BusinessErrors.QUALIFICATION_REQUIRED()];
    const { institution, errors } = requireInstitution(ctx, proposal(form, physician));
    if (!institution) return errors;
    return [
      ...errors,
      ...collect(() => checkPracticePlace(qualification.level, form.practiceLocationCode)),
      ...collect(() => resolvePracticeLocation(qualification.level, form.practiceLocationCode, institution.areaCode)),
      ...scopeRefusals(physician, form.category, form.scopes, institution),
    ];
  },

  confirmingInstitution: () => 'proposed',
  decider: () => 'institution_registering_authority',
  effects: () => ({
    approve: [
      { open: { level: 'qualification', institution: 'proposed', items: 'proposal', newLicenceCode: true } },
      { certificate: 'opened', event: 'issue' },
    ],
  }),
  reviewFields: () => ['level', 'practiceLocation', 'mainInstitution', 'category', 'scopes', 'licenceCode'],
  statedReason: () => null,
  recheckAtDecision: ['qualification_valid', 'institution_active', 'rules_still_met'],
};
