/**
 * The institution's own 统计 (issue 10 point 5): its applications by status and by month, how many await its
 * confirmation, its roster by registration status, its multi-site filings and the 注册备案 (departures) it reported
 * in the last 12 months, with the late ones (《医师执业注册管理办法》: report within 30 days). Live and bounded by
 * the institution: every count is a range of an index that starts with institution_id (or main_institution_id).
 */
import { sql } from 'drizzle-orm';
import {
  APPLICATION_STATES, APPLICATION_STATE_LABELS, REGISTRATION_STATUS_LABELS, todayInChina, type ApplicationState, type RegistrationStatus,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { institutionIdOf } from '../institutions/policy';
import { dashboardMonths, firstDayOf } from './months';
import { selectRows } from './queries';
import type { InstitutionDashboard } from './schemas';

export async function institutionDashboard(c: Ctx, actor: AccountActor): Promise<InstitutionDashboard> {
  const institutionId = institutionIdOf(actor);
  const today = todayInChina(c.now());
  const months = dashboardMonths(today);
  const from = firstDayOf(months);
  const states = await selectRows<{ state: string; n: number }>(c, sql`
    SELECT state, count(*)::int AS n FROM applications WHERE institution_id = ${institutionId} AND state <> 'draft' GROUP BY state`);
  const monthly = await selectRows<{ month: string; submitted: number; approved: number; refused: number }>(c, sql`
    SELECT to_char(date_trunc('month', submitted_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM') AS month, count(*)::int AS submitted,
           count(*) FILTER (WHERE state = 'approved')::int AS approved, count(*) FILTER (WHERE state IN ('refused', 'refused_by_institution'))::int AS refused
    FROM applications
    WHERE institution_id = ${institutionId} AND submitted_at >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
    GROUP BY 1`);
  const roster = await selectRows<{ status: string; n: number }>(c, sql`
    SELECT status, count(*)::int AS n FROM registrations WHERE main_institution_id = ${institutionId} GROUP BY status`);
  const [filings] = await selectRows<{ n: number }>(c, sql`
    SELECT count(*)::int AS n FROM multi_site_filings WHERE institution_id = ${institutionId} AND status = 'active'`);
  const [departures] = await selectRows<{ reported: number; late: number }>(c, sql`
    SELECT count(*)::int AS reported, count(*) FILTER (WHERE (e.changes ->> 'late')::boolean)::int AS late
    FROM registrations r JOIN registration_events e ON e.registration_id = r.id
    WHERE r.main_institution_id = ${institutionId} AND r.status = 'filed' AND e.event = 'file_departure'
      AND e.created_at >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  const countOf = (s: string) => states.find((r) => r.state === s)?.n ?? 0;
  return {
    today,
    byState: APPLICATION_STATES.filter((s) => s !== 'draft' && countOf(s) > 0)
      .map((state) => ({ state, label: APPLICATION_STATE_LABELS[state as ApplicationState], applications: countOf(state) })),
    monthly: months.map((month) => {
      const row = monthly.find((r) => r.month === month);
      return { month, submitted: row?.submitted ?? 0, approved: row?.approved ?? 0, refused: row?.refused ?? 0 };
    }),
    awaitingConfirmation: countOf('pending_institution'),
    roster: (Object.keys(REGISTRATION_STATUS_LABELS) as RegistrationStatus[]).map((status) => ({
      status, label: REGISTRATION_STATUS_LABELS[status], registrations: roster.find((r) => r.status === status)?.n ?? 0,
    })),
    multiSiteFilings: filings?.n ?? 0,
    departures: { reported: departures?.reported ?? 0, late: departures?.late ?? 0 },
  };
}
