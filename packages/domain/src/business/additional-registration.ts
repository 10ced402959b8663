/**
 * BT-02 增加执业地点注册 (domain §2.2 BT-02, §5.1):
 *  - only a 执业医师 with a 有效 registration: 执业助理医师只能注册一个执业地点 (《医师执业注册管理办法》第十七条);
 *  - a registration in ANOTHER province, at a new main institution there; the registration it starts from stays
 *    有效, and the new one reuses its 执业类别 and 执业范围 [S17]. In a province already registered, a further
 *    institution is a 多机构备案 (BT-05) and a move is a 变更注册 (BT-03) — at most one registration per province
 *    (Appendix A.2 item 6);
 *  - confirms: the proposed institution; decides: the authority that approved it (as BT-01, 办法第九条).
 */
import { z } from 'zod';
import { checkPracticePlace, resolvePracticeLocation } from '../applications/first-registration-rules';
import { regionFullName } from '../regions/regions';
import type { PhysicianSnapshot } from '../registration/physician-snapshot';
import { BusinessErrors } from './business-errors';
import type { BusinessDefinition } from './definition';
import { declarationsField, departmentField, isoDateField, recordIdField, regionCodeField } from './form-fields';
import { collect, findRegistration, heldProvinces, qualificationLabel, qualificationOf, requireInstitution, scopeRefusals, subjectRegistration } from './subject-rules';

export const AdditionalRegistrationForm = z.object({
  /** The registration kept: its 执业资格, 执业类别 and 执业范围 are reused [S17]. */
  registrationId: recordIdField('请选择保留的执业注册'),
  /** The province to register in. */
  practiceLocationCode: regionCodeField,
  institutionId: recordIdField('请选择新执业地点的主要执业机构'),
  department: departmentField,
  startDate: isoDateField,
  declarations: declarationsField,
});
export type AdditionalRegistrationForm = z.infer<typeof AdditionalRegistrationForm>;

/** Shown on the form: why 注册 and not 变更 ([S17]). */
export const ADDITIONAL_REGISTRATION_EXPLANATION =
  '增加执业地点注册：在另一省级行政区划的新主要执业机构注册，原执业地点的注册继续有效，执业类别和执业范围与原注册相同。'
  + '若申请「变更注册」变更执业地点，原执业地点的注册将变为「变更出」而失效。'
  + '执业助理医师只能注册一个执业地点（《医师执业注册管理办法》第十七条）；在同一省内的其他机构执业，请办理多机构备案。';

const proposal = (form: AdditionalRegistrationForm, physician: PhysicianSnapshot) => {
  const current = findRegistration(physician, form.registrationId);
  return {
    registrationId: form.registrationId, institutionId: form.institutionId,
    qualificationId: current?.qualificationId ?? undefined, category: current?.category, scopes: current?.scopes,
  };
};

export const additionalRegistration: BusinessDefinition<AdditionalRegistrationForm, 'additional_registration'> = {
  type: 'additional_registration',
  startsFrom: 'registration',
  changesRegistration: false,
  form: AdditionalRegistrationForm,
  explanation: ADDITIONAL_REGISTRATION_EXPLANATION,
  proposal,

  whoMayApply(physician, subject) {
    const { registration, errors } = subjectRegistration(physician, subject.registrationId, ['valid']);
    if (!registration) return errors;
    if (registration.level !== 'physician') {
      return [...errors, BusinessErrors.ADDITIONAL_REGISTRATION_PHYSICIAN_ONLY({
        detail: '《医师执业注册管理办法》第十七条：执业助理医师只能注册一个执业地点。变更执业地点请申请「变更注册」',
      })];
    }
    if (!qualificationOf(physician, 'physician', registration.category)) {
      errors.push(BusinessErrors.QUALIFICATION_REQUIRED({ detail: `增加执业地点注册须具有有效的${qualificationLabel('physician', registration.category)}` }));
    }
    return errors;
  },

  checkApplication(ctx) {
    const p = proposal(ctx.form, ctx.physician);
    const current = findRegistration(ctx.physician, p.registrationId);
    if (!current) return [BusinessErrors.REGISTRATION_NOT_FOUND({ path: ['registrationId'] })];
    const placeErrors = collect(() => checkPracticePlace('physician', ctx.form.practiceLocationCode));
    const { institution, errors } = requireInstitution(ctx, p);
    if (!institution) return [...placeErrors, ...errors];
    const located = collect(() => resolvePracticeLocation('physician', ctx.form.practiceLocationCode, institution.areaCode));
    if (placeErrors.length || located.length) return [...placeErrors, ...located, ...errors];
    const province = `${institution.areaCode.slice(0, 2)}0000`;
    if (heldProvinces(ctx.physician).has(province)) {
      errors.push(BusinessErrors.PROVINCE_ALREADY_REGISTERED({
        path: ['institutionId'],
        detail: `您在${regionFullName(province) ?? province}已有执业注册。在该省其他机构执业请办理多机构备案，更换主要执业机构请申请变更注册`,
      }));
    }
    return [...errors, ...scopeRefusals(ctx.physician, current.category, current.scopes, institution)];
  },

  confirmingInstitution: () => 'proposed',
  decider: () => 'institution_registering_authority',
  effects: () => ({
    approve: [
      { open: { level: 'current', institution: 'proposed', items: 'current', newLicenceCode: true } },
      { certificate: 'opened', event: 'issue' },
    ],
  }),
  reviewFields: () => ['practiceLocation', 'mainInstitution', 'category', 'scopes', 'licenceCode'],
  statedReason: () => null,
  recheckAtDecision: ['qualification_valid', 'registration_unchanged', 'institution_active', 'rules_still_met'],
};
