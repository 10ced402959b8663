import { describe, it, expect } from 'vitest';
import {
  ACTIVATION_METHODS, ACTIVATION_METHOD_LABELS, ACTIVATION_STATUSES, ACTIVATION_STATUS_LABELS, REGISTRATION_STATUSES, REGISTRATION_STATUS_LABELS,
  activationMethodsFor, isInvalidRegistrationStatus,
} from './activation';

describe('activation', () => {
  it('labels account statuses in order', () => {
    expect(ACTIVATION_STATUSES.map((s) => ACTIVATION_STATUS_LABELS[s])).toEqual(['已注册未校验', '已校验', '已激活']);
    expect(ACTIVATION_METHODS.every((m) => ACTIVATION_METHOD_LABELS[m].length > 0)).toBe(true);
    expect(REGISTRATION_STATUSES.map((s) => REGISTRATION_STATUS_LABELS[s])).toEqual(['有效', '变更出', '注册备案', '中止', '注销']);
  });

  it('treats 变更出, 注册备案 and 注销 as invalid registrations (FAQ 无效状态)', () => {
    expect(REGISTRATION_STATUSES.filter(isInvalidRegistrationStatus)).toEqual(['transferred_out', 'filed', 'cancelled']);
  });

  it('offers the institution code to a validly registered physician in an e-registration region', () => {
    expect(activationMethodsFor({ registrationStatus: 'valid', inERegistrationRegion: true })).toEqual(['institution_code', 'auto_by_institution']);
  });

  it('activates on approval a physician from a region not yet on e-registration', () => {
    expect(activationMethodsFor({ registrationStatus: 'valid', inERegistrationRegion: false })).toEqual(['auto_on_approval']);
  });

  it('offers the qualification code to invalid registrations and the ticket too to new passers', () => {
    expect(activationMethodsFor({ registrationStatus: 'filed', inERegistrationRegion: true })).toEqual(['qualification_code']);
    expect(activationMethodsFor({ registrationStatus: null, inERegistrationRegion: true })).toEqual(['qualification_code', 'admission_ticket']);
  });
});
