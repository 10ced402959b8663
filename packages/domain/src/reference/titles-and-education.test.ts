import { describe, it, expect } from 'vitest';
import { ACADEMIC_DEGREES, ACADEMIC_DEGREE_LABELS, EDUCATION_LEVELS, EDUCATION_LEVEL_LABELS, isEducationLevel } from './education';
import { PHYSICIAN_TITLES, PHYSICIAN_TITLE_INFO, isPhysicianTitle } from './titles';

describe('titles and education', () => {
  it('labels the five titles in ascending order', () => {
    expect(PHYSICIAN_TITLES.map((t) => PHYSICIAN_TITLE_INFO[t].label)).toEqual(['医士', '住院医师', '主治医师', '副主任医师', '主任医师']);
    expect(isPhysicianTitle('chief')).toBe(true);
    expect(isPhysicianTitle('主任医师')).toBe(false);
  });

  it('labels education levels and degrees', () => {
    expect(EDUCATION_LEVELS.map((e) => EDUCATION_LEVEL_LABELS[e])).toEqual(['中专', '大专', '本科', '硕士研究生', '博士研究生']);
    expect(ACADEMIC_DEGREES.map((d) => ACADEMIC_DEGREE_LABELS[d])).toEqual(['无', '学士', '硕士', '博士']);
    expect(isEducationLevel('bachelor')).toBe(true);
    expect(isEducationLevel('phd')).toBe(false);
  });
});
