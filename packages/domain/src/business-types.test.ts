import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from './calendar/iso-date';
import { BUSINESS_TYPES, BUSINESS_TYPE_INFO, INELIGIBLE_CASES, INELIGIBLE_CASE_INFO, businessCode, parseBusinessCode } from './business-types';

describe('business types (§2.2)', () => {
  it('catalogues BT-01…BT-05 and BT-07…BT-09 with unique codes', () => {
    expect(BUSINESS_TYPES.map((t) => BUSINESS_TYPE_INFO[t].id)).toEqual(['BT-01', 'BT-02', 'BT-03', 'BT-04', 'BT-05', 'BT-07', 'BT-08', 'BT-09']);
    expect(BUSINESS_TYPES.map((t) => BUSINESS_TYPE_INFO[t].code)).toEqual(['01', '02', '03', '04', '05', '07', '08', '09']);
    expect(new Set(BUSINESS_TYPES.map((t) => BUSINESS_TYPE_INFO[t].code)).size).toBe(BUSINESS_TYPES.length);
    expect(BUSINESS_TYPE_INFO.first_registration.label).toBe('首次注册');
    expect(BUSINESS_TYPE_INFO.additional_registration.levels).toEqual(['physician']);
    expect(BUSINESS_TYPE_INFO.multi_site_filing.statutoryWorkingDays).toBeNull();
    expect(BUSINESS_TYPE_INFO.certificate_reissue).toMatchObject({ label: '补发/换领执业证书', statutoryWorkingDays: null });
    expect(parseBusinessCode('BT092026100800000001')?.type).toBe('certificate_reissue');
  });

  it('explains where each ineligible case goes instead', () => {
    expect(INELIGIBLE_CASES.map((c) => INELIGIBLE_CASE_INFO[c].label)).toEqual([
      '补录老政策的认定资格', '港澳台医师内地资格认定', '港澳台医师内地短期行医', '外国医师内地短期行医',
    ]);
    for (const c of INELIGIBLE_CASES) expect(INELIGIBLE_CASE_INFO[c].explanation).toMatch(/卫生健康行政部门/);
  });
});

describe('businessCode', () => {
  it('builds a 20-character Code 128-friendly number', () => {
    expect(businessCode('first_registration', '2026-10-08', 17)).toBe('BT012026100800000017');
  });

  it('dates a Date in Beijing time', () => {
    expect(businessCode('cancellation', new Date('2026-10-07T16:30:00Z'), 1)).toBe('BT072026100800000001');
  });

  it('refuses a sequence outside 1–99999999 or a bad date', () => {
    expect(() => businessCode('first_registration', '2026-10-08', 0)).toThrowError(expect.objectContaining({ code: 'BUSINESS_CODE_INVALID' }));
    expect(() => businessCode('first_registration', '2026-10-08', 100_000_000)).toThrow();
    expect(() => businessCode('first_registration', '2026-02-30', 1)).toThrow();
  });

  it('round-trips through parseBusinessCode and stays within 20 letters and digits', () => {
    fc.assert(fc.property(
      fc.constantFrom(...BUSINESS_TYPES), fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2099-12-31') }).map(fromDayNumber),
      fc.integer({ min: 1, max: 99_999_999 }),
      (type, date, seq) => {
        const code = businessCode(type, date, seq);
        const back = parseBusinessCode(code);
        return /^[0-9A-Z]{1,20}$/.test(code) && back?.type === type && back.date === date && back.seq === seq;
      },
    ));
  });

  it('does not read other strings as business numbers', () => {
    expect(parseBusinessCode('BT992026100800000017')).toBeUndefined();
    expect(parseBusinessCode('BT012026023000000017')).toBeUndefined();
    expect(parseBusinessCode('BT01202610080000001')).toBeUndefined();
  });
});
