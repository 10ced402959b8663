/**
 * BT-04 助理升执业 (domain §2.2 BT-04, §3.2, §4.2, §5.5): an 执业助理医师 who obtained the 执业医师 qualification
 * OF THE SAME CATEGORY registers as 执业医师 —
 *  - at the same main institution, or at a new one (then as 首次注册, the assistant registration carried over);
 *  - on approval: a new registration at level 执业医师, 执业地点 widened from the county to the province
 *    (《医师执业注册管理办法》第七条), a new 执业证书编码 whose first digit is 1 (§4.2), the assistant registration
 *    closed (变更出, 助理升执业) and its certificate superseded; filings inside the new 执业地点 follow;
 *  - seniority as 执业医师 counts from the approval (registration/seniority.ts, §5.5);
 *  - confirms: the (proposed) main institution; decides: the authority that approved it (as BT-01, 办法第九条).
 */
import { z } from 'zod';
import { START_DATE_HINT, checkPracticePlace, resolvePracticeLocation } from '../applications/first-registration-rules';
import { PHYSICIAN_LEVEL_INFO } from '../reference/physician-levels';
import type { PhysicianSnapshot } from '../registration/physician-snapshot';
import { BusinessErrors } from './business-errors';
import type { BusinessDefinition, Proposal } from './definition';
import { declarationsField, departmentField, isoDateField, recordIdField, regionCodeField, scopeCodesField } from './form-fields';
import {
  collect, findRegistration, qualificationLabel, qualificationOf, requireInstitution, scopeRefusals, subjectRegistration, validQualification,
} from './subject-rules';

export const UPGRADE_MODES = ['same_institution', 'new_institution'] as const;
export type UpgradeMode = (typeof UPGRADE_MODES)[number];
export const UPGRADE_MODE_LABELS = {
  same_institution: '在原主要执业机构注册为执业医师',
  new_institution: '同时变更主要执业机构（按首次注册填写，原助理注册一并转入）',
} as const satisfies Record<UpgradeMode, string>;

const base = {
  registrationId: recordIdField('请选择执业助理医师注册'),
  /** The 执业医师 qualification. */
  qualificationId: recordIdField('请选择执业医师资格'),
  scopes: scopeCodesField,
  declarations: declarationsField,
};

export const AssistantUpgradeForm = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('same_institution'), ...base }),
  z.object({
    mode: z.literal('new_institution'), ...base,
    practiceLocationCode: regionCodeField, institutionId: recordIdField('请选择主要执业机构'),
    department: departmentField,
    /** 拟在该机构执业时间 (seed: 有助理证的可以填助理证注册时间). */
    startDate: isoDateField.describe(START_DATE_HINT),
  }),
], { error: '请选择是否同时变更主要执业机构' });
export type AssistantUpgradeForm = z.infer<typeof AssistantUpgradeForm>;

function proposal(form: AssistantUpgradeForm, physician: PhysicianSnapshot): Proposal {
  const current = findRegistration(physician, form.registrationId);
  return {
    registrationId: form.registrationId, qualificationId: form.qualificationId, category: current?.category, scopes: form.scopes,
    institutionId: form.mode === 'new_institution' ? form.institutionId : current?.mainInstitution.id,
  };
}

export const assistantUpgrade: BusinessDefinition<AssistantUpgradeForm, 'assistant_upgrade'> = {
  type: 'assistant_upgrade',
  startsFrom: 'registration',
  changesRegistration: true,
  form: AssistantUpgradeForm,
  proposal,

  whoMayApply(physician, subject) {
    const { registration, errors } = subjectRegistration(physician, subject.registrationId, ['valid']);
    if (!registration) return errors;
    if (registration.level !== 'assistant') return [...errors, BusinessErrors.UPGRADE_ASSISTANT_ONLY({ path: ['registrationId'] })];
    if (!qualificationOf(physician, 'physician', registration.category)) {
      errors.push(BusinessErrors.UPGRADE_QUALIFICATION_REQUIRED({ detail: `须具有有效的${qualificationLabel('physician', registration.category)}` }));
    }
    return errors;
  },

  checkApplication(ctx) {
    const { form, physician } = ctx;
    const current = findRegistration(physician, form.registrationId);
    if (!current) return [BusinessErrors.REGISTRATION_NOT_FOUND({ path: ['registrationId'] })];
    const q = validQualification(physician, form.qualificationId);
    const errors = q && q.level === 'physician' && q.category === current.category ? [] : [BusinessErrors.UPGRADE_QUALIFICATION_REQUIRED({
      path: ['qualificationId'],
      detail: `所选资格须为有效的${qualificationLabel('physician', current.category)}（与${PHYSICIAN_LEVEL_INFO.assistant.label}注册的类别相同）`,
    })];
    const p = proposal(form, physician);
    const found = requireInstitution(ctx, p);
    errors.push(...found.errors);
    const institution = found.institution;
    if (!institution) return errors;
    if (form.mode === 'new_institution') {
      if (institution.id === current.mainInstitution.id) errors.push(BusinessErrors.INSTITUTION_UNCHANGED({ path: ['institutionId'], detail: '新机构与原主要执业机构相同，请选择「在原主要执业机构注册为执业医师」' }));
      const place = collect(() => checkPracticePlace('physician', form.practiceLocationCode));
      errors.push(...(place.length ? place : collect(() => resolvePracticeLocation('physician', form.practiceLocationCode, institution.areaCode))));
    }
    return [...errors, ...scopeRefusals(physician, current.category, form.scopes, institution)];
  },

  confirmingInstitution: (form) => (form.mode === 'new_institution' ? 'proposed' : 'current_main'),
  decider: () => 'institution_registering_authority',
  effects: () => ({
    approve: [
      { on: 'current', event: 'close_for_upgrade' },
      { certificate: 'current', event: 'supersede' },
      { open: { level: 'physician', institution: 'proposed', items: 'proposal', widenLocationTo: 'province', newLicenceCode: true } },
      { certificate: 'opened', event: 'issue' },
      { filings: 'follow' },
    ],
  }),
  reviewFields: () => ['level', 'practiceLocation', 'mainInstitution', 'scopes', 'licenceCode'],
  statedReason: () => null,
  recheckAtDecision: ['qualification_valid', 'registration_unchanged', 'institution_active', 'rules_still_met'],
};
