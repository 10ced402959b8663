/**
 * The SQL of 执业注册管理: the registrations granted by the authorities of a jurisdiction, newest approval first,
 * keyset-paginated on registrations_authority_approved_idx (authority_id, approved_on DESC, id DESC); a 执业证书编码
 * by its unique index, a name by physicians_name_idx, a 身份证号 by its hash.
 */
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { keyset } from '../../db/keyset';
import { authorities, institutions, physicians, registrationCancellations, registrationEvents, registrations } from '../../db/schema/index';

export interface RegistrationFilter {
  authorityIds: string[];
  name?: string;
  idNumberHash?: Buffer;
  licenceCode?: string;
  status?: string;
}

const COLUMNS = {
  id: registrations.id, name: physicians.name, idNumberMasked: physicians.idNumberMasked, licenceCode: registrations.licenceCode,
  level: registrations.level, category: registrations.category, scopes: registrations.scopes, practiceLocationCode: registrations.practiceLocationCode,
  institutionName: institutions.name, authorityId: registrations.authorityId, authorityName: authorities.name, authorityAreaCode: authorities.areaCode,
  authorityLevel: authorities.level, approvedOn: registrations.approvedOn, status: registrations.status, statusSince: registrations.statusSince,
  version: registrations.version,
};

function whereOf(f: RegistrationFilter): SQL[] {
  const w: SQL[] = [inArray(registrations.authorityId, f.authorityIds)];
  if (f.name) w.push(eq(physicians.name, f.name));
  if (f.idNumberHash) w.push(eq(physicians.idNumberHash, f.idNumberHash));
  if (f.licenceCode) w.push(eq(registrations.licenceCode, f.licenceCode));
  if (f.status) w.push(eq(registrations.status, f.status as never));
  return w;
}

const base = (c: Ctx) => c.tx.select(COLUMNS).from(registrations)
  .innerJoin(physicians, eq(physicians.id, registrations.physicianId))
  .innerJoin(institutions, eq(institutions.id, registrations.mainInstitutionId))
  .innerJoin(authorities, eq(authorities.id, registrations.authorityId));

/** The page query (a builder, so the index tests can EXPLAIN it). */
export function registrationPageQuery(c: Ctx, f: RegistrationFilter, cursor: { on: string; id: string } | undefined, limit: number) {
  const page = keyset(registrations.approvedOn, registrations.id, 'desc', cursor ? { key: sql`${cursor.on}::date`, id: cursor.id } : undefined);
  const w = whereOf(f);
  if (page.where) w.push(page.where);
  return base(c).where(and(...w)).orderBy(...page.orderBy).limit(limit + 1);
}

export const selectRegistrationPage = async (c: Ctx, f: RegistrationFilter, cursor: { on: string; id: string } | undefined, limit: number) =>
  registrationPageQuery(c, f, cursor, limit);

export type RegistrationRow = Awaited<ReturnType<typeof selectRegistrationPage>>[number];

export async function countRegistrations(c: Ctx, f: RegistrationFilter): Promise<number> {
  const [row] = await c.tx.select({ n: count() }).from(registrations)
    .innerJoin(physicians, eq(physicians.id, registrations.physicianId)).where(and(...whereOf(f)));
  return Number(row?.n ?? 0);
}

export async function selectRegistration(c: Ctx, id: string) {
  const [row] = await base(c).where(eq(registrations.id, id));
  return row;
}

export async function selectCancellation(c: Ctx, registrationId: string) {
  const [row] = await c.tx.select().from(registrationCancellations).where(eq(registrationCancellations.registrationId, registrationId));
  return row;
}

/** The registration's history (registration_events by registration, oldest first; bounded by the record's own events). */
export async function selectHistory(c: Ctx, registrationId: string) {
  return c.tx.select({ at: registrationEvents.createdAt, event: registrationEvents.event, fromStatus: registrationEvents.fromStatus, toStatus: registrationEvents.toStatus })
    .from(registrationEvents).where(eq(registrationEvents.registrationId, registrationId)).orderBy(asc(registrationEvents.id)).limit(200);
}
