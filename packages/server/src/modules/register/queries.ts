import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { authorities, institutions, physicians, registrations } from '../../db/schema/index';
import type { RegistrationStatus } from '../../db/schema/index';
import type { PublicRegistrationRow } from './presenter';

/** The registration statuses the public register lists (《医师法》第二十一条: registrations and cancellations). */
export const LISTED_STATUSES = ['valid', 'cancelled'] as const satisfies readonly RegistrationStatus[];
export const MAX_SEARCH_ROWS = 20;

/** Only public columns: never id_number_*, phone, e-mail, birth_date or a qualification code. */
const PUBLIC_COLUMNS = {
  name: physicians.name,
  sex: physicians.sex,
  level: registrations.level,
  category: registrations.category,
  scopes: registrations.scopes,
  practiceLocationCode: registrations.practiceLocationCode,
  institutionName: institutions.name,
  licenceCode: registrations.licenceCode,
  authorityName: authorities.name,
  status: registrations.status,
  statusSince: registrations.statusSince,
};

function publicRegistrations(c: Ctx, where: SQL | undefined) {
  return c.tx
    .select(PUBLIC_COLUMNS)
    .from(registrations)
    .innerJoin(physicians, eq(physicians.id, registrations.physicianId))
    .innerJoin(institutions, eq(institutions.id, registrations.mainInstitutionId))
    .innerJoin(authorities, eq(authorities.id, registrations.authorityId))
    .where(where);
}

/** 标准名称 exact match in the province (index institutions_province_name_idx). */
export async function institutionsNamedExactly(c: Ctx, provinceCode: string, name: string) {
  return c.tx
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(and(eq(institutions.provinceCode, provinceCode), eq(institutions.name, name)))
    .limit(2);
}

/** Escapes LIKE wildcards so that a typed % or _ matches itself. */
export function likeContains(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * Institutions of the province whose name contains `q` (institutions_name_trgm_idx for 3+ characters,
 * institutions_province_name_idx otherwise); at most `limit`, in name order.
 */
export async function institutionsNameContaining(c: Ctx, provinceCode: string, q: string, limit: number) {
  return c.tx
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(and(eq(institutions.provinceCode, provinceCode), sql`${institutions.name} LIKE ${likeContains(q)} ESCAPE '\\'`))
    .orderBy(asc(institutions.name))
    .limit(limit);
}

/**
 * The public register rows of a physician name at the given main institution(s): physicians_name_idx → registrations_physician_idx
 * (→ the institution and authority by primary key). Valid first, then cancellations, newest approval first.
 */
export async function registerRowsByNameAndInstitutions(c: Ctx, name: string, institutionIds: string[]): Promise<PublicRegistrationRow[]> {
  if (institutionIds.length === 0) return [];
  return publicRegistrations(c, and(
    eq(physicians.name, name),
    inArray(registrations.mainInstitutionId, institutionIds),
    inArray(registrations.status, [...LISTED_STATUSES]),
  ))
    .orderBy(sql`${registrations.status} = 'valid' DESC`, desc(registrations.approvedOn), asc(registrations.licenceCode))
    .limit(MAX_SEARCH_ROWS);
}

/** The registration a certificate QR code names (unique index on registrations.verify_token). */
export async function registerRowByVerifyToken(c: Ctx, token: string): Promise<PublicRegistrationRow | undefined> {
  const [row] = await publicRegistrations(c, eq(registrations.verifyToken, token)).limit(1);
  return row;
}

/** The registration of a 执业证书编码 (unique index on registrations.licence_code). */
export async function registerRowByLicenceCode(c: Ctx, licenceCode: string): Promise<PublicRegistrationRow | undefined> {
  const [row] = await publicRegistrations(c, eq(registrations.licenceCode, licenceCode)).limit(1);
  return row;
}
