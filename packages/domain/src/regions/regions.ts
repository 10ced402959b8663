/**
 * Look-ups on GB/T 2260 行政区划代码 (domain §4.8). Used for 执业地点 (the province for 执业医师,
 * the county for 执业助理医师 — 《医师执业注册管理办法》第七条), institution areas, authority
 * jurisdictions and the issuing-area segment of 执业证书编码.
 */
import { IdentifierErrors } from '../identifiers/identifier-errors';
import { divisionIndex, type Region, type RegionLevel } from './division-index';

const REGION_CODE = /^\d{6}$/;

function assertRegionCode(code: string): void {
  if (!REGION_CODE.test(code)) throw IdentifierErrors.REGION_CODE_INVALID({ detail: `行政区划代码应为6位数字：${code}` });
}

export function getRegion(code: string): Region | undefined {
  return divisionIndex().byCode.get(code);
}

export function regionLevel(code: string): RegionLevel | undefined {
  return getRegion(code)?.level;
}

/** 'PP0000' of any 6-digit code, known or not (abolished codes keep their province prefix). */
export function provinceCodeOf(code: string): string {
  assertRegionCode(code);
  return `${code.slice(0, 2)}0000`;
}

/**
 * 'PPCC00' of the prefecture-level region (地级) containing `code`, or null when there is none:
 * for a province, and for districts of the municipalities and counties directly under a province
 * (e.g. 110101 东城区, 429004 仙桃市), which have no prefecture between them and the province.
 */
export function cityCodeOf(code: string): string | null {
  assertRegionCode(code);
  const city = parentChain(code).find((r) => r.level === 'city');
  if (city) return city.code;
  if (getRegion(code)) return null;
  // Unknown (e.g. abolished) code: use the prefix if that prefecture exists today.
  const guess = `${code.slice(0, 4)}00`;
  return getRegion(guess)?.level === 'city' ? guess : null;
}

/** The regions from the province down to `code` itself; [] for an unknown code. */
export function parentChain(code: string): Region[] {
  const chain: Region[] = [];
  for (let r = getRegion(code); r; r = r.parentCode ? getRegion(r.parentCode) : undefined) chain.unshift(r);
  return chain;
}

/** The full name, e.g. '北京市东城区', '广东省深圳市南山区'; undefined for an unknown code. */
export function regionFullName(code: string): string | undefined {
  const chain = parentChain(code);
  return chain.length ? chain.map((r) => r.name).join('') : undefined;
}

export function listProvinces(): readonly Region[] {
  return divisionIndex().all.filter((r) => r.level === 'province');
}

/** Direct children in code order; [] for a county or an unknown code. */
export function listChildren(code: string): readonly Region[] {
  return divisionIndex().children.get(code) ?? [];
}

/** Every region (provinces, then cities, then counties), e.g. for seeding a table. */
export function allRegions(): readonly Region[] {
  return divisionIndex().all;
}

/**
 * Whether `code` is a county-level unit (县级: 市辖区, 县, 旗, 县级市…) — the 执业地点 of an 执业助理医师.
 * A prefecture-level city without counties (东莞, 中山, 儋州) counts too, since it is its own county-level unit.
 */
export function isCountyLevel(code: string): boolean {
  const r = getRegion(code);
  if (!r) return false;
  return r.level === 'county' || (r.level === 'city' && listChildren(code).length === 0);
}
