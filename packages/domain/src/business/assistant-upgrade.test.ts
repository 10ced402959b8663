import { describe, expect, it } from 'vitest';
import { parseLicenceCode, formatLicenceCode } from '../identifiers/licence-code';
import { seniorityStart } from '../registration/seniority';
import { applyPlan } from './apply-plan';
import { AssistantUpgradeForm, assistantUpgrade } from './assistant-upgrade';
import { eligibilityRefusals } from './eligibility';
import { planApproval, type OpenedRegistration } from './plan-approval';
import {
  DECLARED, HAIDIAN, NANSHAN, TODAY, codesOf, makePhysician, makeQualification, makeRegistration, makeUpgradingAssistant, uid,
} from './test-factories';

const REG = uid(11);
const sameInstitution = AssistantUpgradeForm.parse({ mode: 'same_institution', registrationId: REG, qualificationId: uid(3), scopes: ['11'], declarations: DECLARED });

function opened(physician = makeUpgradingAssistant(), decidedOn = TODAY): OpenedRegistration {
  const step = planApproval(assistantUpgrade, { physician, form: sameInstitution, today: TODAY }, decidedOn).find((s) => s.kind === 'open_registration');
  if (step?.kind !== 'open_registration') throw new Error('no registration opened');
  return step.registration;
}

describe('BT-04 助理升执业', () => {
  it('domain §2.2 BT-04: 助理升执业 needs a 执业医师 qualification of the same category', () => {
    expect(eligibilityRefusals(assistantUpgrade, makeUpgradingAssistant(), { registrationId: REG })).toEqual([]);
    const otherCategory = makeUpgradingAssistant({
      qualifications: [makeQualification({ id: uid(2), level: 'assistant' }), makeQualification({ id: uid(3), category: 'dental' })],
    });
    expect(codesOf(eligibilityRefusals(assistantUpgrade, otherCategory, { registrationId: REG }))).toEqual(['UPGRADE_QUALIFICATION_REQUIRED']);
    expect(codesOf(assistantUpgrade.checkApplication({ physician: otherCategory, form: { ...sameInstitution, qualificationId: uid(3) }, today: TODAY })))
      .toEqual(['UPGRADE_QUALIFICATION_REQUIRED']);
    const notYet = makeUpgradingAssistant({ qualifications: [makeQualification({ id: uid(2), level: 'assistant' })] });
    expect(codesOf(eligibilityRefusals(assistantUpgrade, notYet, { registrationId: REG }))).toEqual(['UPGRADE_QUALIFICATION_REQUIRED']);
  });

  it('applies to an assistant registration only', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    expect(codesOf(eligibilityRefusals(assistantUpgrade, physician, { registrationId: REG }))).toEqual(['UPGRADE_ASSISTANT_ONLY']);
  });

  it('domain §4.2: the upgraded physician\'s new 执业证书编码 starts with 1', () => {
    const licence = opened().licence;
    expect(licence.prefix).toBe('110110108');
    const code = formatLicenceCode({ ...licence, serial: 42 });
    expect(code[0]).toBe('1');
    expect(parseLicenceCode(code)).toMatchObject({ ok: true, value: { level: 'physician', category: 'clinical' } });
  });

  it('《医师执业注册管理办法》第七条: 助理升执业 widens the 执业地点 from the county to the province', () => {
    const physician = makeUpgradingAssistant();
    expect(physician.registrations[0]?.practiceLocationCode).toBe('110108');
    expect(opened(physician)).toMatchObject({ level: 'physician', practiceLocationCode: '110000', mainInstitution: HAIDIAN, replaces: REG, qualificationId: uid(3) });
  });

  it('domain §2.2 BT-04 [I]: the assistant registration closes and its certificate is superseded', () => {
    const physician = makeUpgradingAssistant();
    const after = applyPlan(physician, planApproval(assistantUpgrade, { physician, form: sameInstitution, today: TODAY })).physician;
    expect(after.registrations.map((r) => [r.level, r.status])).toEqual([['assistant', 'transferred_out'], ['physician', 'valid']]);
    expect(after.certificates.map((c) => c.status)).toEqual(['superseded', 'issued']);
  });

  it('domain §5.5: seniority as 执业医师 counts from the upgrade\'s approval, the assistant years stay with the assistant level', () => {
    const physician = makeUpgradingAssistant();
    const registration = opened(physician, '2026-10-20');
    expect(registration.seniorityFrom).toBe('2026-10-20');
    expect(registration.approvedOn).toBe('2026-10-20');
    const after = [...physician.registrations, { level: registration.level, approvedOn: registration.approvedOn }];
    expect(seniorityStart(after, 'assistant')).toBe('2019-12-20');
  });

  it('with a change of institution, registers as 首次注册 would there (the province of the new institution)', () => {
    const form = AssistantUpgradeForm.parse({
      mode: 'new_institution', registrationId: REG, qualificationId: uid(3), scopes: ['11'], declarations: DECLARED,
      practiceLocationCode: '110000', institutionId: NANSHAN.id, department: '内科', startDate: '2026-11-01',
    });
    const errors = assistantUpgrade.checkApplication({ physician: makeUpgradingAssistant(), form, institution: NANSHAN, today: TODAY });
    expect(errors.map((e) => [e.code, e.path])).toEqual([['INSTITUTION_OUTSIDE_PRACTICE_LOCATION', ['institutionId']]]);
  });
});
