import { describe, expect, it } from 'vitest';
import { eligibilityRefusals } from './eligibility';
import { firstRegistration } from './first-registration';
import { codesOf, makePhysician, makeQualification, makeRegistration, makeUpgradingAssistant } from './test-factories';

describe('BT-01 首次注册 as a definition', () => {
  it('《医师法》第十三条: 首次注册 needs a valid qualification', () => {
    expect(codesOf(eligibilityRefusals(firstRegistration, makePhysician({ qualifications: [makeQualification({ status: 'revoked' })] }))))
      .toEqual(['QUALIFICATION_REQUIRED']);
    expect(eligibilityRefusals(firstRegistration, makePhysician())).toEqual([]);
  });

  it('《医师执业注册管理办法》第十七条: an assistant already registered cannot open a second registration', () => {
    expect(codesOf(eligibilityRefusals(firstRegistration, makeUpgradingAssistant()))).toEqual(['ALREADY_REGISTERED']);
  });

  it('《医师法》第十九条: after 注销 the physician applies for 重新注册, not 首次注册', () => {
    const physician = makePhysician({ registrations: [makeRegistration({ status: 'cancelled' })] });
    expect(codesOf(eligibilityRefusals(firstRegistration, physician))).toEqual(['RE_REGISTRATION_REQUIRED']);
  });

  it('waits for a 首次注册 already in progress', () => {
    const physician = makePhysician({ pending: [{ type: 'first_registration', registrationId: null }] });
    expect(codesOf(eligibilityRefusals(firstRegistration, physician))).toEqual(['APPLICATION_PENDING']);
  });
});
