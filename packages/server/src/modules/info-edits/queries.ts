/** Reading 个人信息修改 requests with what every view shows (the physician, the registration, the institution). */
import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { InfoEditStatus } from '@medreg/domain';
import type { Ctx } from '../../context';
import { exactUtc } from '../../db/cursor';
import { accounts, infoEditEvents, infoEdits, institutions, physicians, registrations } from '../../db/schema/index';

const VIEW_COLUMNS = {
  edit: infoEdits,
  physicianName: physicians.name,
  idNumberMasked: physicians.idNumberMasked,
  licenceCode: registrations.licenceCode,
  level: registrations.level,
  category: registrations.category,
  institutionName: institutions.name,
  createdAtExact: exactUtc(infoEdits.createdAt),
};

function viewQuery(c: Ctx) {
  return c.tx.select(VIEW_COLUMNS).from(infoEdits)
    .innerJoin(physicians, eq(physicians.id, infoEdits.physicianId))
    .innerJoin(registrations, eq(registrations.id, infoEdits.registrationId))
    .innerJoin(institutions, eq(institutions.id, infoEdits.institutionId));
}

export type InfoEditViewRow = Awaited<ReturnType<typeof selectOne>>[number];

function selectOne(c: Ctx, where: SQL) {
  return viewQuery(c).where(where).limit(1);
}

/** A request by id within `scope` (the physician's own, or the deciding institution's); undefined otherwise. */
export async function findInfoEdit(c: Ctx, id: string, scope: { physicianId: string } | { institutionId: string }): Promise<InfoEditViewRow | undefined> {
  const owner = 'physicianId' in scope ? eq(infoEdits.physicianId, scope.physicianId) : eq(infoEdits.institutionId, scope.institutionId);
  const [row] = await selectOne(c, and(eq(infoEdits.id, id), owner)!);
  return row;
}

/** Locks the request row for a decision, within the same scope rule. */
export async function lockInfoEdit(c: Ctx, id: string, scope: { physicianId: string } | { institutionId: string }) {
  const owner = 'physicianId' in scope ? eq(infoEdits.physicianId, scope.physicianId) : eq(infoEdits.institutionId, scope.institutionId);
  const [row] = await c.tx.select().from(infoEdits).where(and(eq(infoEdits.id, id), owner)).for('update');
  return row;
}

/** The physician's own requests, newest first (info_edits_physician_idx). A physician files few of them. */
export function selectOwnInfoEdits(c: Ctx, physicianId: string) {
  return viewQuery(c).where(eq(infoEdits.physicianId, physicianId)).orderBy(desc(infoEdits.createdAt), desc(infoEdits.id)).limit(200);
}

/** Earlier approved edits of one registration, newest first. */
export function selectApprovedEdits(c: Ctx, registrationId: string, exceptId: string) {
  return c.tx.select({ id: infoEdits.id, decidedAt: infoEdits.decidedAt, changes: infoEdits.changes, photoSha256: infoEdits.photoSha256 })
    .from(infoEdits)
    .where(and(eq(infoEdits.registrationId, registrationId), eq(infoEdits.status, 'approved'), sql`${infoEdits.id} <> ${exceptId}`))
    .orderBy(desc(infoEdits.createdAt))
    .limit(20);
}

/** The pending request of a registration (info_edits_one_pending_uidx). */
export async function pendingOf(c: Ctx, registrationId: string) {
  const [row] = await c.tx.select({ id: infoEdits.id }).from(infoEdits)
    .where(and(eq(infoEdits.registrationId, registrationId), eq(infoEdits.status, 'pending'))).limit(1);
  return row;
}

/** The history rows of a request with who acted (info_edit_events_info_edit_idx). */
export function selectInfoEditEvents(c: Ctx, id: string) {
  return c.tx.select({ event: infoEditEvents, actorName: accounts.displayName })
    .from(infoEditEvents)
    .leftJoin(accounts, eq(accounts.id, infoEditEvents.actorAccountId))
    .where(eq(infoEditEvents.infoEditId, id))
    .orderBy(infoEditEvents.id);
}

export interface QueueFilter {
  institutionId: string;
  status?: InfoEditStatus;
  name?: string;
  submittedFrom?: Date;
  /** Exclusive. */
  submittedBefore?: Date;
  cursor?: { createdAt: string; id: string };
  limit: number;
}

function queueConditions(f: QueueFilter): SQL[] {
  const where: SQL[] = [eq(infoEdits.institutionId, f.institutionId)];
  if (f.status) where.push(eq(infoEdits.status, f.status));
  if (f.name !== undefined) where.push(eq(physicians.name, f.name));
  if (f.submittedFrom) where.push(gte(infoEdits.createdAt, f.submittedFrom));
  if (f.submittedBefore) where.push(lt(infoEdits.createdAt, f.submittedBefore));
  return where;
}

/**
 * One page of the institution's queue, newest first, on (created_at, id) — info_edits_institution_queue_idx when
 * filtered by status, info_edits_institution_idx otherwise. One row more than the page says whether another follows.
 */
export function selectQueuePage(c: Ctx, f: QueueFilter) {
  const where = queueConditions(f);
  if (f.cursor) where.push(sql`(${infoEdits.createdAt}, ${infoEdits.id}) < (${f.cursor.createdAt}::timestamptz, ${f.cursor.id}::uuid)`);
  return viewQuery(c).where(and(...where)).orderBy(desc(infoEdits.createdAt), desc(infoEdits.id)).limit(f.limit + 1);
}

export async function countQueue(c: Ctx, f: QueueFilter): Promise<number> {
  const [row] = await c.tx.select({ n: count() }).from(infoEdits)
    .innerJoin(physicians, eq(physicians.id, infoEdits.physicianId))
    .where(and(...queueConditions(f)));
  return Number(row?.n ?? 0);
}
