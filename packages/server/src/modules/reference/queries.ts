import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { institutions, regions } from '../../db/schema/index';
import type { InstitutionCursor } from './institution-cursor';

export async function selectProvinces(c: Ctx) {
  return c.tx.select({ code: regions.code, name: regions.name, level: regions.level, eRegistrationEnabled: regions.eRegistrationEnabled })
    .from(regions).where(eq(regions.level, 'province')).orderBy(asc(regions.code));
}

export async function selectRegion(c: Ctx, code: string) {
  const [row] = await c.tx.select().from(regions).where(eq(regions.code, code)).limit(1);
  return row;
}

/** Direct children of a region (regions_parent_code_idx). */
export async function selectChildren(c: Ctx, code: string) {
  return c.tx.select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions).where(eq(regions.parentCode, code)).orderBy(asc(regions.code));
}

/** Where an institution search looks: a province (province_code), a city (a range of area codes) or a county (area_code). */
export type SearchPlace = { kind: 'province' | 'city' | 'county'; code: string };

export interface InstitutionSearch {
  place: SearchPlace;
  /** Part of the standard name (标准名称). */
  q?: string;
  cursor?: InstitutionCursor;
  limit: number;
}

/** `%`, `_` and `\` typed by a user match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * The institution search (主要执业机构 by 标准名称 within the 执业地点), keyset-paginated by (name, id).
 * Indexes: institutions_province_name_idx (province_code, name) serves a province in name order, so a page
 * stops after `limit` rows; a name fragment of three or more characters can use institutions_name_trgm_idx
 * (GIN, pg_trgm) instead when it is selective; a county or city uses institutions_area_code_idx.
 * Only `active` institutions are offered. Returns the query so tests can EXPLAIN it.
 */
export function institutionSearchQuery(c: Ctx, s: InstitutionSearch) {
  const where: SQL[] = [eq(institutions.active, true)];
  if (s.place.kind === 'province') where.push(eq(institutions.provinceCode, s.place.code));
  else if (s.place.kind === 'county') where.push(eq(institutions.areaCode, s.place.code));
  else {
    const prefix = s.place.code.slice(0, 4);
    where.push(gte(institutions.areaCode, `${prefix}00`), lte(institutions.areaCode, `${prefix}99`));
  }
  const q = s.q?.trim();
  if (q) where.push(sql`${institutions.name} ILIKE ${`%${escapeLike(q)}%`}`);
  if (s.cursor) {
    // name >= x is an index condition on (province_code, name); the OR finishes the (name, id) order.
    where.push(gte(institutions.name, s.cursor.name));
    where.push(sql`(${institutions.name} > ${s.cursor.name} OR ${institutions.id} > ${s.cursor.id}::uuid)`);
  }
  return c.tx
    .select({
      id: institutions.id,
      name: institutions.name,
      areaCode: institutions.areaCode,
      provinceCode: institutions.provinceCode,
      kind: institutions.kind,
      grassroots: institutions.grassroots,
    })
    .from(institutions)
    .where(and(...where))
    .orderBy(asc(institutions.name), asc(institutions.id))
    .limit(s.limit + 1);
}

export type InstitutionSearchRow = Awaited<ReturnType<typeof institutionSearchQuery>>[number];

export async function selectInstitutionDepartments(c: Ctx, id: string) {
  const [row] = await c.tx.select({ id: institutions.id, name: institutions.name, departments: institutions.departments, active: institutions.active })
    .from(institutions).where(eq(institutions.id, id)).limit(1);
  return row;
}
