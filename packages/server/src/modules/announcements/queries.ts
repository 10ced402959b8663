/**
 * The SQL of the public announcement lists (《医师法》第二十一条), one index range each, paginated by key:
 *  准予注册: registrations_authority_approved_idx (authority_id, approved_on DESC, id DESC);
 *  注销注册: registration_cancellations_announcement_idx (authority_id, effective_on DESC, id DESC).
 * Only public columns: never 身份证号, phone, e-mail or birth date.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { authorities, institutions, physicians, registrationCancellations, registrations } from '../../db/schema/index';
import { keyset } from '../../db/keyset';

export interface AnnouncementPage {
  authorityId: string;
  cursor?: { on: string; id: string };
  limit: number;
}

const after = (cursor: AnnouncementPage['cursor']) => (cursor ? { key: sql`${cursor.on}::date`, id: cursor.id } : undefined);

/** The query (a builder, so the index tests can EXPLAIN it). */
export function registrationAnnouncementsQuery(c: Ctx, p: AnnouncementPage) {
  const page = keyset(registrations.approvedOn, registrations.id, 'desc', after(p.cursor));
  const where: SQL[] = [eq(registrations.authorityId, p.authorityId)];
  if (page.where) where.push(page.where);
  return c.tx.select({
    id: registrations.id, on: registrations.approvedOn, name: physicians.name, licenceCode: registrations.licenceCode,
    level: registrations.level, category: registrations.category, institutionName: institutions.name, ground: sql<string | null>`NULL`,
  }).from(registrations)
    .innerJoin(physicians, eq(physicians.id, registrations.physicianId))
    .innerJoin(institutions, eq(institutions.id, registrations.mainInstitutionId))
    .where(and(...where)).orderBy(...page.orderBy).limit(p.limit + 1);
}

export function cancellationAnnouncementsQuery(c: Ctx, p: AnnouncementPage) {
  const page = keyset(registrationCancellations.effectiveOn, registrationCancellations.id, 'desc', after(p.cursor));
  const where: SQL[] = [eq(registrationCancellations.authorityId, p.authorityId)];
  if (page.where) where.push(page.where);
  return c.tx.select({
    id: registrationCancellations.id, on: registrationCancellations.effectiveOn, name: physicians.name, licenceCode: registrations.licenceCode,
    level: registrations.level, category: registrations.category, institutionName: institutions.name, ground: sql<string | null>`${registrationCancellations.ground}`,
  }).from(registrationCancellations)
    .innerJoin(registrations, eq(registrations.id, registrationCancellations.registrationId))
    .innerJoin(physicians, eq(physicians.id, registrationCancellations.physicianId))
    .innerJoin(institutions, eq(institutions.id, registrations.mainInstitutionId))
    .where(and(...where)).orderBy(...page.orderBy).limit(p.limit + 1);
}

export const selectRegistrationAnnouncements = async (c: Ctx, p: AnnouncementPage) => registrationAnnouncementsQuery(c, p);
export const selectCancellationAnnouncements = async (c: Ctx, p: AnnouncementPage) => cancellationAnnouncementsQuery(c, p);

export type AnnouncementRow = Awaited<ReturnType<typeof selectCancellationAnnouncements>>[number];

export async function findAuthorityById(c: Ctx, id: string) {
  const [row] = await c.tx.select({ id: authorities.id, name: authorities.name, areaCode: authorities.areaCode, level: authorities.level })
    .from(authorities).where(eq(authorities.id, id));
  return row;
}

/** The authorities of a province (authorities_area_level_uidx by area-code prefix), for choosing whose announcements to read. */
export async function selectAuthoritiesOfProvince(c: Ctx, provinceCode: string) {
  return c.tx.select({ id: authorities.id, name: authorities.name, areaCode: authorities.areaCode, level: authorities.level })
    .from(authorities).where(sql`${authorities.areaCode} LIKE ${`${provinceCode.slice(0, 2)}%`}`)
    .orderBy(authorities.areaCode, authorities.level).limit(500);
}
