import { describe, it, expect } from 'vitest';
import {
  allRegions, cityCodeOf, getRegion, isCountyLevel, listChildren, listProvinces, parentChain, provinceCodeOf, regionFullName, regionLevel,
} from './regions';

describe('regions (GB/T 2260)', () => {
  it('chains 110101 as 北京市 → 东城区 (no 市辖区 placeholder)', () => {
    expect(parentChain('110101').map((r) => r.name)).toEqual(['北京市', '东城区']);
    expect(getRegion('110101')).toEqual({ code: '110101', name: '东城区', level: 'county', parentCode: '110000' });
    expect(regionFullName('110101')).toBe('北京市东城区');
    expect(getRegion('110100')).toBeUndefined();
  });

  it('chains 440305 as 广东省 → 深圳市 → 南山区', () => {
    expect(parentChain('440305').map((r) => [r.code, r.name, r.level])).toEqual([
      ['440000', '广东省', 'province'], ['440300', '深圳市', 'city'], ['440305', '南山区', 'county'],
    ]);
    expect(regionFullName('440305')).toBe('广东省深圳市南山区');
  });

  it('returns undefined or empty for an unknown code', () => {
    expect(getRegion('999999')).toBeUndefined();
    expect(regionLevel('999999')).toBeUndefined();
    expect(regionFullName('999999')).toBeUndefined();
    expect(parentChain('999999')).toEqual([]);
    expect(listChildren('999999')).toEqual([]);
  });

  it('derives the province code of any code, known or abolished', () => {
    expect(provinceCodeOf('440305')).toBe('440000');
    expect(provinceCodeOf('110105')).toBe('110000');
    expect(provinceCodeOf('340524')).toBe('340000');
    expect(() => provinceCodeOf('4403')).toThrowError(expect.objectContaining({ code: 'REGION_CODE_INVALID' }));
  });

  it('derives the prefecture of a county, or null where there is none', () => {
    expect(cityCodeOf('440305')).toBe('440300');
    expect(cityCodeOf('440300')).toBe('440300');
    expect(cityCodeOf('110101')).toBeNull();
    expect(cityCodeOf('429004')).toBeNull();
    expect(cityCodeOf('440000')).toBeNull();
    expect(cityCodeOf('440399')).toBe('440300');
  });

  it('lists the 31 mainland provinces and their children', () => {
    const provinces = listProvinces();
    expect(provinces).toHaveLength(31);
    expect(provinces[0]).toEqual({ code: '110000', name: '北京市', level: 'province', parentCode: null });
    expect(listChildren('110000').map((r) => r.name)).toContain('海淀区');
    expect(listChildren('440000').map((r) => r.code)).toContain('440300');
    expect(listChildren('420000').map((r) => r.name)).toContain('仙桃市');
  });

  it('knows county-level units, including cities without counties', () => {
    expect(isCountyLevel('110108')).toBe(true);
    expect(isCountyLevel('441900')).toBe(true);
    expect(getRegion('441900')).toMatchObject({ name: '东莞市', level: 'city' });
    expect(isCountyLevel('440300')).toBe(false);
    expect(isCountyLevel('440000')).toBe(false);
    expect(isCountyLevel('999999')).toBe(false);
  });

  it('holds every region once, each with a known parent', () => {
    const all = allRegions();
    expect(new Set(all.map((r) => r.code)).size).toBe(all.length);
    for (const r of all) {
      expect(r.code).toMatch(/^\d{6}$/);
      if (r.parentCode !== null) expect(getRegion(r.parentCode)).toBeDefined();
    }
    expect(all.length).toBeGreaterThan(3000);
  });
});
