/**
 * The dashboard reads. Each aggregate query is a range of its table's primary key (authority_id = ANY(…), month ≥ …;
 * area_code BETWEEN …); the live deadline counts are ranges of applications_authority_queue_idx
 * (authority_id, state, due_date). Plans: test/dashboard/dashboard-plans.test.ts.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { rowsOf } from '../../db/rows';

const ids = (authorityIds: readonly string[]) => sql`${`{${authorityIds.join(',')}}`}::uuid[]`;

export interface MonthlyRow { month: string; business_type: string; received: number; decided: number; approved: number; refused: number; returned: number }

export function monthlyQuery(authorityIds: readonly string[], fromMonth: string): SQL {
  return sql`
    SELECT to_char(month, 'YYYY-MM') AS month, business_type, sum(received)::int AS received, sum(decided)::int AS decided,
           sum(approved)::int AS approved, sum(refused)::int AS refused, sum(returned)::int AS returned
    FROM stats_applications_monthly
    WHERE authority_id = ANY(${ids(authorityIds)}) AND month >= ${fromMonth}::date
    GROUP BY month, business_type ORDER BY month, business_type`;
}

export function decisionDaysQuery(authorityIds: readonly string[], fromMonth: string): SQL {
  return sql`
    SELECT to_char(month, 'YYYY-MM') AS month, working_days, sum(decisions)::int AS decisions
    FROM stats_decision_days
    WHERE authority_id = ANY(${ids(authorityIds)}) AND month >= ${fromMonth}::date
    GROUP BY month, working_days`;
}

export function institutionOutcomesQuery(authorityIds: readonly string[], fromMonth: string, limit: number): SQL {
  return sql`
    SELECT s.institution_id, i.name, sum(s.returned)::int AS returned, sum(s.refused)::int AS refused
    FROM stats_institution_outcomes s JOIN institutions i ON i.id = s.institution_id
    WHERE s.authority_id = ANY(${ids(authorityIds)}) AND s.month >= ${fromMonth}::date
    GROUP BY s.institution_id, i.name
    ORDER BY sum(s.returned) + sum(s.refused) DESC, i.name
    LIMIT ${limit}`;
}

/** 有效执业注册 whose practice location lies in [lo, hi] (an area prefix padded with 0s and 9s). */
export function physiciansQuery(lo: string, hi: string): SQL {
  return sql`
    SELECT area_code, category, level, physicians
    FROM stats_registered_physicians WHERE area_code BETWEEN ${lo} AND ${hi}`;
}

/** 已受理 applications per deciding authority: past the due date (已超期) and due by `dueSoonUntil` (即将超期). Live. */
export function deadlinesQuery(authorityIds: readonly string[], today: string, dueSoonUntil: string): SQL {
  return sql`
    SELECT authority_id, count(*)::int AS accepted,
           count(*) FILTER (WHERE due_date < ${today}::date)::int AS overdue,
           count(*) FILTER (WHERE due_date BETWEEN ${today}::date AND ${dueSoonUntil}::date)::int AS due_soon
    FROM applications
    WHERE authority_id = ANY(${ids(authorityIds)}) AND state = 'accepted'
    GROUP BY authority_id`;
}

export async function selectRows<T>(c: Ctx, query: SQL): Promise<T[]> {
  return rowsOf<T>(c.tx, query);
}

export async function lastRefresh(c: Ctx): Promise<string | null> {
  const [row] = await rowsOf<{ at: string }>(c.tx, sql`
    SELECT to_char(refreshed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM stats_refreshes WHERE id = 1`);
  return row?.at ?? null;
}

export async function regionNames(c: Ctx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await rowsOf<{ code: string; name: string }>(c.tx, sql`SELECT code, name FROM regions WHERE code = ANY(${`{${codes.join(',')}}`}::char(6)[])`);
  return new Map(rows.map((r) => [r.code, r.name]));
}
