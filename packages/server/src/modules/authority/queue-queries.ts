/**
 * The SQL of the authority queues. Each queue is one index range (named in the migration):
 *  正在申办 / 退回补正: applications_authority_intake_idx (authority_id, state, submitted_at, id), oldest first;
 *  已受理:             applications_authority_queue_idx  (authority_id, state, due_date, id), nearest due date first; a filing
 *                      or a certificate (no statutory clock, no due date) after every dated one (ASC puts NULLs last);
 *  已办结:             applications_authority_decided_idx (authority_id, decided_at DESC, id DESC) WHERE state IN (…).
 * Pagination is by key: the cursor is the last row's (sort key, id).
 */
import { and, asc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { AUTHORITY_QUEUES, type AuthorityQueue, type JurisdictionLevel } from '@medreg/domain';
import type { Ctx } from '../../context';
import { applications, authorities, institutions } from '../../db/schema/index';
import { rowsOf } from '../../db/rows';
import { keyset } from '../../db/keyset';
import { exactUtc } from '../../db/cursor';

export interface QueueFilter {
  authorityId: string;
  queue: AuthorityQueue;
  /** Narrows 已办结 to 准予注册 or 不予注册. */
  state?: 'approved' | 'refused';
  businessType?: string;
  name?: string;
  businessCode?: string;
  idNumberHash?: Buffer;
  dueBefore?: string;
  /** `key` null: the last row had no due date (已受理 only). */
  cursor?: { key: string | null; id: string };
  limit: number;
}

/** Sort column per queue; `key` is what the cursor holds for it (validated by `cursorPart[key]` when it comes back). */
export const SORT = {
  pending_authority: { column: applications.submittedAt, text: exactUtc(applications.submittedAt), cast: 'timestamptz', key: 'timestamp', dir: 'asc' },
  returned_for_correction: { column: applications.submittedAt, text: exactUtc(applications.submittedAt), cast: 'timestamptz', key: 'timestamp', dir: 'asc' },
  accepted: { column: applications.dueDate, text: sql<string>`to_char(${applications.dueDate}, 'YYYY-MM-DD')`, cast: 'date', key: 'date', dir: 'asc' },
  completed: { column: applications.decidedAt, text: exactUtc(applications.decidedAt), cast: 'timestamptz', key: 'timestamp', dir: 'desc' },
} as const;

export async function selectQueuePage(c: Ctx, f: QueueFilter) {
  const sort = SORT[f.queue];
  const states = f.state && f.queue === 'completed' ? [f.state] : [...AUTHORITY_QUEUES[f.queue].states];
  const conditions: SQL[] = [eq(applications.authorityId, f.authorityId), inArray(applications.state, states)];
  if (f.name) conditions.push(eq(applications.physicianName, f.name));
  if (f.businessCode) conditions.push(eq(applications.businessCode, f.businessCode));
  if (f.idNumberHash) conditions.push(eq(applications.idNumberHash, f.idNumberHash));
  if (f.businessType) conditions.push(eq(applications.businessType, f.businessType));
  if (f.dueBefore) conditions.push(lte(applications.dueDate, f.dueBefore));
  const page = keyset(sort.column, applications.id, sort.dir,
    f.cursor?.key != null ? { key: sql`${f.cursor.key}::${sql.raw(sort.cast)}`, id: f.cursor.id } : undefined);
  if (f.queue === 'accepted' && f.cursor) {
    // Rows without a due date (BT-05, BT-09) come after the dated ones: a row comparison with NULL is never true.
    conditions.push(f.cursor.key === null
      ? sql`(${applications.dueDate} IS NULL AND ${applications.id} > ${f.cursor.id}::uuid)`
      : sql`(${page.where} OR ${applications.dueDate} IS NULL)`);
  } else if (page.where) conditions.push(page.where);
  const order = page.orderBy;
  return c.tx
    .select({
      id: applications.id,
      businessCode: applications.businessCode,
      businessType: applications.businessType,
      /** The generic path's form (its kind / mode / action names the change); null for 首次注册. */
      form: sql<Record<string, unknown> | null>`${applications.payload} -> 'form'`,
      physicianName: applications.physicianName,
      physicianId: applications.physicianId,
      institutionId: applications.institutionId,
      institutionName: institutions.name,
      authorityId: applications.authorityId,
      state: applications.state,
      version: applications.version,
      submittedAt: applications.submittedAt,
      institutionDecidedAt: applications.institutionDecidedAt,
      acceptedAt: applications.acceptedAt,
      dueDate: applications.dueDate,
      dueDateProvisional: applications.dueDateProvisional,
      deemedAcceptedOn: applications.deemedAcceptedOn,
      decidedAt: applications.decidedAt,
      materials: applications.materials,
      sortKey: sort.text,
    })
    .from(applications)
    .leftJoin(institutions, eq(institutions.id, applications.institutionId))
    .where(and(...conditions))
    .orderBy(...order)
    .limit(f.limit + 1);
}

export type QueueRow = Awaited<ReturnType<typeof selectQueuePage>>[number];

/**
 * Tab badges: how many applications each queue holds, and how many accepted ones are past their due date (已超期)
 * or due by `dueSoonUntil` — 3 working days or fewer left (即将超期, jobs/due-alerts.ts).
 */
export async function countQueues(c: Ctx, authorityId: string, today: string, dueSoonUntil: string) {
  const rows = await rowsOf<{ state: string; n: number; overdue: number; due_soon: number }>(c.tx, sql`
    SELECT state, count(*)::int AS n, count(*) FILTER (WHERE state = 'accepted' AND due_date < ${today}::date)::int AS overdue,
      count(*) FILTER (WHERE state = 'accepted' AND due_date BETWEEN ${today}::date AND ${dueSoonUntil}::date)::int AS due_soon
    FROM applications
    WHERE authority_id = ${authorityId} AND state IN ('pending_authority', 'accepted', 'returned_for_correction', 'approved', 'refused')
    GROUP BY state`);
  const of = (s: string) => rows.find((r) => r.state === s)?.n ?? 0;
  return {
    pending_authority: of('pending_authority'),
    accepted: of('accepted'),
    returned_for_correction: of('returned_for_correction'),
    completed: of('approved') + of('refused'),
    overdue: rows.find((r) => r.state === 'accepted')?.overdue ?? 0,
    dueSoon: rows.find((r) => r.state === 'accepted')?.due_soon ?? 0,
  };
}

export async function findAuthority(c: Ctx, id: string) {
  const [row] = await c.tx.select().from(authorities).where(eq(authorities.id, id));
  return row;
}

const RANK: Record<JurisdictionLevel, number> = { national: 0, province: 1, city: 2, county: 3 };
const PREFIX: Record<JurisdictionLevel, number> = { national: 0, province: 2, city: 4, county: 6 };

/** The authorities within a jurisdiction (itself included): the same rule as `jurisdictionContains`, in SQL. */
export async function selectAuthoritiesWithin(c: Ctx, j: { areaCode: string; level: JurisdictionLevel }) {
  const levels = (Object.keys(RANK) as JurisdictionLevel[]).filter((l) => RANK[l] >= RANK[j.level]);
  const prefix = j.areaCode.slice(0, PREFIX[j.level]);
  return c.tx.select({ id: authorities.id, name: authorities.name, areaCode: authorities.areaCode, level: authorities.level })
    .from(authorities)
    .where(and(inArray(authorities.level, levels), sql`${authorities.areaCode} LIKE ${`${prefix}%`}`))
    .orderBy(asc(authorities.areaCode));
}
