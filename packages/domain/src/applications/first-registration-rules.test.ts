import { describe, expect, it } from 'vitest';
import {
  checkCategory, checkDepartment, checkEducation, checkPracticePlace, checkStartDate, checkTitle, placeContains, resolvePracticeLocation,
} from './first-registration-rules';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('执业地点 (《医师执业注册管理办法》第七条)', () => {
  it('takes a province for 执业医师 and refuses a county', () => {
    expect(codeOf(() => checkPracticePlace('physician', '110000'))).toBeUndefined();
    expect(codeOf(() => checkPracticePlace('physician', '110108'))).toBe('PRACTICE_LOCATION_INVALID');
    expect(codeOf(() => checkPracticePlace('physician', '999999'))).toBe('PRACTICE_LOCATION_INVALID');
  });

  it('lets an assistant search a province, city or county', () => {
    for (const code of ['440000', '440300', '440305']) expect(codeOf(() => checkPracticePlace('assistant', code))).toBeUndefined();
  });

  it('knows which places contain an institution county', () => {
    expect(placeContains('440000', '440305')).toBe(true);
    expect(placeContains('440300', '440305')).toBe(true);
    expect(placeContains('440305', '440305')).toBe(true);
    expect(placeContains('110000', '440305')).toBe(false);
    expect(placeContains('440100', '440305')).toBe(false);
  });

  it('gives a 执业医师 the province and an assistant the institution county', () => {
    expect(resolvePracticeLocation('physician', '110000', '110108')).toBe('110000');
    expect(resolvePracticeLocation('assistant', '110000', '110108')).toBe('110108');
    expect(resolvePracticeLocation('assistant', undefined, '440305')).toBe('440305');
  });

  it('refuses an institution outside the chosen place, on the institution field', () => {
    expect(() => resolvePracticeLocation('physician', '440000', '110108')).toThrowError(
      expect.objectContaining({ code: 'INSTITUTION_OUTSIDE_PRACTICE_LOCATION', path: ['institutionId'] }),
    );
    expect(codeOf(() => resolvePracticeLocation('assistant', '110101', '110108'))).toBe('INSTITUTION_OUTSIDE_PRACTICE_LOCATION');
  });
});

describe('the other fields of the form', () => {
  it('requires the qualification category', () => {
    expect(codeOf(() => checkCategory('clinical', 'clinical'))).toBeUndefined();
    expect(() => checkCategory('dental', 'clinical')).toThrowError(expect.objectContaining({ code: 'CATEGORY_MISMATCH', path: ['category'] }));
  });

  it('takes a department the institution has set up, or any when it has none', () => {
    expect(codeOf(() => checkDepartment('内科', ['内科', '外科']))).toBeUndefined();
    expect(codeOf(() => checkDepartment('眼科', ['内科', '外科']))).toBe('DEPARTMENT_NOT_AVAILABLE');
    expect(codeOf(() => checkDepartment('眼科', []))).toBeUndefined();
  });

  it('takes titles, education and degrees by their labels', () => {
    expect(codeOf(() => checkTitle('住院医师'))).toBeUndefined();
    expect(codeOf(() => checkTitle('院长'))).toBe('TITLE_UNKNOWN');
    expect(codeOf(() => checkEducation({ education: '本科', degree: '学士', graduationDate: '2023-07-01' }, '2026-11-27'))).toBeUndefined();
    expect(codeOf(() => checkEducation({ education: '小学' }, '2026-11-27'))).toBe('EDUCATION_UNKNOWN');
    expect(codeOf(() => checkEducation({ degree: '博士后' }, '2026-11-27'))).toBe('DEGREE_UNKNOWN');
    expect(codeOf(() => checkEducation({ graduationDate: '2027-07-01' }, '2026-11-27'))).toBe('GRADUATION_DATE_IN_FUTURE');
  });

  it('accepts a past 拟在该机构执业时间 (the assistant certificate date) but not one years ahead', () => {
    expect(codeOf(() => checkStartDate('2019-03-01', '2026-11-27'))).toBeUndefined();
    expect(codeOf(() => checkStartDate('2026-11-27', '2026-11-27'))).toBeUndefined();
    expect(codeOf(() => checkStartDate('2029-01-01', '2026-11-27'))).toBe('START_DATE_OUT_OF_RANGE');
    expect(codeOf(() => checkStartDate('2026-02-30', '2026-11-27'))).toBe('START_DATE_OUT_OF_RANGE');
  });
});
