/**
 * Jurisdiction of a health authority (卫生健康行政部门) by GB/T 2260 area and level.
 * A county commission covers its county; a city its city's counties; a province its province;
 * the national commission everything.
 */
export type JurisdictionLevel = 'national' | 'province' | 'city' | 'county';

export interface Jurisdiction {
  areaCode: string;
  level: JurisdictionLevel;
}

const PREFIX_LENGTH: Record<JurisdictionLevel, number> = { national: 0, province: 2, city: 4, county: 6 };
const RANK: Record<JurisdictionLevel, number> = { national: 0, province: 1, city: 2, county: 3 };

/** Whether an area code lies inside the jurisdiction. */
export function jurisdictionCovers(j: Jurisdiction, areaCode: string): boolean {
  const n = PREFIX_LENGTH[j.level];
  return areaCode.slice(0, n) === j.areaCode.slice(0, n);
}

/** Whether `outer` is the same authority level or above `inner` and covers its area. */
export function jurisdictionContains(outer: Jurisdiction, inner: Jurisdiction): boolean {
  return RANK[outer.level] <= RANK[inner.level] && jurisdictionCovers(outer, inner.areaCode);
}
