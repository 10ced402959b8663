import { describe, expect, it } from 'vitest';
import { jurisdictionContains, jurisdictionCovers } from './jurisdiction';

describe('jurisdiction', () => {
  const haidian = { areaCode: '110108', level: 'county' as const };
  const beijing = { areaCode: '110000', level: 'province' as const };
  const national = { areaCode: '000000', level: 'national' as const };

  it('a province covers its districts but not another province', () => {
    expect(jurisdictionCovers(beijing, '110108')).toBe(true);
    expect(jurisdictionCovers(beijing, '440305')).toBe(false);
  });

  it('a district commission covers only its own district', () => {
    expect(jurisdictionCovers(haidian, '110108')).toBe(true);
    expect(jurisdictionCovers(haidian, '110101')).toBe(false);
  });

  it('higher authorities contain lower ones, never the reverse', () => {
    expect(jurisdictionContains(national, haidian)).toBe(true);
    expect(jurisdictionContains(beijing, haidian)).toBe(true);
    expect(jurisdictionContains(haidian, beijing)).toBe(false);
    expect(jurisdictionContains({ areaCode: '110101', level: 'county' }, haidian)).toBe(false);
  });
});
