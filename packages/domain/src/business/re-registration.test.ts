import { describe, expect, it } from 'vitest';
import { CANCELLATION_GROUND_INFO } from '../registration/cancellation-grounds';
import type { BarKind, RegistrationBar } from '../registration/registration-bars';
import { barEndsOn } from '../registration/registration-bars';
import type { PhysicianSnapshot } from '../registration/physician-snapshot';
import { eligibilityRefusals } from './eligibility';
import { planApproval } from './plan-approval';
import { reRegistration, type ReRegistrationForm } from './re-registration';
import { trainingMustReach } from './re-registration-evidence';
import { recheckAtDecision } from './recheck';
import { reviewRows } from './review-rows';
import { CHAOYANG, DECLARED, PDF, PUDONG, TODAY, codesOf, makePhysician, makeQualification, makeRegistration, uid } from './test-factories';

const REG = uid(11);
const cancelledOn = '2026-03-01';

function cancelled(overrides: Partial<PhysicianSnapshot> = {}): PhysicianSnapshot {
  return makePhysician({
    registrations: [makeRegistration({ status: 'cancelled' })],
    certificates: [],
    cancellations: [{ registrationId: REG, ground: 'assessment_failed_again', effectiveOn: cancelledOn }],
    ...overrides,
  });
}

const bar = (kind: BarKind, startsOn = cancelledOn): RegistrationBar => ({ kind, startsOn, endsOn: barEndsOn(kind, startsOn) });

function form(overrides: Partial<ReRegistrationForm> = {}): ReRegistrationForm {
  return {
    registrationId: REG, qualificationId: uid(1), practiceLocationCode: '110000', institutionId: CHAOYANG.id, category: 'clinical', scopes: ['11'],
    department: '内科', startDate: '2026-10-01', declarations: DECLARED,
    assessment: { assessedBy: '北京市卫生健康委员会', passedOn: '2026-09-01', fileSha256: PDF },
    training: { institution: '北京协和医院', from: '2026-01-05', to: '2026-07-04', fileSha256: PDF },
    ...overrides,
  };
}

const refusals = (physician: PhysicianSnapshot, today = TODAY) => eligibilityRefusals(reRegistration, physician, { registrationId: REG }, today);

describe('BT-08 重新注册: who may apply', () => {
  it('《医师法》第十九条: a physician whose registration was 注销 and who holds none may apply', () => {
    expect(refusals(cancelled())).toEqual([]);
  });

  it('refuses a registration that is not 注销', () => {
    expect(codesOf(refusals(makePhysician({ registrations: [makeRegistration()] })))).toEqual(['REGISTRATION_NOT_VALID']);
  });

  it('refuses while another registration is still held, and points a 注册备案 to 变更注册', () => {
    const filed = makeRegistration({ id: uid(12), status: 'filed', practiceLocationCode: '310000', mainInstitution: PUDONG });
    const errors = refusals(cancelled({ registrations: [makeRegistration({ status: 'cancelled' }), filed] }));
    expect(codesOf(errors)).toEqual(['STILL_REGISTERED']);
    expect(errors[0]?.message).toContain('「注册备案」');
    expect(errors[0]?.message).toContain('变更注册');
  });

  it('refuses without a valid qualification', () => {
    expect(codesOf(refusals(cancelled({ qualifications: [makeQualification({ status: 'revoked' })] })))).toEqual(['QUALIFICATION_REQUIRED']);
  });

  it('allows one 重新注册 at a time, whichever cancelled registration it follows on', () => {
    const second = makeRegistration({ id: uid(12), status: 'cancelled', practiceLocationCode: '310000', mainInstitution: PUDONG });
    const physician = cancelled({ registrations: [makeRegistration({ status: 'cancelled' }), second], pending: [{ type: 're_registration', registrationId: uid(12) }] });
    expect(codesOf(refusals(physician))).toEqual(['APPLICATION_PENDING']);
  });
});

describe('BT-08 重新注册: 不予注册的期限 (《医师法》第十六条、第五十四条)', () => {
  it.each([
    ['assessment_cancelled', '《医师法》第十六条第四项', '2027-02-28', '2027-03-01'],
    ['revoked', '《医师法》第十六条第三项', '2028-02-29', '2028-03-01'],
    ['criminal_penalty', '《医师法》第十六条第二项', '2028-02-29', '2028-03-01'],
    ['improper_means', '《医师法》第五十四条', '2029-02-28', '2029-03-01'],
  ] as const)('%s: refused until %s with the basis and the end date, eligible on the day after', (kind, basis, lastDay, dayAfter) => {
    const physician = cancelled({ bars: [bar(kind)] });
    const errors = refusals(physician, lastDay);
    expect(codesOf(errors)).toEqual(['REGISTRATION_BARRED']);
    expect(errors[0]?.message).toContain(basis);
    expect(errors[0]?.message).toContain(`至${lastDay}止`);
    expect(refusals(physician, dayAfter)).toEqual([]);
  });

  it('《医师法》第十六条第四项: a cancellation for a failed assessment bars re-registration for one year', () => {
    const physician = cancelled({ bars: [bar('assessment_cancelled')] });
    expect(codesOf(refusals(physician, '2026-10-08'))).toEqual(['REGISTRATION_BARRED']);
    expect(refusals(physician, '2027-03-01')).toEqual([]);
  });

  it('a criminal penalty whose sentence is not yet served bars with no end date', () => {
    const errors = refusals(cancelled({ bars: [{ kind: 'criminal_penalty', startsOn: cancelledOn, endsOn: null }] }), '2035-01-01');
    expect(errors[0]?.message).toContain('结束日期待登记');
  });

  it('lists every running bar', () => {
    expect(codesOf(refusals(cancelled({ bars: [bar('revoked'), bar('improper_means')] }), '2028-06-01'))).toEqual(['REGISTRATION_BARRED']);
    expect(codesOf(refusals(cancelled({ bars: [bar('revoked'), bar('improper_means')] }), '2027-06-01'))).toEqual(['REGISTRATION_BARRED', 'REGISTRATION_BARRED']);
  });
});

describe('BT-08 重新注册: the form', () => {
  const check = (f: ReRegistrationForm, physician = cancelled()) => reRegistration.checkApplication({ physician, form: f, institution: CHAOYANG, today: TODAY });

  it('passes with the assessment and a six months\' training', () => {
    expect(check(form())).toEqual([]);
  });

  it('《医师执业注册管理办法》 六个月以上连续培训: refuses a shorter training on the end date, with the day it must reach', () => {
    expect(trainingMustReach('2026-01-05')).toBe('2026-07-04');
    expect(trainingMustReach('2026-08-31')).toBe('2027-02-27');
    const errors = check(form({ training: { institution: '北京协和医院', from: '2026-01-05', to: '2026-07-03', fileSha256: PDF } }));
    expect(errors.map((e) => [e.code, e.path])).toEqual([['TRAINING_TOO_SHORT', ['training', 'to']]]);
    expect(errors[0]?.message).toContain('六个月以上连续培训');
    expect(errors[0]?.message).toContain('2026-07-04');
  });

  it('refuses a training not yet finished and an assessment dated in the future', () => {
    const errors = check(form({
      assessment: { assessedBy: '北京市卫生健康委员会', passedOn: '2026-12-01', fileSha256: PDF },
      training: { institution: '北京协和医院', from: '2026-05-01', to: '2026-12-31', fileSha256: PDF },
    }));
    expect(errors.map((e) => e.path)).toEqual([['assessment', 'passedOn'], ['training', 'to']]);
  });

  it('《医师执业注册管理办法》: 执业类别 must be the qualification\'s category', () => {
    expect(check(form({ category: 'dental' })).map((e) => e.path)).toContainEqual(['category']);
  });

  it('refuses an institution outside the chosen 执业地点', () => {
    expect(codesOf(check(form({ practiceLocationCode: '310000' })))).toEqual(['INSTITUTION_OUTSIDE_PRACTICE_LOCATION']);
  });
});

describe('BT-08 重新注册: the decision', () => {
  it('the 审核表 shows the cancelled registration, the assessment and the training', () => {
    const rows = reviewRows(reRegistration, { physician: cancelled(), form: form(), institution: CHAOYANG, today: TODAY });
    const row = (field: string) => rows.find((r) => r.field === field)!;
    expect(row('registrationStatus')).toMatchObject({
      old: `注销（2026-03-01注销：${CANCELLATION_GROUND_INFO.assessment_failed_again.label}）`, new: '有效（重新注册，原注册保持注销）', changed: true,
    });
    expect(row('mainInstitution')).toMatchObject({ old: makeRegistration().mainInstitution.name, new: CHAOYANG.name });
    expect(row('assessment').new).toBe('北京市卫生健康委员会，2026-09-01考核合格');
    expect(row('training').new).toBe('北京协和医院，2026-01-05 至 2026-07-04');
  });

  it('opens a new registration whose seniority counts from the first approval at the level (§5.5)', () => {
    const steps = planApproval(reRegistration, { physician: cancelled(), form: form(), institution: CHAOYANG, today: TODAY });
    const opened = steps.find((s) => s.kind === 'open_registration');
    expect(opened?.kind === 'open_registration' && opened.registration).toMatchObject({ seniorityFrom: '2019-12-20', replaces: null, approvedOn: TODAY });
    expect(steps.some((s) => s.kind === 'registration')).toBe(false);
  });

  it('re-checks the bars at the decision: a bar recorded after submission refuses', () => {
    const ctx = { physician: cancelled({ bars: [bar('revoked', '2026-09-20')] }), form: form(), institution: CHAOYANG, today: TODAY, stage: 'decision' as const };
    const errors = recheckAtDecision(reRegistration, ctx, {});
    expect(codesOf(errors)).toEqual(['REGISTRATION_BARRED']);
    expect(errors[0]?.message).toContain('至2028-09-19止');
  });
});
