import { and, count, eq, lt, gte, or, sql, type SQL } from 'drizzle-orm';
import type { FilingStatus, IsoDate } from '@medreg/domain';
import type { Ctx } from '../../context';
import { institutions, multiSiteFilings, physicians, registrations } from '../../db/schema/index';
import { keyset } from '../../db/keyset';

export interface MultiSiteFilter {
  institutionId: string;
  today: IsoDate;
  status?: FilingStatus;
  name?: string;
  sort: 'asc' | 'desc';
  cursor?: { validTo: string; id: string };
  limit: number;
}

/**
 * A status as it reads on `today` (filingStatusOn of @medreg/domain, in SQL): an 有效 filing whose end date has
 * passed is 到期 even before the expiry job has recorded it.
 */
function statusCondition(status: FilingStatus, today: IsoDate): SQL {
  const f = multiSiteFilings;
  switch (status) {
    case 'active': return and(eq(f.status, 'active'), gte(f.validTo, today))!;
    case 'expired': return or(eq(f.status, 'expired'), and(eq(f.status, 'active'), lt(f.validTo, today)))!;
    default: return eq(f.status, status);
  }
}

function conditions(f: MultiSiteFilter): SQL[] {
  const where: SQL[] = [eq(multiSiteFilings.institutionId, f.institutionId)];
  if (f.status) where.push(statusCondition(f.status, f.today));
  if (f.name !== undefined) where.push(eq(physicians.name, f.name));
  return where;
}

/**
 * One page of the institution's filings, by (valid_to, id) — multi_site_filings_institution_idx
 * (institution_id, status, valid_to, id) — with the physician and the registration the filing belongs to.
 */
export function selectMultiSitePage(c: Ctx, f: MultiSiteFilter) {
  const where = conditions(f);
  const page = keyset(multiSiteFilings.validTo, multiSiteFilings.id, f.sort,
    f.cursor ? { key: sql`${f.cursor.validTo}::date`, id: f.cursor.id } : undefined);
  if (page.where) where.push(page.where);
  return c.tx
    .select({
      id: multiSiteFilings.id,
      scopes: multiSiteFilings.scopes,
      validFrom: multiSiteFilings.validFrom,
      validTo: multiSiteFilings.validTo,
      status: multiSiteFilings.status,
      physicianName: physicians.name,
      idNumberMasked: physicians.idNumberMasked,
      level: registrations.level,
      category: registrations.category,
      licenceCode: registrations.licenceCode,
      mainInstitutionName: institutions.name,
    })
    .from(multiSiteFilings)
    .innerJoin(physicians, eq(physicians.id, multiSiteFilings.physicianId))
    .innerJoin(registrations, eq(registrations.id, multiSiteFilings.registrationId))
    .innerJoin(institutions, eq(institutions.id, registrations.mainInstitutionId))
    .where(and(...where))
    .orderBy(...page.orderBy)
    .limit(f.limit + 1);
}

export type MultiSiteRow = Awaited<ReturnType<typeof selectMultiSitePage>>[number];

/** How many filings match the filters, over all pages. */
export async function countMultiSite(c: Ctx, f: MultiSiteFilter): Promise<number> {
  const [row] = await c.tx
    .select({ n: count() })
    .from(multiSiteFilings)
    .innerJoin(physicians, eq(physicians.id, multiSiteFilings.physicianId))
    .where(and(...conditions(f)));
  return Number(row?.n ?? 0);
}
