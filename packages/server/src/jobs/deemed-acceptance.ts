import { sql } from 'drizzle-orm';
import {
  BUSINESS_TYPES, BUSINESS_TYPE_INFO, CORRECTION_NOTICE_WORKING_DAYS, WORKFLOW_TABLE, addCalendarDays, scheduledTransition, todayInChina,
  type ApplicationState, type IsoDate,
} from '@medreg/domain';
import type { Ctx } from '../context';
import { applications } from '../db/schema/index';
import { rowsOf } from '../db/rows';
import type { AuditActor } from '../modules/audit/service';
import { recordApplicationEvent } from '../modules/applications/events';
import { decisionLimit, dueDateAfter, loadWorkingCalendar } from '../modules/authority/calendar';
import { partiesOf } from '../modules/authority/decision-service';
import { noticeAccepted } from '../modules/authority/notices';
import type { Job } from './runner';

const HOUR = 3_600_000;
/** Applications deemed accepted per batch (locks held briefly); a run takes batches until one comes back short. */
export const DEEMED_ACCEPTANCE_BATCH = 100;
const MAX_BATCHES_PER_RUN = 10;
const SCHEDULER: AuditActor = { accountId: null, role: 'system' };

/** Licences only: a filing or a certificate (no statutory clock) is not an administrative licence. */
const LICENSING_TYPES = BUSINESS_TYPES.filter((t) => BUSINESS_TYPE_INFO[t].statutoryWorkingDays !== null);

/**
 * The last arrival day whose 5-working-day 补正 period has ended before `today`: arrived on it or earlier and still
 * not sent back → deemed accepted. (The period counts from the day after arrival, 《民法典》第二百零一条.)
 */
export async function lastDeemedArrivalDay(c: Ctx, today: IsoDate): Promise<IsoDate> {
  const yesterday = addCalendarDays(today, -1);
  const calendar = await loadWorkingCalendar(c, addCalendarDays(today, -90), today);
  let day = yesterday;
  while (calendar.countWorkingDays(day, yesterday) < CORRECTION_NOTICE_WORKING_DAYS) day = addCalendarDays(day, -1);
  return day;
}

/**
 * 《行政许可法》第三十二条第一款第四项: an application that arrived at the authority (confirmed by the institution,
 * or resubmitted after 补正) and was neither accepted nor sent back for 补正 within 5 working days is accepted from the
 * day it arrived (逾期不告知的，自收到申请材料之日起即为受理). Through the workflow action `deem_accept` (状态 正在申办 →
 * 已受理), with deemed_accepted_on = the day of arrival, the statutory clock (《医师法》第十三条) running from that day,
 * the history row, the audit entry and the notice of acceptance — in the job's transaction. Candidates are locked
 * FOR UPDATE SKIP LOCKED and the update is guarded by the state, so an application the authority is handling at
 * that moment is left alone and none is deemed accepted twice. Returns how many were.
 */
export async function deemAccepted(c: Ctx): Promise<number> {
  const today = todayInChina(c.now());
  // Arrived before the day after the last deemed arrival day began (北京时间).
  const before = new Date(`${addCalendarDays(await lastDeemedArrivalDay(c, today), 1)}T00:00:00+08:00`);
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
    const { locked, deemed } = await deemBatch(c, before);
    total += deemed;
    if (locked < DEEMED_ACCEPTANCE_BATCH) break;
  }
  return total;
}

async function deemBatch(c: Ctx, before: Date): Promise<{ locked: number; deemed: number }> {
  // The latest arrival is the last time the application entered 正在申办 (its history: the institution's 同意 or a
  // 补正 resubmission, whose own 5 days then run); the indexed first arrival (institution_decided_at, else
  // submitted_at) bounds it from below.
  const due = await rowsOf<{ id: string; arrived_at: string | Date }>(c.tx, sql`
    SELECT a.id, arrival.at AS arrived_at
    FROM applications a
    CROSS JOIN LATERAL (
      SELECT coalesce(max(e.created_at), coalesce(a.institution_decided_at, a.submitted_at)) AS at
      FROM application_events e WHERE e.application_id = a.id AND e.to_state = 'pending_authority'
    ) arrival
    WHERE a.state = 'pending_authority'
      AND coalesce(a.institution_decided_at, a.submitted_at) < ${before.toISOString()}::timestamptz
      AND NOT EXISTS (SELECT 1 FROM application_events r WHERE r.application_id = a.id AND r.to_state = 'pending_authority'
                      AND r.created_at >= ${before.toISOString()}::timestamptz)
      AND a.business_type IN (${sql.join(LICENSING_TYPES.map((t) => sql`${t}`), sql`, `)})
    ORDER BY coalesce(a.institution_decided_at, a.submitted_at), a.id
    LIMIT ${DEEMED_ACCEPTANCE_BATCH}
    FOR UPDATE OF a SKIP LOCKED`);
  const limit = await decisionLimit(c);
  let deemed = 0;
  for (const row of due) {
    if (await deem(c, row.id, new Date(row.arrived_at), limit.workingDays)) deemed++;
  }
  return { locked: due.length, deemed };
}

async function deem(c: Ctx, id: string, arrivedAt: Date, workingDays: number): Promise<boolean> {
  const from: ApplicationState = 'pending_authority';
  const to = scheduledTransition(from, 'deem_accept');
  const arrivedOn = todayInChina(arrivedAt);
  const due = await dueDateAfter(c, arrivedOn, workingDays);
  const dueDate = due.dueDate;
  const [app] = await c.tx.update(applications)
    .set({ state: to, acceptedAt: arrivedAt, dueDate, dueDateProvisional: due.provisional, dueWorkingDays: workingDays, deemedAcceptedOn: arrivedOn, version: sql`${applications.version} + 1`, updatedAt: c.now() })
    .where(sql`${applications.id} = ${id} AND ${applications.state} = ${from}`)
    .returning();
  if (!app) return false;
  const reason = `${WORKFLOW_TABLE.deem_accept.label}：${arrivedOn}收到申请材料，${CORRECTION_NOTICE_WORKING_DAYS}个工作日内未一次性告知补正（《行政许可法》第三十二条），自收到申请材料之日起即为受理`;
  await recordApplicationEvent(c, SCHEDULER, {
    applicationId: id, action: 'deem_accept', fromState: from, toState: to, actorAccountId: null, actorRole: 'system',
    actorOrgName: null, reason, createdAt: c.now(),
  }, { from, to, reason, arrivedOn, dueDate, dueDateProvisional: due.provisional, rule: '《行政许可法》第三十二条' });
  await noticeAccepted(c, (await partiesOf(c, app)).notice, dueDate, workingDays, due.provisional);
  return true;
}

export function deemedAcceptanceJob(): Job {
  return { name: 'applications.deem_accepted', intervalMs: HOUR, run: (c) => deemAccepted(c) };
}
