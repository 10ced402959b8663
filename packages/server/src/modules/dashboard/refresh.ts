/**
 * Rebuilds the dashboard aggregates (migration 20261203110000) from the source tables with set-based SQL, in the
 * caller's transaction: delete and re-insert each table, so that a rerun gives the same rows (idempotent) and a
 * reader sees either the old figures or the new ones (MVCC), never a half-built set. A transaction-scoped advisory
 * lock makes concurrent refreshes (the job in several processes, 「刷新统计」 clicks) take turns.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { rowsOf } from '../../db/rows';
import type { Job } from '../../jobs/runner';

const REFRESH_LOCK = 7246031;
export const DASHBOARD_REFRESH_JOB = 'dashboard.refresh';
const TEN_MINUTES = 10 * 60_000;

/** Dates and months in Asia/Shanghai, as the authorities count them. */
const localDay = (column: string) => sql.raw(`(${column} AT TIME ZONE 'Asia/Shanghai')::date`);
const localMonth = (column: string) => sql.raw(`date_trunc('month', ${column} AT TIME ZONE 'Asia/Shanghai')::date`);

export async function refreshDashboardStats(c: Ctx): Promise<{ refreshedAt: string }> {
  await c.tx.execute(sql`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`);
  await c.tx.execute(sql`DELETE FROM stats_applications_monthly`);
  await c.tx.execute(sql`DELETE FROM stats_decision_days`);
  await c.tx.execute(sql`DELETE FROM stats_institution_outcomes`);
  await c.tx.execute(sql`DELETE FROM stats_registered_physicians`);

  // 收件 by month of arrival at the authority, 办结/准予/不予 by month of decision, 退回补正 by month of the notice.
  await c.tx.execute(sql`
    INSERT INTO stats_applications_monthly (authority_id, month, business_type, received, decided, approved, refused, returned)
    SELECT authority_id, month, business_type, sum(received), sum(decided), sum(approved), sum(refused), sum(returned)
    FROM (
      SELECT authority_id, ${localMonth('coalesce(institution_decided_at, submitted_at)')} AS month, business_type,
             1 AS received, 0 AS decided, 0 AS approved, 0 AS refused, 0 AS returned
      FROM applications
      WHERE authority_id IS NOT NULL AND submitted_at IS NOT NULL
        AND state IN ('pending_authority', 'accepted', 'returned_for_correction', 'approved', 'refused')
      UNION ALL
      SELECT authority_id, ${localMonth('decided_at')}, business_type, 0, 1, (state = 'approved')::int, (state = 'refused')::int, 0
      FROM applications
      WHERE authority_id IS NOT NULL AND decided_at IS NOT NULL AND state IN ('approved', 'refused')
      UNION ALL
      SELECT a.authority_id, ${localMonth('e.created_at')}, a.business_type, 0, 0, 0, 0, 1
      FROM application_events e JOIN applications a ON a.id = e.application_id
      WHERE a.authority_id IS NOT NULL AND e.to_state = 'returned_for_correction'
    ) s
    GROUP BY authority_id, month, business_type`);

  // Working days between 受理 and the decision: an ordinal per calendar day (weekdays, minus holidays, plus 调休
  // working days of calendar_days), so that (accepted, decided] holds ordinal(decided) − ordinal(accepted) working
  // days — the first day not counted (《民法典》第二百零一条), as the due date is computed.
  await c.tx.execute(sql`
    WITH decided AS (
      SELECT authority_id, ${localMonth('decided_at')} AS month, coalesce(deemed_accepted_on, ${localDay('accepted_at')}) AS accepted_on,
             ${localDay('decided_at')} AS decided_on
      FROM applications
      WHERE authority_id IS NOT NULL AND state IN ('approved', 'refused') AND decided_at IS NOT NULL AND due_date IS NOT NULL
        AND (accepted_at IS NOT NULL OR deemed_accepted_on IS NOT NULL)
    ), span AS (SELECT min(accepted_on) AS lo, max(decided_on) AS hi FROM decided),
    days AS (
      SELECT g::date AS day,
             sum(CASE WHEN cd.kind = 'workday' THEN 1 WHEN cd.kind = 'holiday' THEN 0 WHEN extract(isodow FROM g) < 6 THEN 1 ELSE 0 END)
               OVER (ORDER BY g) AS ordinal
      FROM span CROSS JOIN generate_series(span.lo, span.hi, interval '1 day') g
      LEFT JOIN calendar_days cd ON cd.day = g::date
    )
    INSERT INTO stats_decision_days (authority_id, month, working_days, decisions)
    SELECT d.authority_id, d.month, greatest(hi.ordinal - lo.ordinal, 0), count(*)
    FROM decided d JOIN days lo ON lo.day = d.accepted_on JOIN days hi ON hi.day = d.decided_on
    GROUP BY 1, 2, 3`);

  await c.tx.execute(sql`
    INSERT INTO stats_institution_outcomes (authority_id, institution_id, month, returned, refused)
    SELECT authority_id, institution_id, month, sum(returned), sum(refused)
    FROM (
      SELECT a.authority_id, a.institution_id, ${localMonth('e.created_at')} AS month, 1 AS returned, 0 AS refused
      FROM application_events e JOIN applications a ON a.id = e.application_id
      WHERE a.authority_id IS NOT NULL AND a.institution_id IS NOT NULL AND e.to_state = 'returned_for_correction'
      UNION ALL
      SELECT authority_id, institution_id, ${localMonth('decided_at')}, 0, 1
      FROM applications
      WHERE authority_id IS NOT NULL AND institution_id IS NOT NULL AND state = 'refused' AND decided_at IS NOT NULL
    ) s
    GROUP BY authority_id, institution_id, month`);

  await c.tx.execute(sql`
    INSERT INTO stats_registered_physicians (area_code, category, level, physicians)
    SELECT i.area_code, r.category, r.level, count(*)
    FROM registrations r JOIN institutions i ON i.id = r.main_institution_id
    WHERE r.status = 'valid'
    GROUP BY i.area_code, r.category, r.level`);

  const [row] = await rowsOf<{ refreshed_at: string }>(c.tx, sql`
    INSERT INTO stats_refreshes (id, refreshed_at) VALUES (1, ${c.now().toISOString()}::timestamptz)
    ON CONFLICT (id) DO UPDATE SET refreshed_at = excluded.refreshed_at
    RETURNING to_char(refreshed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS refreshed_at`);
  return { refreshedAt: row!.refreshed_at };
}

/** The aggregates rebuilt every 10 minutes by one of the server processes (JobRunner). */
export function dashboardRefreshJob(): Job {
  return { name: DASHBOARD_REFRESH_JOB, intervalMs: TEN_MINUTES, run: (c) => refreshDashboardStats(c) };
}
