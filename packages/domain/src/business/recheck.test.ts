import { describe, expect, it } from 'vitest';
import { changeRegistration } from './change-registration';
import { applyPlan } from './apply-plan';
import { multiSiteFiling } from './multi-site-filing';
import { planEffects } from './plan-approval';
import { recheckAtDecision, submittedStateOf } from './recheck';
import { CHAOYANG, TODAY, codesOf, makePhysician, makeQualification, makeRegistration, uid } from './test-factories';

const REG = uid(11);
const physician = makePhysician({
  registrations: [makeRegistration()],
  qualifications: [makeQualification(), makeQualification({ id: uid(4), category: 'public_health' })],
  pending: [{ type: 'change_registration', registrationId: REG }],
});
const form = changeRegistration.form.parse({ kind: 'category', registrationId: REG, reason: '从事公共卫生工作', qualificationId: uid(4), category: 'public_health', scopes: ['41'] });
const ctx = { physician, form, today: TODAY };
const submitted = submittedStateOf(changeRegistration, ctx);

describe('re-checked at the decision', () => {
  it('passes when nothing changed (the application itself is not a competing one)', () => {
    expect(recheckAtDecision(changeRegistration, ctx, submitted)).toEqual([]);
  });

  it('《医师法》第五十四条: a qualification revoked before the decision is refused at the decision', () => {
    const revoked = { ...physician, qualifications: [makeQualification(), makeQualification({ id: uid(4), category: 'public_health', status: 'revoked' })] };
    expect(codesOf(recheckAtDecision(changeRegistration, { ...ctx, physician: revoked }, submitted))).toEqual([
      'QUALIFICATION_NO_LONGER_VALID', 'CATEGORY_QUALIFICATION_REQUIRED',
    ]);
  });

  it('domain §3.2: a registration changed since submission (here suspended) is not decided on stale data', () => {
    const suspended = { ...physician, registrations: [makeRegistration({ status: 'suspended' })] };
    expect(codesOf(recheckAtDecision(changeRegistration, { ...ctx, physician: suspended }, submitted))).toEqual([
      'REGISTRATION_CHANGED_SINCE_SUBMISSION', 'REGISTRATION_NOT_VALID',
    ]);
    expect(() => planEffects(changeRegistration, { ...ctx, physician: suspended }, 'approve')).toThrowError(expect.objectContaining({ code: 'REGISTRATION_EVENT_NOT_ALLOWED' }));
  });

  it('a new filing\'s own 申请中 record is no duplicate at the decision, a closed institution is', () => {
    const base = makePhysician({ registrations: [makeRegistration()], pending: [{ type: 'multi_site_filing', registrationId: REG, filingId: null }] });
    const filingForm = multiSiteFiling.form.parse({ action: 'add', registrationId: REG, institutionId: CHAOYANG.id, scopes: ['11'], validFrom: '2026-11-01', validTo: '2027-10-31' });
    const fctx = { physician: base, form: filingForm, institution: CHAOYANG, today: TODAY };
    const state = submittedStateOf(multiSiteFiling, fctx);
    const withPending = applyPlan(base, planEffects(multiSiteFiling, fctx, 'submit')).physician;
    expect(recheckAtDecision(multiSiteFiling, { ...fctx, physician: withPending }, state)).toEqual([]);
    expect(codesOf(recheckAtDecision(multiSiteFiling, { ...fctx, physician: withPending, institution: { ...CHAOYANG, active: false } }, state)))
      .toEqual(['INSTITUTION_INACTIVE']);
  });
});
