import { describe, it, expect } from 'vitest';
import { PRACTICE_CATEGORIES } from './practice-categories';
import { PRACTICE_SCOPES, getScope, scopesOfCategory } from './practice-scopes';

describe('practice scope catalogue (卫医发〔2001〕169号)', () => {
  it('gives every scope a unique code', () => {
    expect(new Set(PRACTICE_SCOPES.map((s) => s.code)).size).toBe(PRACTICE_SCOPES.length);
  });

  it('has the 17 clinical scopes with statistic codes 11–26 and 57', () => {
    const clinical = scopesOfCategory('clinical');
    expect(clinical).toHaveLength(17);
    expect(clinical.map((s) => s.code)).toEqual([...Array.from({ length: 16 }, (_, i) => String(11 + i)), '57']);
  });

  it('labels scopes with their sub-specialities', () => {
    expect(getScope('11')).toEqual({ code: '11', category: 'clinical', name: '内科专业', label: '内科专业（含老年医学专业、传染病专业）' });
    expect(getScope('12')?.label).toBe('外科专业（含运动医学专业、麻醉专业）');
  });

  it('lists dental, public-health and TCM scopes', () => {
    expect(scopesOfCategory('dental').map((s) => s.name)).toEqual(['口腔专业', '口腔麻醉专业', '口腔病理专业', '口腔影像专业', '省级以上卫生行政部门规定的其他专业']);
    expect(scopesOfCategory('public_health').map((s) => s.code)).toEqual(['41', '59']);
    expect(scopesOfCategory('tcm').map((s) => s.name)).toEqual([
      '中医专业', '中西医结合专业', '蒙医专业', '藏医专业', '维医专业', '傣医专业', '全科医学专业', '省级以上卫生行政部门规定的其他专业',
    ]);
  });

  it('gives each category at least one scope and an "other" entry', () => {
    for (const c of PRACTICE_CATEGORIES) {
      expect(scopesOfCategory(c).some((s) => s.name.startsWith('省级以上'))).toBe(true);
    }
  });

  it('returns undefined for an unknown code', () => {
    expect(getScope('99')).toBeUndefined();
  });
});
