import { sql } from 'drizzle-orm';
import { DUE_SOON_WORKING_DAYS, PROVISIONAL_DUE_DATE_LABEL, addCalendarDays, todayInChina, type IsoDate } from '@medreg/domain';
import type { Ctx } from '../context';
import { rowsOf } from '../db/rows';
import { audit, type AuditActor } from '../modules/audit/service';
import { loadWorkingCalendar } from '../modules/authority/calendar';
import { notifyAccount } from '../modules/notifications/outbox';
import type { Job } from './runner';

const HOUR = 3_600_000;
export const DUE_ALERT_BATCH = 200;
const SCHEDULER: AuditActor = { accountId: null, role: 'system' };

export type DueAlertLevel = 'due_soon' | 'overdue';
const LEVEL_LABELS: Record<DueAlertLevel, string> = { due_soon: '即将超期', overdue: '已超期' };

/** The last due date that is 即将超期 today: 3 working days left or fewer (today not counted). */
export async function dueSoonUntil(c: Ctx, today: IsoDate): Promise<IsoDate> {
  return (await loadWorkingCalendar(c, today, addCalendarDays(today, 40))).addWorkingDays(today, DUE_SOON_WORKING_DAYS);
}

/**
 * 《医师法》第十三条 (decide within 20 working days of 受理): the deciding authority's staff are told of each accepted
 * application whose due date is 3 working days away or nearer (即将超期) and again once it has passed (已超期) — once
 * per application and level: the alert rows (authority_due_alerts, primary key application + level) are inserted
 * ON CONFLICT DO NOTHING and only the rows this run inserted are told, so a rerun or a concurrent run sends nothing
 * twice. One message per staff member and authority per run lists the applications. Returns the alerts sent.
 */
export async function sendDueAlerts(c: Ctx): Promise<number> {
  const today = todayInChina(c.now());
  const soon = await dueSoonUntil(c, today);
  let total = 0;
  for (const level of ['overdue', 'due_soon'] as const) {
    for (let batch = 0; batch < 10; batch++) {
      const sent = await alertBatch(c, level, level === 'overdue' ? { before: today } : { from: today, to: soon });
      total += sent;
      if (sent < DUE_ALERT_BATCH) break;
    }
  }
  return total;
}

async function alertBatch(c: Ctx, level: DueAlertLevel, range: { before: IsoDate } | { from: IsoDate; to: IsoDate }): Promise<number> {
  const dueRange = 'before' in range ? sql`a.due_date < ${range.before}::date` : sql`a.due_date BETWEEN ${range.from}::date AND ${range.to}::date`;
  const now = c.now();
  const sent = await rowsOf<{ application_id: string; authority_id: string; due_date: string; business_code: string | null; physician_name: string; due_date_provisional: boolean }>(c.tx, sql`
    WITH candidates AS (
      SELECT a.id, a.authority_id, a.due_date FROM applications a
      WHERE a.state = 'accepted' AND a.due_date IS NOT NULL AND ${dueRange}
        AND NOT EXISTS (SELECT 1 FROM authority_due_alerts x WHERE x.application_id = a.id AND x.level = ${level})
      ORDER BY a.due_date, a.id
      LIMIT ${DUE_ALERT_BATCH}
      FOR UPDATE OF a SKIP LOCKED
    ), inserted AS (
      INSERT INTO authority_due_alerts (application_id, level, authority_id, due_date, sent_at)
      SELECT id, ${level}, authority_id, due_date, ${now.toISOString()}::timestamptz FROM candidates
      ON CONFLICT DO NOTHING
      RETURNING application_id, authority_id, due_date
    )
    SELECT i.application_id, i.authority_id, to_char(i.due_date, 'YYYY-MM-DD') AS due_date, a.business_code, a.physician_name, a.due_date_provisional
    FROM inserted i JOIN applications a ON a.id = i.application_id
    ORDER BY i.authority_id, i.due_date, i.application_id`);
  if (sent.length === 0) return 0;
  const byAuthority = new Map<string, typeof sent>();
  for (const row of sent) byAuthority.set(row.authority_id, [...(byAuthority.get(row.authority_id) ?? []), row]);
  const staff = await rowsOf<{ id: string; authority_id: string; phone: string | null; email: string | null }>(c.tx, sql`
    SELECT id, authority_id, phone, email FROM accounts
    WHERE authority_id IN (${sql.join([...byAuthority.keys()].map((id) => sql`${id}::uuid`), sql`, `)})
      AND role IN ('authority_reviewer', 'authority_admin') AND NOT disabled`);
  for (const [authorityId, rows] of byAuthority) {
    const label = LEVEL_LABELS[level];
    // A provisional due date (暂定, 《行政许可法》第八十二条) says so; the recompute job re-arms the alert when it moves.
    const list = rows.map((r) => `${r.business_code ?? ''} ${r.physician_name}（办理期限${r.due_date}${r.due_date_provisional ? `，${PROVISIONAL_DUE_DATE_LABEL}` : ''}）`).join('；');
    const body = `有${rows.length}件已受理的业务申请${label}，请及时作出决定（《医师法》第十三条）：${list}。`;
    for (const account of staff.filter((s) => s.authority_id === authorityId)) {
      await notifyAccount(c, { accountId: account.id, phone: account.phone, email: account.email }, `authority.${level}`, `业务申请${label}提醒`, body);
    }
    for (const r of rows) await audit(c, SCHEDULER, `application.alert_${level}`, 'application', r.application_id, { level, dueDate: r.due_date, authorityId });
  }
  return sent.length;
}

export function dueAlertsJob(): Job {
  return { name: 'applications.due_alerts', intervalMs: HOUR, run: (c) => sendDueAlerts(c) };
}
