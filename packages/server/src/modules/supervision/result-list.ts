/**
 * 定期考核 results as the authority and the institution list them (domain §5.4): filtered by cycle, result, name or
 * 执业证书编码 (or 连续两个考核周期未参加), newest first, keyset-paginated on (created_at, id) (assessment_results_authority_keyset_idx /
 * _institution_keyset_idx), with the total and, for each 不合格 row, its suspension and what may be done now.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  ASSESSMENT_KIND_LABELS, ASSESSMENT_RESULT_LABELS, ASSESSMENT_RESULTS, REGISTRATION_STATUS_LABELS, SUSPENSION_DISPLAY_LABELS,
  assessmentCycleLabel, suspensionPeriodOver, suspensionStatusOn, todayInChina,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { cursorPart, decodeCursor, encodeCursor, exactUtc } from '../../db/cursor';
import { assessmentResults, authorities, institutions, physicians, registrationSuspensions, registrations } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import { SupervisionErrors } from './errors';
import { registrationsInScope, supervisionScopeOf, type SupervisionScope } from './scope';

export const ResultListQuery = z.object({
  cycle: z.coerce.number().int().min(2000).max(2099).optional(),
  result: z.enum(ASSESSMENT_RESULTS).optional(),
  name: z.string().trim().max(30).optional(),
  licenceCode: z.string().trim().regex(/^\d{15}$/, '执业证书编码应为15位数字').optional(),
  /** Only the results that make 连续两个考核周期未参加 (see `missedTwoCycles`). */
  missed: z.stringbool({ error: 'missed 应为 true 或 false' }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ResultListQuery = z.infer<typeof ResultListQuery>;

const Cursor = z.tuple([cursorPart.timestamp, cursorPart.id]);

/**
 * 连续两个考核周期未参加医师定期考核 (《医师执业注册管理办法》第十八条, cancellation ground `assessment_missed`), the
 * rule of `missedTwoConsecutiveCycles` in @medreg/domain as SQL on a result row: it is the physician's latest periodic
 * cycle, 未参加, and the cycle before it (three years earlier, with none in between) is 未参加 too. Through
 * assessment_results_physician_idx.
 */
const missedTwoCycles = sql<boolean>`(${assessmentResults.kind} = 'periodic' AND ${assessmentResults.result} = 'absent'
  AND EXISTS (SELECT 1 FROM assessment_results p WHERE p.physician_id = ${assessmentResults.physicianId} AND p.kind = 'periodic'
    AND p.result = 'absent' AND p.cycle_start_year = ${assessmentResults.cycleStartYear} - 3)
  AND NOT EXISTS (SELECT 1 FROM assessment_results n WHERE n.physician_id = ${assessmentResults.physicianId} AND n.kind = 'periodic'
    AND n.cycle_start_year > ${assessmentResults.cycleStartYear} - 3 AND n.id <> ${assessmentResults.id}))`;

function conditions(scope: SupervisionScope, q: Omit<ResultListQuery, 'limit' | 'cursor'>): SQL[] {
  const out: SQL[] = [
    scope.kind === 'institution' ? eq(assessmentResults.institutionId, scope.institutionId) : sql`true`,
    ...registrationsInScope(scope),
  ];
  if (q.cycle) out.push(eq(assessmentResults.cycleStartYear, q.cycle));
  if (q.result) out.push(eq(assessmentResults.result, q.result));
  if (q.name) out.push(eq(physicians.name, q.name));
  if (q.licenceCode) out.push(eq(registrations.licenceCode, q.licenceCode));
  if (q.missed) out.push(missedTwoCycles);
  return out;
}

function baseQuery(c: Ctx) {
  return c.tx.select({
    r: assessmentResults, physicianName: physicians.name, idNumberMasked: physicians.idNumberMasked, licenceCode: registrations.licenceCode,
    registrationStatus: registrations.status, institutionName: institutions.name, createdExact: exactUtc(assessmentResults.createdAt),
    s: registrationSuspensions, missedTwoCycles,
  }).from(assessmentResults)
    .innerJoin(registrations, eq(registrations.id, assessmentResults.registrationId))
    .innerJoin(authorities, eq(authorities.id, registrations.authorityId))
    .innerJoin(physicians, eq(physicians.id, assessmentResults.physicianId))
    .innerJoin(institutions, eq(institutions.id, assessmentResults.institutionId))
    .leftJoin(registrationSuspensions, sql`${registrationSuspensions.id} = coalesce(${assessmentResults.suspensionId}, (
      select s.id from registration_suspensions s where s.assessment_result_id = ${assessmentResults.id}))`);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

export function presentResult(x: Row, actor: AccountActor, today: string) {
  const s = x.s;
  const suspension = s ? {
    id: s.id, version: s.version, status: s.status, displayStatus: suspensionStatusOn(s, today), statusLabel: SUSPENSION_DISPLAY_LABELS[suspensionStatusOn(s, today)],
    documentNo: s.documentNo, startsOn: s.startsOn, endsOn: s.endsOn, training: s.training,
  } : null;
  const isAuthority = actor.kind === 'authority';
  return {
    id: x.r.id,
    kind: x.r.kind,
    kindLabel: ASSESSMENT_KIND_LABELS[x.r.kind],
    physicianName: x.physicianName,
    idNumberMasked: x.idNumberMasked,
    licenceCode: x.licenceCode,
    institutionName: x.institutionName,
    registrationStatus: x.registrationStatus,
    registrationStatusLabel: REGISTRATION_STATUS_LABELS[x.registrationStatus],
    cycleStartYear: x.r.cycleStartYear,
    cycleLabel: assessmentCycleLabel(x.r.cycleStartYear),
    result: x.r.result,
    resultLabel: ASSESSMENT_RESULT_LABELS[x.r.result],
    assessedOn: x.r.assessedOn,
    assessor: x.r.assessor,
    source: x.r.source,
    recordedAt: x.r.createdAt.toISOString(),
    suspension,
    /** 连续两个考核周期未参加: a ground to cancel the registration (《医师执业注册管理办法》第十八条). */
    missedTwoCycles: x.missedTwoCycles === true,
    abilities: {
      // 《医师法》第四十二条: a 不合格 periodic result → 责令暂停执业活动 (the authority, once, on a 有效 registration).
      orderSuspension: isAuthority && x.r.kind === 'periodic' && x.r.result === 'failed' && !s && x.registrationStatus === 'valid',
      recordReassessment: isAuthority && x.r.kind === 'periodic' && !!s && s.kind === 'assessment' && s.status === 'in_force' && suspensionPeriodOver(s, today),
    },
  };
}

export type PresentedResult = ReturnType<typeof presentResult>;

export type ResultCursor = { createdAt: string; id: string };

/** One page in the list's order (newest first), on the (created_at, id) keyset. */
export function selectResultsPage(c: Ctx, scope: SupervisionScope, q: Omit<ResultListQuery, 'limit' | 'cursor'>, cursor: ResultCursor | undefined, limit: number) {
  const keyset = cursor ? [sql`(${assessmentResults.createdAt}, ${assessmentResults.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`] : [];
  return baseQuery(c).where(and(...conditions(scope, q), ...keyset)).orderBy(desc(assessmentResults.createdAt), desc(assessmentResults.id)).limit(limit);
}

export async function listResults(c: Ctx, actor: AccountActor, q: ResultListQuery, opts: { count?: boolean } = {}) {
  const scope = supervisionScopeOf(actor);
  const cursor = q.cursor ? decodeCursor(q.cursor, Cursor, SupervisionErrors.SUPERVISION_CURSOR_INVALID) : undefined;
  const where = conditions(scope, q);
  const [rows, [count]] = await Promise.all([
    selectResultsPage(c, scope, q, cursor ? { createdAt: cursor[0], id: cursor[1] } : undefined, q.limit + 1),
    opts.count === false ? Promise.resolve([{ n: 0 }]) : c.tx.select({ n: sql<number>`count(*)::int` }).from(assessmentResults)
      .innerJoin(registrations, eq(registrations.id, assessmentResults.registrationId))
      .innerJoin(authorities, eq(authorities.id, registrations.authorityId))
      .innerJoin(physicians, eq(physicians.id, assessmentResults.physicianId))
      .where(and(...where)),
  ]);
  const today = todayInChina(c.now());
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentResult(r, actor, today)),
    total: count?.n ?? 0,
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdExact, last.r.id]) : null,
  };
}
