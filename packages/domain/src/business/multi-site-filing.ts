/**
 * BT-05 多机构备案 (domain §2.2 BT-05, §5.2): add, modify or end a filing at a further institution.
 *  - inside the 执业地点: a 执业医师 files only institutions in the province of one of their 有效 registrations
 *    (a filing cannot cross provinces [S17]); an assistant only in their county (《医师执业注册管理办法》第七条 [S5]);
 *  - not the main institution (one main institution plus 0..n filed ones, §5.2), not twice the same institution;
 *  - 执业范围 within the registered scopes (《医师法》第十四条), with 有效期 start and end [S17];
 *  - confirmed by the institution to be filed (§2.1 [I]), filed with the authority that approved it (办法第十条);
 *    a filing is not a licence, so no statutory clock runs (BUSINESS_TYPE_INFO.statutoryWorkingDays = null);
 *  - the filing is 申请中 from submission, 有效 on approval, and ends at its end date by itself
 *    (registration/filing-lifecycle.ts). Provincial limits ("只能备案1家" [U]) are not applied.
 */
import { z } from 'zod';
import { placeContains } from '../applications/first-registration-rules';
import type { DomainError } from '../errors';
import { getScope } from '../reference/practice-scopes';
import { regionFullName } from '../regions/regions';
import type { FilingSnapshot, PhysicianSnapshot, RegistrationSnapshot } from '../registration/physician-snapshot';
import { BusinessErrors } from './business-errors';
import type { BusinessContext, BusinessDefinition, Proposal } from './definition';
import { isoDateField, reasonField, recordIdField, scopeCodesField } from './form-fields';
import { findFiling, findRegistration, requireInstitution, subjectRegistration } from './subject-rules';

export const FILING_ACTIONS = ['add', 'modify', 'end'] as const;
export type FilingAction = (typeof FILING_ACTIONS)[number];
export const FILING_ACTION_LABELS = { add: '新增备案', modify: '修改备案', end: '终止备案' } as const satisfies Record<FilingAction, string>;

const period = { validFrom: isoDateField, validTo: isoDateField };
const filingId = recordIdField('请选择备案');

export const MultiSiteFilingForm = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add'), registrationId: recordIdField('请选择执业注册'), institutionId: recordIdField('请选择拟备案机构'), scopes: scopeCodesField, ...period }),
  z.object({ action: z.literal('modify'), filingId, scopes: scopeCodesField, ...period }),
  z.object({ action: z.literal('end'), filingId, reason: reasonField }),
], { error: '请选择备案操作' });
export type MultiSiteFilingForm = z.infer<typeof MultiSiteFilingForm>;

function proposal(form: MultiSiteFilingForm, physician: PhysicianSnapshot): Proposal {
  if (form.action === 'add') return { registrationId: form.registrationId, institutionId: form.institutionId, scopes: form.scopes, validFrom: form.validFrom, validTo: form.validTo };
  const filing = findFiling(physician, form.filingId);
  const kept = { filingId: form.filingId, registrationId: filing?.registrationId, institutionId: filing?.institution.id };
  return form.action === 'modify' ? { ...kept, scopes: form.scopes, validFrom: form.validFrom, validTo: form.validTo } : { ...kept, scopes: filing?.scopes };
}

/** Where a registration lets the physician file: the province (执业医师) or county (assistant) it registers. */
function locationWords(r: RegistrationSnapshot): string {
  const place = regionFullName(r.practiceLocationCode) ?? r.practiceLocationCode;
  return r.level === 'physician' ? `执业医师只能在有效注册所在的省级行政区划（${place}）内备案` : `执业助理医师只能在执业地点（${place}）内备案`;
}

function periodRefusals(validFrom: string, validTo: string, today: string): DomainError[] {
  if (validFrom > validTo) return [BusinessErrors.FILING_PERIOD_INVALID({ path: ['validTo'], detail: '有效期结束时间不能早于开始时间' })];
  if (validTo < today) return [BusinessErrors.FILING_PERIOD_INVALID({ path: ['validTo'], detail: '有效期结束时间不能早于今天' })];
  return [];
}

function scopeNotRegistered(scopes: readonly string[], registration: RegistrationSnapshot): DomainError[] {
  const outside = scopes.filter((s) => !registration.scopes.includes(s));
  return outside.length === 0 ? [] : [BusinessErrors.FILING_SCOPE_NOT_REGISTERED({
    path: ['scopes'], detail: `「${outside.map((s) => getScope(s)?.name ?? s).join('、')}」不在注册的执业范围内（《医师法》第十四条）`,
  })];
}

function addRefusals(ctx: BusinessContext<MultiSiteFilingForm>, form: Extract<MultiSiteFilingForm, { action: 'add' }>): DomainError[] {
  const registration = findRegistration(ctx.physician, form.registrationId);
  if (!registration) return [BusinessErrors.REGISTRATION_NOT_FOUND({ path: ['registrationId'] })];
  const { institution, errors } = requireInstitution(ctx, proposal(form, ctx.physician));
  if (!institution) return errors;
  if (!placeContains(registration.practiceLocationCode, institution.areaCode)) {
    errors.push(BusinessErrors.FILING_OUTSIDE_PRACTICE_LOCATION({ path: ['institutionId'], detail: `「${institution.name}」不在执业地点内：${locationWords(registration)}` }));
  }
  if (institution.id === registration.mainInstitution.id) errors.push(BusinessErrors.FILING_AT_MAIN_INSTITUTION({ path: ['institutionId'] }));
  // At the decision the pending filing this application created is the one at that institution.
  const blocking: readonly FilingSnapshot['status'][] = ctx.stage === 'decision' ? ['active'] : ['active', 'pending'];
  if (ctx.physician.filings.some((f) => f.institution.id === institution.id && blocking.includes(f.status))) {
    errors.push(BusinessErrors.FILING_DUPLICATE({ path: ['institutionId'] }));
  }
  return [...errors, ...scopeNotRegistered(form.scopes, registration), ...periodRefusals(form.validFrom, form.validTo, ctx.today)];
}

export const multiSiteFiling: BusinessDefinition<MultiSiteFilingForm, 'multi_site_filing'> = {
  type: 'multi_site_filing',
  startsFrom: 'registration_or_filing',
  changesRegistration: false,
  form: MultiSiteFilingForm,
  proposal,

  whoMayApply(physician, subject) {
    if (subject.filingId === undefined) return subjectRegistration(physician, subject.registrationId, ['valid']).errors;
    const filing = findFiling(physician, subject.filingId);
    if (!filing) return [BusinessErrors.FILING_NOT_FOUND({ path: ['filingId'] })];
    const errors = subjectRegistration(physician, filing.registrationId, ['valid']).errors;
    return filing.status === 'active' ? errors : [...errors, BusinessErrors.FILING_NOT_ACTIVE({ path: ['filingId'] })];
  },

  checkApplication(ctx) {
    const { form, physician } = ctx;
    if (form.action === 'add') return addRefusals(ctx, form);
    const filing = findFiling(physician, form.filingId);
    const registration = findRegistration(physician, filing?.registrationId);
    if (!filing || !registration) return [BusinessErrors.FILING_NOT_FOUND({ path: ['filingId'] })];
    if (form.action === 'end') return [];
    const same = form.validFrom === filing.validFrom && form.validTo === filing.validTo
      && form.scopes.length === filing.scopes.length && form.scopes.every((s) => filing.scopes.includes(s));
    return [
      ...(same ? [BusinessErrors.FILING_UNCHANGED()] : []),
      ...scopeNotRegistered(form.scopes, registration),
      ...periodRefusals(form.validFrom, form.validTo, ctx.today),
    ];
  },

  confirmingInstitution: () => 'filed',
  decider: () => 'filed_institution_authority',
  effects(form) {
    if (form.action === 'add') {
      return {
        submit: [{ filing: 'proposed', event: 'submit' }],
        approve: [{ filing: 'proposed', event: 'approve' }],
        abandon: [{ filing: 'proposed', event: 'abandon' }],
      };
    }
    return { approve: [{ filing: 'subject', event: form.action === 'modify' ? 'modify' : 'end' }] };
  },
  reviewFields: () => ['filingInstitution', 'filingScopes', 'filingPeriod'],
  statedReason: (form) => (form.action === 'end' ? form.reason : null),
  recheckAtDecision: ['registration_unchanged', 'filing_unchanged', 'institution_active', 'rules_still_met'],
};
