import { describe, expect, it } from 'vitest';
import { applyPlan } from './apply-plan';
import { certificateReissue } from './certificate-reissue';
import { eligibilityRefusals } from './eligibility';
import { planApproval } from './plan-approval';
import { TODAY, codesOf, makePhysician, makeRegistration, uid } from './test-factories';

const REG = uid(11);

describe('BT-09 补发/换领执业证书', () => {
  it('domain §2.2 BT-09: 补发/换领 supersedes the old certificate (已换发) with a new one of the same code', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    const form = certificateReissue.form.parse({ registrationId: REG, reason: 'damaged' });
    const after = applyPlan(physician, planApproval(certificateReissue, { physician, form, today: TODAY })).physician;
    expect(after.certificates).toEqual([
      expect.objectContaining({ id: uid(31), status: 'superseded' }),
      expect.objectContaining({ status: 'issued', licenceCode: '110110108000001', issuedOn: TODAY }),
    ]);
  });

  it('needs a certificate in force on a 有效 or 中止 registration', () => {
    const registration = makeRegistration();
    expect(codesOf(eligibilityRefusals(certificateReissue, makePhysician({ registrations: [registration], certificates: [] }), { registrationId: REG })))
      .toEqual(['CERTIFICATE_NOT_ISSUED']);
    expect(codesOf(eligibilityRefusals(certificateReissue, makePhysician({ registrations: [makeRegistration({ status: 'cancelled' })] }), { registrationId: REG })))
      .toEqual(['REGISTRATION_NOT_VALID']);
    expect(eligibilityRefusals(certificateReissue, makePhysician({ registrations: [makeRegistration({ status: 'suspended' })] }), { registrationId: REG })).toEqual([]);
  });
});
