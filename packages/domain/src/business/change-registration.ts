/**
 * BT-03 变更注册 (domain §2.2 BT-03, §3.2) — one definition, four kinds:
 *  - 执业地点: to another province (a county, for an assistant): a new registration there; the old one becomes
 *    变更出 (区内到区外变更 [S11][S17]) — unlike 增加执业地点 (BT-02), which keeps it;
 *  - 主要执业机构: within the 执业地点, handled as a new registration (《医师执业注册管理办法》第二十条 → 第十二条); the
 *    old one is closed (变更出);
 *  - 执业类别: needs a valid qualification OF THAT CATEGORY (卫医发〔2001〕169号; §2.2 BT-03 [S10][S9]);
 *  - 执业范围: add or replace, with evidence per new scope (scope-change-evidence.ts).
 * A registration in 注册备案 may change 执业地点 or main institution (re-employment, §2.2 BT-06 [I]), nothing else.
 * The physician states the reason; the proposed institution confirms (the current one for category and scope, §2.1);
 * the authority that granted the registration decides a category or scope change (《医师法》第十八条), the authority
 * that approved the new institution a change of place or institution (§1.3; 办法第九条). Until approval the
 * registration keeps its old items (registration/practice-check.ts).
 */
import { FirstRegistrationErrors, checkPracticePlace, placeContains, resolvePracticeLocation } from '../applications/first-registration-rules';
import type { DomainError } from '../errors';
import { PRACTICE_CATEGORY_INFO } from '../reference/practice-categories';
import { provinceCodeOf, regionFullName } from '../regions/regions';
import type { PhysicianSnapshot, RegistrationSnapshot } from '../registration/physician-snapshot';
import { BusinessErrors } from './business-errors';
import { ChangeRegistrationForm } from './change-registration-form';
import type { BusinessContext, BusinessDefinition, Effect, Proposal } from './definition';
import { scopeEvidenceRefusals } from './scope-change-evidence';
import {
  attempt, collect, findRegistration, heldProvinces, qualificationLabel, requireInstitution, scopeRefusals, subjectRegistration, validQualification,
} from './subject-rules';

/** The scopes after the change: the current ones plus those added, or the new list. */
export function scopesAfterChange(current: readonly string[], form: Extract<ChangeRegistrationForm, { kind: 'scopes' }>): string[] {
  return form.operation === 'add' ? [...current, ...form.scopes.filter((s) => !current.includes(s))] : [...new Set(form.scopes)];
}

function proposal(form: ChangeRegistrationForm, physician: PhysicianSnapshot): Proposal {
  const current = findRegistration(physician, form.registrationId);
  const kept = { registrationId: form.registrationId, qualificationId: current?.qualificationId ?? undefined, category: current?.category, scopes: current?.scopes };
  switch (form.kind) {
    case 'practice_location':
    case 'main_institution':
      return { ...kept, institutionId: form.institutionId };
    case 'category':
      return { ...kept, institutionId: current?.mainInstitution.id, qualificationId: form.qualificationId, category: form.category, scopes: form.scopes };
    case 'scopes':
      return { ...kept, institutionId: current?.mainInstitution.id, scopes: current ? scopesAfterChange(current.scopes, form) : form.scopes };
  }
}

function placeRefusals(ctx: BusinessContext<ChangeRegistrationForm>, current: RegistrationSnapshot): DomainError[] {
  const { form, physician } = ctx;
  if (form.kind !== 'practice_location' && form.kind !== 'main_institution') return [];
  const { institution, errors } = requireInstitution(ctx, proposal(form, physician));
  if (!institution) return errors;
  if (form.kind === 'main_institution') {
    if (institution.id === current.mainInstitution.id) errors.push(BusinessErrors.INSTITUTION_UNCHANGED({ path: ['institutionId'] }));
    else if (!placeContains(current.practiceLocationCode, institution.areaCode)) {
      errors.push(FirstRegistrationErrors.INSTITUTION_OUTSIDE_PRACTICE_LOCATION({
        path: ['institutionId'],
        detail: `「${institution.name}」不在当前执业地点（${regionFullName(current.practiceLocationCode) ?? current.practiceLocationCode}）内，请改为申请变更执业地点`,
      }));
    }
  } else {
    const place = collect(() => checkPracticePlace(current.level, form.practiceLocationCode));
    if (place.length) return [...place, ...errors];
    const resolved = attempt(() => resolvePracticeLocation(current.level, form.practiceLocationCode, institution.areaCode));
    const location = resolved.value;
    errors.push(...resolved.errors);
    if (location === current.practiceLocationCode) errors.push(BusinessErrors.LOCATION_UNCHANGED({ path: ['practiceLocationCode'] }));
    else if (location !== undefined && current.level === 'physician' && heldProvinces(physician, current.id).has(provinceCodeOf(location))) {
      errors.push(BusinessErrors.PROVINCE_ALREADY_REGISTERED({ path: ['institutionId'], detail: `您在${regionFullName(location) ?? location}已有执业注册，请在该注册上办理变更或备案` }));
    }
  }
  return [...errors, ...scopeRefusals(physician, current.category, current.scopes, institution)];
}

function itemRefusals(ctx: BusinessContext<ChangeRegistrationForm>, current: RegistrationSnapshot): DomainError[] {
  const { form, physician } = ctx;
  if (form.kind === 'category') {
    if (form.category === current.category) return [BusinessErrors.CATEGORY_UNCHANGED({ path: ['category'] })];
    const q = validQualification(physician, form.qualificationId);
    if (!q || q.category !== form.category || q.level !== current.level) {
      return [BusinessErrors.CATEGORY_QUALIFICATION_REQUIRED({
        path: ['qualificationId'],
        detail: `变更为${PRACTICE_CATEGORY_INFO[form.category].fullLabel}须具有有效的${qualificationLabel(current.level, form.category)}（执业类别须与医师资格类别一致）`,
      })];
    }
    return scopeRefusals(physician, form.category, form.scopes, current.mainInstitution);
  }
  if (form.kind === 'scopes') {
    const after = scopesAfterChange(current.scopes, form);
    const added = after.filter((s) => !current.scopes.includes(s));
    if (added.length === 0 && after.length === current.scopes.length) return [BusinessErrors.SCOPES_UNCHANGED({ path: ['scopes'] })];
    return [...scopeRefusals(physician, current.category, after, current.mainInstitution), ...scopeEvidenceRefusals(current.category, added, form.evidence)];
  }
  return [];
}

const NEW_RECORD = (event: 'transfer_out' | 'change_main_institution'): Effect[] => [
  { on: 'current', event },
  { certificate: 'current', event: 'supersede' },
  { open: { level: 'current', institution: 'proposed', items: 'current', newLicenceCode: true } },
  { certificate: 'opened', event: 'issue' },
  { filings: 'follow' },
];

const REPRINT: Effect[] = [{ filings: 'follow' }, { certificate: 'current', event: 'supersede' }, { certificate: 'current', event: 'issue' }];

export const changeRegistration: BusinessDefinition<ChangeRegistrationForm, 'change_registration'> = {
  type: 'change_registration',
  startsFrom: 'registration',
  changesRegistration: true,
  form: ChangeRegistrationForm,
  proposal,

  whoMayApply: (physician, subject) => subjectRegistration(physician, subject.registrationId, ['valid', 'filed']).errors,

  checkApplication(ctx) {
    const current = findRegistration(ctx.physician, ctx.form.registrationId);
    if (!current) return [BusinessErrors.REGISTRATION_NOT_FOUND({ path: ['registrationId'] })];
    if (current.status !== 'valid' && (ctx.form.kind === 'category' || ctx.form.kind === 'scopes')) {
      return [BusinessErrors.REGISTRATION_NOT_VALID({ path: ['registrationId'], detail: '注册备案状态下只能变更执业地点或主要执业机构' })];
    }
    return [...placeRefusals(ctx, current), ...itemRefusals(ctx, current)];
  },

  confirmingInstitution: (form) => (form.kind === 'practice_location' || form.kind === 'main_institution' ? 'proposed' : 'current_main'),
  decider: (form) => (form.kind === 'practice_location' || form.kind === 'main_institution' ? 'institution_registering_authority' : 'granting_authority'),
  effects(form) {
    switch (form.kind) {
      case 'practice_location': return { approve: NEW_RECORD('transfer_out') };
      case 'main_institution': return { approve: NEW_RECORD('change_main_institution') };
      // The 执业证书编码 carries the category (§4.2), so a new category gets a new code.
      case 'category': return { approve: [{ on: 'current', event: 'change_items', items: ['category', 'scopes', 'qualification'], newLicenceCode: true }, ...REPRINT] };
      case 'scopes': return { approve: [{ on: 'current', event: 'change_items', items: ['scopes'] }, ...REPRINT] };
    }
  },
  statedReason: (form) => form.reason,
  reviewFields(form) {
    switch (form.kind) {
      case 'practice_location': return ['practiceLocation', 'mainInstitution', 'licenceCode'];
      case 'main_institution': return ['mainInstitution', 'licenceCode'];
      case 'category': return ['category', 'scopes', 'licenceCode'];
      case 'scopes': return ['scopes'];
    }
  },
  recheckAtDecision: ['qualification_valid', 'registration_unchanged', 'institution_active', 'rules_still_met'],
};
