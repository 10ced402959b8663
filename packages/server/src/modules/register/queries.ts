import { and, asc, desc, eq, exists, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '@medreg/domain';
import type { Ctx } from '../../context';
import { preparedOn } from '../../db/prepared';
import { authorities, institutions, multiSiteFilings, physicians, registrationCancellations, registrations } from '../../db/schema/index';
import type { RegistrationStatus } from '../../db/schema/index';
import type { PublicFilingRow, PublicRegistrationRow } from './presenter';

/**
 * The registration statuses the public register lists: the current registrations — 有效 and 中止执业 (still
 * registered at that institution, not to practise meanwhile) — and cancellations with their date (《医师法》第二十一条:
 * registrations and cancellations are announced). Not listed: 变更出 (the registration continues in a new record,
 * which is listed in its place) and 注册备案 (the physician has left that institution).
 */
export const LISTED_STATUSES = ['valid', 'suspended', 'cancelled'] as const satisfies readonly RegistrationStatus[];
export const MAX_SEARCH_ROWS = 20;

/** Only public columns: never id_number_*, phone, e-mail, birth_date or a qualification code. */
const PUBLIC_COLUMNS = {
  id: registrations.id,
  name: physicians.name,
  sex: physicians.sex,
  level: registrations.level,
  category: registrations.category,
  scopes: registrations.scopes,
  practiceLocationCode: registrations.practiceLocationCode,
  institutionName: institutions.name,
  licenceCode: registrations.licenceCode,
  authorityName: authorities.name,
  approvedOn: registrations.approvedOn,
  status: registrations.status,
  statusSince: registrations.statusSince,
  /** 注销日期 and 注销原因 (《医师法》第二十一条), from registration_cancellations (unique per registration). */
  cancelledOn: registrationCancellations.effectiveOn,
  cancellationGround: registrationCancellations.ground,
};

function publicRegistrations(c: Pick<Ctx, 'tx'>, where: SQL | undefined) {
  return c.tx
    .select(PUBLIC_COLUMNS)
    .from(registrations)
    .innerJoin(physicians, eq(physicians.id, registrations.physicianId))
    .innerJoin(institutions, eq(institutions.id, registrations.mainInstitutionId))
    .innerJoin(authorities, eq(authorities.id, registrations.authorityId))
    .leftJoin(registrationCancellations, eq(registrationCancellations.registrationId, registrations.id))
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

/** A filing shown to the public: 有效 and its end date not passed (one past it reads 到期 before the job records it). */
const filingShown = (today: IsoDate) => and(eq(multiSiteFilings.status, 'active'), gte(multiSiteFilings.validTo, today));

/**
 * The public register rows of a physician name at the given institution(s) — as main institution, or as the
 * institution of a filing shown (domain §5.2: a physician practises at the main institution and the filed ones):
 * physicians_name_idx → registrations_physician_idx (→ the institution and authority by primary key, the filings by
 * multi_site_filings_registration_idx). Valid first, then the others, newest approval first.
 */
export async function registerRowsByNameAndInstitutions(c: Ctx, name: string, institutionIds: string[], today: IsoDate): Promise<PublicRegistrationRow[]> {
  if (institutionIds.length === 0) return [];
  const filedThere = c.tx.select({ one: sql`1` }).from(multiSiteFilings)
    .where(and(eq(multiSiteFilings.registrationId, registrations.id), inArray(multiSiteFilings.institutionId, institutionIds), filingShown(today)));
  return publicRegistrations(c, and(
    eq(physicians.name, name),
    or(inArray(registrations.mainInstitutionId, institutionIds), and(eq(registrations.status, 'valid'), exists(filedThere))),
    inArray(registrations.status, [...LISTED_STATUSES]),
  ))
    .orderBy(sql`${registrations.status} = 'valid' DESC`, desc(registrations.approvedOn), asc(registrations.licenceCode))
    .limit(MAX_SEARCH_ROWS);
}

const rowById = preparedOn((tx) => publicRegistrations({ tx }, eq(registrations.id, sql.placeholder('id'))).limit(1)
  .prepare('register_row_by_id'));

/** A registration by id (the one a certificate belongs to). */
export async function registerRowById(c: Ctx, registrationId: string): Promise<PublicRegistrationRow | undefined> {
  const [row] = await rowById(c).execute({ id: registrationId });
  return row;
}

/** The registration of a 执业证书编码 (unique index on registrations.licence_code). */
export async function registerRowByLicenceCode(c: Ctx, licenceCode: string): Promise<PublicRegistrationRow | undefined> {
  const [row] = await publicRegistrations(c, eq(registrations.licenceCode, licenceCode)).limit(1);
  return row;
}

/** The filings shown of these registrations (multi_site_filings_registration_idx), earliest start first. */
export async function publicFilingsOf(c: Ctx, registrationIds: string[], today: IsoDate): Promise<PublicFilingRow[]> {
  if (registrationIds.length === 0) return [];
  return c.tx
    .select({
      id: multiSiteFilings.id,
      registrationId: multiSiteFilings.registrationId,
      institutionName: institutions.name,
      scopes: multiSiteFilings.scopes,
      validFrom: multiSiteFilings.validFrom,
      validTo: multiSiteFilings.validTo,
    })
    .from(multiSiteFilings)
    .innerJoin(institutions, eq(institutions.id, multiSiteFilings.institutionId))
    .where(and(inArray(multiSiteFilings.registrationId, registrationIds), filingShown(today)))
    .orderBy(asc(multiSiteFilings.validFrom), asc(institutions.name));
}
