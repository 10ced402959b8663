import { describe, it, expect } from 'vitest';
import { PHYSICIAN_LEVEL_INFO, PHYSICIAN_LEVELS, physicianLevelFromDigit } from './physician-levels';
import { PRACTICE_CATEGORIES, PRACTICE_CATEGORY_INFO, examCategoryToLevelAndCategory, practiceCategoryFromCode } from './practice-categories';

describe('physician levels', () => {
  it('labels 执业医师 with digit 1 and 执业助理医师 with digit 2', () => {
    expect(PHYSICIAN_LEVELS).toEqual(['physician', 'assistant']);
    expect(PHYSICIAN_LEVEL_INFO.physician).toMatchObject({ label: '执业医师', digit: '1' });
    expect(PHYSICIAN_LEVEL_INFO.assistant).toMatchObject({ label: '执业助理医师', digit: '2' });
    expect(physicianLevelFromDigit('2')).toBe('assistant');
    expect(physicianLevelFromDigit('3')).toBeUndefined();
  });
});

describe('practice categories', () => {
  it('has the four categories with statistic codes 1–4 and certificate codes 10–40', () => {
    expect(PRACTICE_CATEGORIES.map((c) => PRACTICE_CATEGORY_INFO[c].label)).toEqual(['临床', '口腔', '公共卫生', '中医']);
    expect(PRACTICE_CATEGORIES.map((c) => PRACTICE_CATEGORY_INFO[c].statisticCode)).toEqual(['1', '2', '3', '4']);
    expect(PRACTICE_CATEGORIES.map((c) => PRACTICE_CATEGORY_INFO[c].categoryCode)).toEqual(['10', '20', '30', '40']);
  });

  it('reads 41 and 42 on real certificates as 中医', () => {
    expect(practiceCategoryFromCode('41')).toBe('tcm');
    expect(practiceCategoryFromCode('42')).toBe('tcm');
    expect(practiceCategoryFromCode('10')).toBe('clinical');
    expect(practiceCategoryFromCode('50')).toBeUndefined();
  });
});

describe('examCategoryToLevelAndCategory (§4.3)', () => {
  it.each([
    ['110', 'physician', 'clinical'], ['210', 'assistant', 'clinical'],
    ['120', 'physician', 'dental'], ['220', 'assistant', 'dental'],
    ['130', 'physician', 'public_health'], ['230', 'assistant', 'public_health'],
    ['140', 'physician', 'tcm'], ['141', 'physician', 'tcm'], ['145', 'physician', 'tcm'], ['241', 'assistant', 'tcm'],
    ['150', 'physician', 'tcm'], ['250', 'assistant', 'tcm'],
    ['341', 'physician', 'tcm'], ['345', 'physician', 'tcm'], ['441', 'assistant', 'tcm'], ['445', 'assistant', 'tcm'],
  ])('maps %s to %s / %s', (code, level, category) => {
    expect(examCategoryToLevelAndCategory(code)).toEqual({ level, category });
  });

  it('returns undefined for codes outside the tables', () => {
    for (const code of ['160', '510', '11', '1100', 'abc', '']) expect(examCategoryToLevelAndCategory(code)).toBeUndefined();
  });
});
