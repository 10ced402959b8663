/**
 * 医疗机构管理 list: the institutions in the administrator's jurisdiction, filtered by name, area, type and status,
 * in name order, keyset-paginated on (name, id) (institutions_name_id_idx; an area narrows on institutions_area_name_uidx),
 * with the total. The same pages feed the CSV and Excel exports.
 */
import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  INSTITUTION_GRADE_LABELS, INSTITUTION_KIND_LABELS, INSTITUTION_KINDS, INSTITUTION_STATUS_LABELS, INSTITUTION_STATUSES,
  plainText, regionFullName, regionLevel,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { cursorPart, decodeCursor, encodeCursor } from '../../db/cursor';
import { authorities, institutions, regions } from '../../db/schema/index';
import { escapeLike } from '../reference/queries';
import { InstitutionRegistryErrors } from './errors';
import { institutionAbilities, jurisdictionPrefix, type RegistryKeeper } from './policy';

export const InstitutionListQuery = z.object({
  name: plainText().trim().max(60).optional(),
  /** A province, city or county code: the institutions in that area. */
  areaCode: z.string().trim().regex(/^\d{6}$/, '地区代码应为6位数字').optional(),
  kind: z.enum(INSTITUTION_KINDS, '机构类别无效').optional(),
  status: z.enum(INSTITUTION_STATUSES, '状态无效').optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type InstitutionListQuery = z.infer<typeof InstitutionListQuery>;
export type InstitutionFilters = Omit<InstitutionListQuery, 'cursor' | 'limit'>;

const Cursor = z.tuple([cursorPart.name, cursorPart.id]);

/** Area codes starting with `prefix`, as a range the (area_code, …) indexes serve. */
function areaRange(prefix: string): SQL[] {
  if (!prefix) return [];
  return [gte(institutions.areaCode, prefix.padEnd(6, '0')), lte(institutions.areaCode, prefix.padEnd(6, '9'))];
}

function areaPrefixOf(code: string): string {
  const level = regionLevel(code);
  if (level === 'province') return code.slice(0, 2);
  if (level === 'city' || (level === undefined && code.endsWith('00'))) return code.slice(0, 4);
  return code;
}

function conditions(k: RegistryKeeper, q: InstitutionFilters): SQL[] {
  const out = areaRange(jurisdictionPrefix(k));
  if (q.areaCode) out.push(...areaRange(areaPrefixOf(q.areaCode)));
  if (q.name) out.push(sql`${institutions.name} ILIKE ${`%${escapeLike(q.name)}%`}`);
  if (q.kind) out.push(eq(institutions.kind, q.kind));
  if (q.status) out.push(eq(institutions.status, q.status));
  return out;
}

export function institutionRowQuery(c: Ctx) {
  return c.tx.select({ i: institutions, approverName: authorities.name, eRegistrationEnabled: regions.eRegistrationEnabled })
    .from(institutions)
    .innerJoin(authorities, eq(authorities.id, institutions.approvingAuthorityId))
    .leftJoin(regions, eq(regions.code, institutions.provinceCode));
}

export type InstitutionRow = Awaited<ReturnType<ReturnType<typeof institutionRowQuery>['execute']>>[number];

export function presentInstitution(r: InstitutionRow, k: RegistryKeeper) {
  const i = r.i;
  return {
    id: i.id,
    name: i.name,
    creditCode: i.creditCode,
    licenceRegNo: i.licenceRegNo,
    kind: i.kind,
    kindLabel: INSTITUTION_KIND_LABELS[i.kind],
    grade: i.grade,
    gradeLabel: INSTITUTION_GRADE_LABELS[i.grade],
    grassroots: i.grassroots,
    address: i.address,
    areaCode: i.areaCode,
    areaName: regionFullName(i.areaCode) ?? i.areaCode,
    approvingAuthority: { id: i.approvingAuthorityId, name: r.approverName },
    /** 是否开通电子化注册: the province's switch (regions.e_registration_enabled). */
    eRegistrationEnabled: r.eRegistrationEnabled ?? true,
    departments: i.departments,
    status: i.status,
    statusLabel: INSTITUTION_STATUS_LABELS[i.status],
    suspendedReason: i.suspendedReason,
    version: i.version,
    updatedAt: i.updatedAt.toISOString(),
    abilities: institutionAbilities(k, i),
  };
}
export type PresentedInstitution = ReturnType<typeof presentInstitution>;

export type InstitutionCursor = { name: string; id: string };

/** One page in the list's order (标准名称, then id), on the (name, id) keyset. */
export function selectInstitutionsPage(c: Ctx, k: RegistryKeeper, q: InstitutionFilters, cursor: InstitutionCursor | undefined, limit: number) {
  const after = cursor ? [sql`(${institutions.name}, ${institutions.id}) > (${cursor.name}, ${cursor.id}::uuid)`] : [];
  return institutionRowQuery(c).where(and(...conditions(k, q), ...after)).orderBy(asc(institutions.name), asc(institutions.id)).limit(limit);
}

export async function listInstitutions(c: Ctx, k: RegistryKeeper, q: InstitutionListQuery, opts: { count?: boolean } = {}) {
  const cursor = q.cursor ? decodeCursor(q.cursor, Cursor, InstitutionRegistryErrors.INSTITUTION_REGISTRY_CURSOR_INVALID) : undefined;
  const where = conditions(k, q);
  // One after the other: a reading context may be a transaction's single connection.
  const rows = await selectInstitutionsPage(c, k, q, cursor ? { name: cursor[0], id: cursor[1] } : undefined, q.limit + 1);
  const [count] = opts.count === false ? [{ n: 0 }]
    : await c.tx.select({ n: sql<number>`count(*)::int` }).from(institutions).where(and(...where));
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentInstitution(r, k)),
    total: count?.n ?? 0,
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.i.name, last.i.id]) : null,
  };
}
