import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PHYSICIAN_LEVELS } from '../reference/physician-levels';
import { PRACTICE_CATEGORIES } from '../reference/practice-categories';
import { formatLicenceCode, licenceCodePrefix, parseLicenceCode } from './licence-code';

describe('licence code (§4.2)', () => {
  it('formats the §4.2 synthetic example', () => {
    expect(formatLicenceCode({ level: 'physician', category: 'clinical', areaCode: '440300', serial: 123 })).toBe('110440300000123');
  });

  it('puts level, category and issuing area in the 9-digit prefix', () => {
    expect(licenceCodePrefix({ level: 'assistant', category: 'dental', areaCode: '370523' })).toBe('220370523');
    expect(licenceCodePrefix({ level: 'physician', category: 'public_health', areaCode: '110000' })).toBe('130110000');
    expect(licenceCodePrefix({ level: 'physician', category: 'tcm', areaCode: '410000' })).toBe('140410000');
  });

  it('refuses a serial outside 1–999999 and a malformed area', () => {
    expect(() => formatLicenceCode({ level: 'physician', category: 'clinical', areaCode: '440300', serial: 0 })).toThrowError(expect.objectContaining({ code: 'LICENCE_CODE_INVALID' }));
    expect(() => formatLicenceCode({ level: 'physician', category: 'clinical', areaCode: '440300', serial: 1_000_000 })).toThrow();
    expect(() => licenceCodePrefix({ level: 'physician', category: 'clinical', areaCode: '4403' })).toThrowError(expect.objectContaining({ code: 'REGION_CODE_INVALID' }));
  });

  it('reads real patterns, including 41/42 as 中医', () => {
    expect(parseLicenceCode('110230100000001')).toEqual({ ok: true, value: { code: '110230100000001', level: 'physician', category: 'clinical', categoryCode: '10', areaCode: '230100', serial: 1 } });
    expect(parseLicenceCode('242511529000007')).toMatchObject({ ok: true, value: { level: 'assistant', category: 'tcm', categoryCode: '42', areaCode: '511529' } });
    expect(parseLicenceCode('141510821000002')).toMatchObject({ ok: true, value: { category: 'tcm', areaCode: '510821' } });
  });

  it('refuses malformed codes, unknown level digits and category codes', () => {
    expect(parseLicenceCode('11044030000012')).toEqual({ ok: false, reason: 'format' });
    expect(parseLicenceCode('11044030000012A')).toEqual({ ok: false, reason: 'format' });
    expect(parseLicenceCode('310440300000123')).toEqual({ ok: false, reason: 'level' });
    expect(parseLicenceCode('150440300000123')).toEqual({ ok: false, reason: 'category' });
  });

  it('round-trips format and parse', () => {
    fc.assert(fc.property(
      fc.constantFrom(...PHYSICIAN_LEVELS), fc.constantFrom(...PRACTICE_CATEGORIES), fc.stringMatching(/^\d{6}$/), fc.integer({ min: 1, max: 999_999 }),
      (level, category, areaCode, serial) => {
        const r = parseLicenceCode(formatLicenceCode({ level, category, areaCode, serial }));
        return r.ok && r.value.level === level && r.value.category === category && r.value.areaCode === areaCode && r.value.serial === serial;
      },
    ));
  });
});
