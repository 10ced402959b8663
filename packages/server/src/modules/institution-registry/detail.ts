/**
 * One institution for its administrator: the record, its history, and the applications still open at it — the
 * ones a suspension leaves where they are (机构暂停后，已提交的申请继续办理), listed for the authority.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { APPLICATION_STATE_LABELS, jurisdictionContains, presentDueDateFlag, jurisdictionCovers, type ApplicationState } from '@medreg/domain';
import type { Ctx } from '../../context';
import { cursorPart, decodeCursor, encodeCursor, exactUtc } from '../../db/cursor';
import { applications, authorities, institutions } from '../../db/schema/index';
import { businessTypeLabel } from '../institutions/queue-presenter';
import { InstitutionRegistryErrors as E } from './errors';
import { institutionHistory } from './history';
import { institutionRowQuery, presentInstitution } from './list';
import { coversArea, type RegistryKeeper } from './policy';

/** Applications filed and not yet decided or withdrawn: they stay with the institution while it is suspended. */
export const OPEN_APPLICATION_STATES = [
  'pending_institution', 'returned_by_institution', 'pending_authority', 'accepted', 'returned_for_correction',
] as const satisfies readonly ApplicationState[];

export async function institutionDetail(c: Ctx, k: RegistryKeeper, id: string) {
  const [row] = await institutionRowQuery(c).where(eq(institutions.id, id)).limit(1);
  if (!row || !coversArea(k, row.i.areaCode)) throw E.INSTITUTION_NOT_FOUND_IN_JURISDICTION();
  const history = await institutionHistory(c, id);
  const [open] = await c.tx.select({ n: sql<number>`count(*)::int` }).from(applications)
    .where(and(eq(applications.institutionId, id), inArray(applications.state, [...OPEN_APPLICATION_STATES])));
  return { ...presentInstitution(row, k), openApplications: open?.n ?? 0, history };
}

export const PendingQuery = z.object({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PendingQuery = z.infer<typeof PendingQuery>;
const PendingCursor = z.tuple([cursorPart.timestamp, cursorPart.id]);

/** 在办申请 of an institution, newest submission first (applications_institution_queue_idx), with the total. */
export async function pendingApplications(c: Ctx, k: RegistryKeeper, id: string, q: PendingQuery) {
  const [inst] = await c.tx.select({ areaCode: institutions.areaCode, name: institutions.name }).from(institutions).where(eq(institutions.id, id)).limit(1);
  if (!inst || !coversArea(k, inst.areaCode)) throw E.INSTITUTION_NOT_FOUND_IN_JURISDICTION();
  const cursor = q.cursor ? decodeCursor(q.cursor, PendingCursor, E.INSTITUTION_REGISTRY_CURSOR_INVALID) : undefined;
  const where = [eq(applications.institutionId, id), inArray(applications.state, [...OPEN_APPLICATION_STATES])];
  const after = cursor ? [sql`(${applications.submittedAt}, ${applications.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`] : [];
  const rows = await c.tx.select({
    id: applications.id, businessCode: applications.businessCode, businessType: applications.businessType, physicianName: applications.physicianName,
    state: applications.state, submittedAt: applications.submittedAt, submittedExact: exactUtc(applications.submittedAt), dueDate: applications.dueDate, dueDateProvisional: applications.dueDateProvisional,
  }).from(applications).where(and(...where, ...after)).orderBy(desc(applications.submittedAt), desc(applications.id)).limit(q.limit + 1);
  const [count] = await c.tx.select({ n: sql<number>`count(*)::int` }).from(applications).where(and(...where));
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    institutionName: inst.name,
    items: page.map((r) => ({
      id: r.id, businessCode: r.businessCode, businessType: r.businessType, businessTypeLabel: businessTypeLabel(r.businessType),
      physicianName: r.physicianName, state: r.state as ApplicationState, stateLabel: APPLICATION_STATE_LABELS[r.state as ApplicationState] ?? r.state,
      submittedAt: r.submittedAt?.toISOString() ?? null, dueDate: r.dueDate, ...presentDueDateFlag(r.dueDate, r.dueDateProvisional),
    })),
    total: count?.n ?? 0,
    nextCursor: rows.length > q.limit && last?.submittedAt ? encodeCursor([last.submittedExact, last.id]) : null,
  };
}

/** 审批机关 the form offers for an area: the keeper's authority and those below it whose jurisdiction covers the area. */
export async function approverOptions(c: Ctx, k: RegistryKeeper, areaCode: string) {
  const prefix = areaCode.slice(0, 2);
  // Authorities of the area's province (authorities_area_level_uidx), national excluded; filtered by jurisdiction in code.
  const rows = await c.tx.select({ id: authorities.id, name: authorities.name, areaCode: authorities.areaCode, level: authorities.level })
    .from(authorities)
    .where(and(sql`${authorities.areaCode} >= ${`${prefix}0000`}`, sql`${authorities.areaCode} <= ${`${prefix}9999`}`, sql`${authorities.level} <> 'national'`))
    .orderBy(asc(authorities.areaCode), asc(authorities.level));
  return {
    items: rows.filter((a) => (a.id === k.authorityId || jurisdictionContains(k.authority, a)) && jurisdictionCovers(a, areaCode))
      .map((a) => ({ id: a.id, name: a.name, level: a.level })),
  };
}
