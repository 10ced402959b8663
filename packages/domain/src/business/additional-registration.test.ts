import { describe, expect, it } from 'vitest';
import { applyPlan } from './apply-plan';
import { additionalRegistration, ADDITIONAL_REGISTRATION_EXPLANATION, type AdditionalRegistrationForm } from './additional-registration';
import { changeRegistration } from './change-registration';
import { eligibilityRefusals } from './eligibility';
import { planApproval } from './plan-approval';
import { CHAOYANG, DECLARED, NANSHAN, PUDONG, TODAY, codesOf, makePhysician, makeRegistration, makeUpgradingAssistant, uid } from './test-factories';

const REG = uid(11);
const form = (institutionId: string, practiceLocationCode: string): AdditionalRegistrationForm =>
  ({ registrationId: REG, practiceLocationCode, institutionId, department: '内科', startDate: '2026-11-01', declarations: DECLARED });

describe('BT-02 增加执业地点注册', () => {
  it('《医师执业注册管理办法》第十七条: 增加执业地点 only for 执业医师', () => {
    expect(codesOf(eligibilityRefusals(additionalRegistration, makeUpgradingAssistant(), { registrationId: REG }))).toEqual(['ADDITIONAL_REGISTRATION_PHYSICIAN_ONLY']);
    expect(eligibilityRefusals(additionalRegistration, makePhysician({ registrations: [makeRegistration()] }), { registrationId: REG })).toEqual([]);
  });

  it('domain §2.2 BT-02: only on a 有效 registration', () => {
    const physician = makePhysician({ registrations: [makeRegistration({ status: 'suspended' })] });
    expect(codesOf(eligibilityRefusals(additionalRegistration, physician, { registrationId: REG }))).toEqual(['REGISTRATION_NOT_VALID']);
  });

  it('Appendix A.2 item 6: one registration per province — a further institution there is a filing or a change', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    const errors = additionalRegistration.checkApplication({ physician, form: form(CHAOYANG.id, '110000'), institution: CHAOYANG, today: TODAY });
    expect(codesOf(errors)).toEqual(['PROVINCE_ALREADY_REGISTERED']);
    expect(errors[0]?.message).toContain('多机构备案');
  });

  it('[S17] domain §2.2 BT-02: 增加执业地点 keeps the old registration 有效, 变更执业地点 makes it 变更出', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    const added = applyPlan(physician, planApproval(additionalRegistration, { physician, form: form(NANSHAN.id, '440000'), institution: NANSHAN, today: TODAY })).physician;
    expect(added.registrations.map((r) => [r.practiceLocationCode, r.status])).toEqual([['110000', 'valid'], ['440000', 'valid']]);

    const changeForm = changeRegistration.form.parse({
      kind: 'practice_location', registrationId: REG, reason: '工作调动', practiceLocationCode: '310000', institutionId: PUDONG.id, department: '内科', startDate: '2026-11-01',
    });
    const moved = applyPlan(physician, planApproval(changeRegistration, { physician, form: changeForm, institution: PUDONG, today: TODAY })).physician;
    expect(moved.registrations.map((r) => [r.practiceLocationCode, r.status])).toEqual([['110000', 'transferred_out'], ['310000', 'valid']]);
    expect(ADDITIONAL_REGISTRATION_EXPLANATION).toContain('原执业地点的注册继续有效');
    expect(ADDITIONAL_REGISTRATION_EXPLANATION).toContain('变更出');
  });

  it('refuses an institution outside the chosen province, on the institution field', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    const errors = additionalRegistration.checkApplication({ physician, form: form(NANSHAN.id, '310000'), institution: NANSHAN, today: TODAY });
    expect(errors.map((e) => [e.code, e.path])).toEqual([['INSTITUTION_OUTSIDE_PRACTICE_LOCATION', ['institutionId']]]);
  });
});
