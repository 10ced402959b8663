/**
 * 审计日志 queries for an authority administrator. Jurisdiction (kept simple, and said so in docs/architecture.md):
 * an entry is in an authority's jurisdiction when its actor is staff of an authority or an institution whose area
 * lies in the authority's area, or when it is about an application or a registration whose deciding authority does.
 * A national authority sees every entry.
 */
import { and, asc, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import { addCalendarDays, type AuditTrailQuery, type JurisdictionLevel } from '@medreg/domain';
import type { Ctx } from '../../context';
import { accounts, auditLog, authorities, institutions } from '../../db/schema/index';

const PREFIX: Record<JurisdictionLevel, number> = { national: 0, province: 2, city: 4, county: 6 };

export interface TrailScope {
  areaCode: string;
  level: JurisdictionLevel;
}

function inJurisdiction(j: TrailScope): SQL | undefined {
  const n = PREFIX[j.level];
  if (n === 0) return undefined;
  const like = `${j.areaCode.slice(0, n)}%`;
  return sql`(
    EXISTS (SELECT 1 FROM accounts ac
            LEFT JOIN authorities au ON au.id = ac.authority_id
            LEFT JOIN institutions i ON i.id = ac.institution_id
            WHERE ac.id = ${auditLog.actorAccountId} AND (au.area_code LIKE ${like} OR i.area_code LIKE ${like}))
    OR (${auditLog.entityType} = 'application' AND EXISTS (
            SELECT 1 FROM applications ap JOIN authorities au ON au.id = ap.authority_id
            WHERE ap.id::text = ${auditLog.entityId} AND au.area_code LIKE ${like}))
    OR (${auditLog.entityType} = 'registration' AND EXISTS (
            SELECT 1 FROM registrations r JOIN authorities au ON au.id = r.authority_id
            WHERE r.id::text = ${auditLog.entityId} AND au.area_code LIKE ${like})))`;
}

/** China midnight of an ISO date, as an instant. */
function chinaMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** The WHERE of the list, its count and the export (everything but the cursor). */
export function trailFilter(j: TrailScope, q: Omit<AuditTrailQuery, 'cursor' | 'limit' | 'sort'>, actorAccountId: string | null | undefined): SQL | undefined {
  return and(
    inJurisdiction(j),
    actorAccountId !== undefined ? (actorAccountId === null ? sql`false` : eq(auditLog.actorAccountId, actorAccountId)) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.from ? gte(auditLog.at, chinaMidnight(q.from)) : undefined,
    q.to ? lt(auditLog.at, chinaMidnight(addCalendarDays(q.to, 1))) : undefined,
  );
}

export async function accountIdByLoginName(c: Ctx, loginName: string): Promise<string | null> {
  const [row] = await c.tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.loginName, loginName)).limit(1);
  return row?.id ?? null;
}

export async function countTrail(c: Ctx, where: SQL | undefined): Promise<number> {
  const [row] = await c.tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return row?.n ?? 0;
}

/** One page in id order (id order is write order: rows get their id under the chain lock). */
export async function selectTrailPage(c: Ctx, where: SQL | undefined, sort: 'newest' | 'oldest', afterId: number | undefined, limit: number) {
  const keyset = afterId === undefined ? undefined : sort === 'newest' ? lt(auditLog.id, afterId) : gt(auditLog.id, afterId);
  return c.tx
    .select({
      id: auditLog.id, seq: auditLog.seq, at: auditLog.at, actorAccountId: auditLog.actorAccountId, actorRole: auditLog.actorRole,
      action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId, detail: auditLog.detail,
      requestId: auditLog.requestId, ip: auditLog.ip,
      loginName: accounts.loginName, displayName: accounts.displayName,
      organization: sql<string | null>`coalesce(${authorities.name}, ${institutions.name})`,
    })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorAccountId))
    .leftJoin(authorities, eq(authorities.id, accounts.authorityId))
    .leftJoin(institutions, eq(institutions.id, accounts.institutionId))
    .where(and(where, keyset))
    .orderBy(sort === 'newest' ? desc(auditLog.id) : asc(auditLog.id))
    .limit(limit);
}

export type TrailRow = Awaited<ReturnType<typeof selectTrailPage>>[number];
