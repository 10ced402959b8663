import { describe, expect, it } from 'vitest';
import type { InstitutionRef } from '../registration/physician-snapshot';
import { mayPractise } from '../registration/practice-check';
import { registrationStatusLabel } from '../registration/registration-status';
import { applyPlan } from './apply-plan';
import { CHANGE_EXEMPTIONS, CHANGE_KINDS, ChangeRegistrationForm } from './change-registration-form';
import { changeRegistration } from './change-registration';
import { changePendingOn, eligibilityRefusals } from './eligibility';
import { planApproval } from './plan-approval';
import type { ScopeEvidence } from './scope-change-evidence';
import {
  CHAOYANG, DONGCHENG, HAIDIAN, HAIDIAN_CLINIC, PDF, PUDONG, TODAY, codesOf, makeFiling, makePhysician, makeQualification,
  makeRegistration, makeUpgradingAssistant, uid,
} from './test-factories';

const REG = uid(11);
const parse = (form: Record<string, unknown>) => ChangeRegistrationForm.parse({ registrationId: REG, reason: '工作需要', ...form });
const check = (physician: ReturnType<typeof makePhysician>, form: Record<string, unknown>, institution = undefined as InstitutionRef | undefined) =>
  changeRegistration.checkApplication({ physician, form: parse(form), institution, today: TODAY });

const evidence = (overrides: Partial<ScopeEvidence>): ScopeEvidence => ({ scope: '12', kind: 'training', issuer: '北京协和医院', issuedOn: '2026-06-30', fileSha256: PDF, ...overrides });
const scopeChange = (scopes: string[], docs: ScopeEvidence[], operation = 'add') => ({ kind: 'scopes', operation, scopes, evidence: docs });

describe('BT-03 变更注册', () => {
  it('《医师执业注册管理办法》第二十条: a change of 主要执业机构 is a new registration and closes the old one', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    const form = parse({ kind: 'main_institution', institutionId: CHAOYANG.id, department: '内科', startDate: '2026-11-01' });
    const steps = planApproval(changeRegistration, { physician, form, institution: CHAOYANG, today: TODAY });
    expect(steps.filter((s) => s.kind === 'registration' || s.kind === 'open_registration').map((s) => (s.kind === 'registration' ? `${s.event}:${s.to}` : 'open'))).toEqual([
      'change_main_institution:transferred_out', 'open',
    ]);
    const after = applyPlan(physician, steps).physician;
    expect(after.registrations.map((r) => [r.mainInstitution.id, r.status])).toEqual([[HAIDIAN.id, 'transferred_out'], [CHAOYANG.id, 'valid']]);
  });

  it('refuses a new main institution outside the 执业地点: that is a change of 执业地点', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    const errors = check(physician, { kind: 'main_institution', institutionId: PUDONG.id, department: '内科', startDate: '2026-11-01' }, PUDONG);
    expect(codesOf(errors)).toEqual(['INSTITUTION_OUTSIDE_PRACTICE_LOCATION']);
    expect(errors[0]?.message).toContain('变更执业地点');
  });

  it('《医师执业注册管理办法》第十七条: an assistant changing county keeps one 执业地点', () => {
    const physician = makeUpgradingAssistant();
    const form = parse({ kind: 'practice_location', practiceLocationCode: '110105', institutionId: CHAOYANG.id, department: '内科', startDate: '2026-11-01' });
    expect(changeRegistration.checkApplication({ physician, form, institution: CHAOYANG, today: TODAY })).toEqual([]);
    const after = applyPlan(physician, planApproval(changeRegistration, { physician, form, institution: CHAOYANG, today: TODAY })).physician;
    expect(after.registrations.filter((r) => r.status === 'valid').map((r) => [r.level, r.practiceLocationCode])).toEqual([['assistant', '110105']]);
  });

  it('domain §2.2 BT-03 (卫医发〔2001〕169号): a category change needs a qualification of that category', () => {
    const onlyClinical = makePhysician({ registrations: [makeRegistration()] });
    expect(codesOf(check(onlyClinical, { kind: 'category', qualificationId: uid(1), category: 'public_health', scopes: ['41'] })))
      .toEqual(['CATEGORY_QUALIFICATION_REQUIRED']);
    const assistantLevel = makePhysician({
      registrations: [makeRegistration()],
      qualifications: [makeQualification(), makeQualification({ id: uid(4), category: 'public_health', level: 'assistant' })],
    });
    expect(codesOf(check(assistantLevel, { kind: 'category', qualificationId: uid(4), category: 'public_health', scopes: ['41'] })))
      .toEqual(['CATEGORY_QUALIFICATION_REQUIRED']);
    const both = makePhysician({ registrations: [makeRegistration()], qualifications: [makeQualification(), makeQualification({ id: uid(4), category: 'public_health' })] });
    expect(check(both, { kind: 'category', qualificationId: uid(4), category: 'public_health', scopes: ['41'] })).toEqual([]);
    expect(codesOf(check(both, { kind: 'category', qualificationId: uid(4), category: 'public_health', scopes: ['11'] }))).toEqual(['SCOPE_NOT_IN_CATEGORY']);
  });

  it('domain §4.2: a new category gets a new 执业证书编码 (its category digits change)', () => {
    const physician = makePhysician({ registrations: [makeRegistration()], qualifications: [makeQualification(), makeQualification({ id: uid(4), category: 'public_health' })] });
    const steps = planApproval(changeRegistration, { physician, form: parse({ kind: 'category', qualificationId: uid(4), category: 'public_health', scopes: ['41'] }), today: TODAY });
    const step = steps.find((s) => s.kind === 'registration');
    expect(step?.kind === 'registration' && step.licence?.prefix).toBe('130110108');
  });

  it('domain §2.2 BT-03 [S10], 《医师法》第十四条: a new scope needs a degree of the same category or ≥ 2 years\' training', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    const replace = (docs: ScopeEvidence[]) => codesOf(check(physician, scopeChange(['12'], docs, 'replace')));
    expect(replace([])).toEqual(['SCOPE_EVIDENCE_REQUIRED']);
    expect(replace([evidence({ trainingMonths: 12 })])).toEqual(['SCOPE_EVIDENCE_INSUFFICIENT']);
    expect(replace([evidence({ trainingMonths: 24 })])).toEqual([]);
    expect(replace([evidence({ kind: 'degree' })])).toEqual([]);
    expect(replace([evidence({ scope: '13', trainingMonths: 36 })])).toEqual(['SCOPE_EVIDENCE_REQUIRED']);
  });

  it('domain §2.2 BT-03 [S10]: 全科医学专业 is added by 全科转岗培训, which adds no other scope', () => {
    const physician = makePhysician({ registrations: [makeRegistration({ mainInstitution: HAIDIAN_CLINIC })] });
    const add = (scope: string, kind: ScopeEvidence['kind']) => codesOf(check(physician, scopeChange([scope], [evidence({ scope, kind, trainingMonths: 12 })])));
    expect(add('21', 'gp_conversion')).toEqual([]);
    expect(add('21', 'degree')).toEqual(['SCOPE_EVIDENCE_INSUFFICIENT']);
    expect(add('12', 'gp_conversion')).toEqual(['SCOPE_EVIDENCE_INSUFFICIENT']);
  });

  it('卫医发〔2001〕169号: adding a second scope is refused outside county-level-and-below institutions', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    expect(codesOf(check(physician, scopeChange(['12'], [evidence({ trainingMonths: 24 })])))).toEqual(['SCOPE_TOO_MANY']);
  });

  it('refuses a change that changes nothing', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    expect(codesOf(check(physician, scopeChange(['11'], [])))).toEqual(['SCOPES_UNCHANGED']);
    expect(codesOf(check(physician, { kind: 'main_institution', institutionId: HAIDIAN.id, department: '内科', startDate: '2026-11-01' }))).toEqual(['INSTITUTION_UNCHANGED']);
  });

  it('domain §2.2 BT-03 (办法): no practice under the new items before approval', () => {
    const physician = makePhysician({ registrations: [makeRegistration({ mainInstitution: HAIDIAN_CLINIC })], pending: [{ type: 'change_registration', registrationId: REG }] });
    const form = parse(scopeChange(['21'], [evidence({ scope: '21', kind: 'gp_conversion' })]));
    const at = { institutionId: HAIDIAN_CLINIC.id, scope: '21', date: TODAY };
    expect(mayPractise(physician, at)).toBe(false);
    expect(mayPractise(physician, { ...at, scope: '11' })).toBe(true);
    const approved = applyPlan(physician, planApproval(changeRegistration, { physician, form, today: TODAY })).physician;
    expect(mayPractise(approved, at)).toBe(true);
  });

  it('domain §2.2 BT-03 [I]: one change at a time on a registration', () => {
    const physician = makePhysician({ registrations: [makeRegistration()], pending: [{ type: 'multi_site_filing', registrationId: REG, filingId: null }] });
    expect(codesOf(eligibilityRefusals(changeRegistration, physician, { registrationId: REG }))).toEqual(['REGISTRATION_BUSY']);
    const changing = makePhysician({ registrations: [makeRegistration()], pending: [{ type: 'change_registration', registrationId: REG }] });
    expect(codesOf(eligibilityRefusals(changeRegistration, changing, { registrationId: REG }))).toEqual(['APPLICATION_PENDING']);
    expect(registrationStatusLabel('valid', { changePending: changePendingOn(changing, REG) })).toBe('有效（变更中）');
    expect(changePendingOn(physician, REG)).toBe(false);
  });

  it('domain §2.2 BT-06 [I]: a registration in 注册备案 may change institution (re-employment) but not its items', () => {
    const physician = makePhysician({ registrations: [makeRegistration({ status: 'filed' })] });
    expect(eligibilityRefusals(changeRegistration, physician, { registrationId: REG })).toEqual([]);
    expect(check(physician, { kind: 'main_institution', institutionId: CHAOYANG.id, department: '内科', startDate: '2026-11-01' }, CHAOYANG)).toEqual([]);
    expect(codesOf(check(physician, scopeChange(['12'], [evidence({ trainingMonths: 24 })], 'replace')))).toEqual(['REGISTRATION_NOT_VALID']);
  });

  it('domain §5.2: filings follow a registration that changes — those that no longer fit end', () => {
    const physician = makePhysician({
      registrations: [makeRegistration()],
      filings: [makeFiling(), makeFiling({ id: uid(22), institution: CHAOYANG })],
    });
    const form = parse({ kind: 'main_institution', institutionId: CHAOYANG.id, department: '内科', startDate: '2026-11-01' });
    const after = applyPlan(physician, planApproval(changeRegistration, { physician, form, institution: CHAOYANG, today: TODAY }));
    // 东城区 moves with the registration; 朝阳区 is now the main institution, so its filing ends
    expect(after.physician.filings.map((f) => [f.institution.id, f.status, f.registrationId])).toEqual([
      [DONGCHENG.id, 'active', after.openedRegistrationId], [CHAOYANG.id, 'revoked', REG],
    ]);
  });

  it('《医师法》第十八条: the exemptions are guidance, not applications', () => {
    expect(CHANGE_KINDS).toEqual(['practice_location', 'main_institution', 'category', 'scopes']);
    expect(ChangeRegistrationForm.safeParse({ kind: 'consultation', registrationId: REG, reason: '会诊' }).success).toBe(false);
    expect(CHANGE_EXEMPTIONS.join('')).toMatch(/会诊.*医疗联合体/);
  });

  it('requires the reason the physician states', () => {
    const result = ChangeRegistrationForm.safeParse({ kind: 'scopes', registrationId: REG, reason: '  ', operation: 'add', scopes: ['12'], evidence: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['reason']);
  });
});
