import { describe, expect, it } from 'vitest';
import { activationSituationOf, mustUseInstitutionCode, physicianActivationMethods, type RegistrationFacts } from './physician-activation';

const reg = (o: Partial<RegistrationFacts> = {}): RegistrationFacts => ({ status: 'valid', training: false, eRegistrationEnabled: true, ...o });

describe('physician activation paths', () => {
  it('treats a physician without registrations as 有资格未注册: certificate code or admission ticket', () => {
    expect(activationSituationOf([])).toEqual({ registrationStatus: null, inERegistrationRegion: true, training: false });
    expect(physicianActivationMethods([])).toEqual(['qualification_code', 'admission_ticket']);
  });

  it('sends a validly registered physician in an e-registration region to the institution', () => {
    expect(physicianActivationMethods([reg()])).toEqual(['institution_code', 'auto_by_institution']);
    expect(mustUseInstitutionCode([reg()])).toBe(true);
  });

  it('lets a 规培 resident activate with the certificate code (seed 三)', () => {
    expect(physicianActivationMethods([reg({ training: true })])).toEqual(['qualification_code', 'institution_code', 'auto_by_institution']);
    expect(mustUseInstitutionCode([reg({ training: true })])).toBe(false);
  });

  it('prefers a live registration over invalid ones', () => {
    expect(activationSituationOf([reg({ status: 'cancelled' }), reg({ status: 'suspended' })]).registrationStatus).toBe('suspended');
    expect(physicianActivationMethods([reg({ status: 'filed' }), reg({ status: 'transferred_out' })])).toEqual(['qualification_code']);
  });

  it('activates on approval a physician registered only in a region without e-registration (seed 六)', () => {
    expect(physicianActivationMethods([reg({ eRegistrationEnabled: false })])).toEqual(['auto_on_approval']);
    expect(physicianActivationMethods([reg({ eRegistrationEnabled: false }), reg()])).toEqual(['institution_code', 'auto_by_institution']);
  });

  it('ignores the training flag of an invalid registration', () => {
    expect(activationSituationOf([reg({ status: 'cancelled', training: true })]).training).toBe(false);
  });
});
