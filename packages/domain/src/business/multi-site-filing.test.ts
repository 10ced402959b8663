import { describe, expect, it } from 'vitest';
import type { InstitutionRef } from '../registration/physician-snapshot';
import { mayPractise } from '../registration/practice-check';
import { applyPlan } from './apply-plan';
import { eligibilityRefusals, statutoryWorkingDaysOf } from './eligibility';
import { MultiSiteFilingForm, multiSiteFiling } from './multi-site-filing';
import { planEffects } from './plan-approval';
import { BUSINESS_DEFINITIONS, businessDefinition } from './registry';
import {
  CHAOYANG, DONGCHENG, HAIDIAN, HAIDIAN_CLINIC, NANSHAN, TODAY, codesOf, makeFiling, makePhysician, makeRegistration,
  makeUpgradingAssistant, uid,
} from './test-factories';

const REG = uid(11);
const add = (institutionId: string, overrides: Record<string, unknown> = {}) =>
  MultiSiteFilingForm.parse({ action: 'add', registrationId: REG, institutionId, scopes: ['11'], validFrom: '2026-11-01', validTo: '2027-10-31', ...overrides });
const check = (physician: ReturnType<typeof makePhysician>, form: MultiSiteFilingForm, institution?: InstitutionRef) =>
  codesOf(multiSiteFiling.checkApplication({ physician, form, institution, today: TODAY }));

describe('BT-05 多机构备案', () => {
  it('domain §5.2 [S17]: a 执业医师 files only inside the province of a 有效 registration', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    expect(check(physician, add(CHAOYANG.id), CHAOYANG)).toEqual([]);
    expect(check(physician, add(NANSHAN.id), NANSHAN)).toEqual(['FILING_OUTSIDE_PRACTICE_LOCATION']);
    const suspended = makePhysician({ registrations: [makeRegistration({ status: 'suspended' })] });
    expect(codesOf(eligibilityRefusals(multiSiteFiling, suspended, { registrationId: REG }))).toEqual(['REGISTRATION_NOT_VALID']);
  });

  it('《医师执业注册管理办法》第七条: an assistant files only inside their county', () => {
    const physician = makeUpgradingAssistant();
    expect(check(physician, add(HAIDIAN_CLINIC.id), HAIDIAN_CLINIC)).toEqual([]);
    const errors = multiSiteFiling.checkApplication({ physician, form: add(CHAOYANG.id), institution: CHAOYANG, today: TODAY });
    expect(codesOf(errors)).toEqual(['FILING_OUTSIDE_PRACTICE_LOCATION']);
    expect(errors[0]?.message).toContain('执业助理医师只能在执业地点（北京市海淀区）内备案');
  });

  it('domain §5.2: the main institution is not filed, nor one institution twice', () => {
    const physician = makePhysician({ registrations: [makeRegistration()], filings: [makeFiling({ status: 'pending' })] });
    expect(check(physician, add(HAIDIAN.id), HAIDIAN)).toEqual(['FILING_AT_MAIN_INSTITUTION']);
    expect(check(physician, add(DONGCHENG.id), DONGCHENG)).toEqual(['FILING_DUPLICATE']);
  });

  it('《医师法》第十四条: a filing names only registered scopes', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    expect(check(physician, add(CHAOYANG.id, { scopes: ['11', '12'] }), CHAOYANG)).toEqual(['FILING_SCOPE_NOT_REGISTERED']);
  });

  it('[S17]: a filing has a validity period that has not ended', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    expect(check(physician, add(CHAOYANG.id, { validFrom: '2027-01-01', validTo: '2026-12-31' }), CHAOYANG)).toEqual(['FILING_PERIOD_INVALID']);
    expect(check(physician, add(CHAOYANG.id, { validFrom: '2026-01-01', validTo: '2026-09-30' }), CHAOYANG)).toEqual(['FILING_PERIOD_INVALID']);
  });

  it('domain §2.2 BT-05 [I]: a filing runs no statutory clock; a licensing decision runs 20 working days', () => {
    expect(statutoryWorkingDaysOf(multiSiteFiling)).toBeNull();
    expect(statutoryWorkingDaysOf(BUSINESS_DEFINITIONS.certificate_reissue)).toBeNull();
    for (const type of ['first_registration', 'additional_registration', 'change_registration', 'assistant_upgrade'] as const) {
      expect(statutoryWorkingDaysOf(businessDefinition(type)!)).toBe(20);
    }
  });

  it('domain §3.1 C: 申请中 from submission, 有效 on approval, 撤销 when refused', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    const form = add(CHAOYANG.id);
    const ctx = { physician, form, institution: CHAOYANG, today: TODAY };
    const submitted = applyPlan(physician, planEffects(multiSiteFiling, ctx, 'submit')).physician;
    expect(submitted.filings.map((f) => f.status)).toEqual(['pending']);
    expect(mayPractise(submitted, { institutionId: CHAOYANG.id, scope: '11', date: '2026-11-02' })).toBe(false);
    const approved = applyPlan(submitted, planEffects(multiSiteFiling, { ...ctx, physician: submitted }, 'approve')).physician;
    expect(approved.filings.map((f) => f.status)).toEqual(['active']);
    expect(mayPractise(approved, { institutionId: CHAOYANG.id, scope: '11', date: '2026-11-02' })).toBe(true);
    const refused = applyPlan(submitted, planEffects(multiSiteFiling, { ...ctx, physician: submitted }, 'abandon')).physician;
    expect(refused.filings.map((f) => f.status)).toEqual(['revoked']);
  });

  it('domain §2.2 BT-05: a filing ends at its end date by itself — no practice there afterwards', () => {
    const physician = makePhysician({ registrations: [makeRegistration()], filings: [makeFiling({ validTo: '2026-12-31' })] });
    expect(mayPractise(physician, { institutionId: DONGCHENG.id, scope: '11', date: '2026-12-31' })).toBe(true);
    expect(mayPractise(physician, { institutionId: DONGCHENG.id, scope: '11', date: '2027-01-01' })).toBe(false);
  });

  it('modifies or ends only a filing in force', () => {
    const physician = makePhysician({ registrations: [makeRegistration()], filings: [makeFiling({ status: 'expired' })] });
    expect(codesOf(eligibilityRefusals(multiSiteFiling, physician, { filingId: uid(21) }))).toEqual(['FILING_NOT_ACTIVE']);
    const unchanged = MultiSiteFilingForm.parse({ action: 'modify', filingId: uid(21), scopes: ['11'], validFrom: '2026-01-01', validTo: '2027-12-31' });
    expect(check(makePhysician({ registrations: [makeRegistration()], filings: [makeFiling()] }), unchanged)).toEqual(['FILING_UNCHANGED']);
  });
});
