/**
 * Recounts stored due dates after a calendar change (《行政许可法》第八十二条: the period excludes statutory holidays;
 * 《医师法》第十三条: 20 working days from 受理). Entering a year or correcting a day queues a calendar_recomputes row in
 * the change's transaction; this job takes the oldest unfinished one (FOR UPDATE SKIP LOCKED) and recounts one batch
 * of accepted applications due on or after the changed day, in (due_date, id) key order from the row's cursor — one
 * batch per run, in the run's transaction, with an audit entry per application whose due date or 暂定 flag changed.
 * The runner's per-interval job id is the singleton: one process runs it per interval, and a second request or a
 * concurrent process only skips. A due date reaching a year still unknown stays provisional; one that no longer
 * does is cleared. Moved due dates re-arm the due alerts (authority_due_alerts) for the new date.
 */
import { sql } from 'drizzle-orm';
import { addCalendarDays, countDueDate, todayInChina } from '@medreg/domain';
import type { Ctx } from '../context';
import { rowsOf } from '../db/rows';
import { audit, type AuditActor } from '../modules/audit/service';
import { decisionLimit, dueDateAfter, knownYears, loadWorkingCalendar, spanFor } from '../modules/authority/calendar';
import type { Job } from './runner';

export const RECOMPUTE_BATCH = 500;
const SCHEDULER: AuditActor = { accountId: null, role: 'system' };

interface Due { id: string; accepted_at: string | Date; deemed_accepted_on: string | null; due_date: string; due_date_provisional: boolean; due_working_days: number | null }

/** One batch of the oldest unfinished recompute; the number of applications whose due date changed (−1: nothing to do). */
export async function recomputeDueDateBatch(c: Ctx): Promise<number> {
  const [request] = await rowsOf<{ id: number; from_day: string; cursor_due_date: string | null; cursor_id: string | null; reason: string }>(c.tx, sql`
    SELECT id, to_char(from_day, 'YYYY-MM-DD') AS from_day, to_char(cursor_due_date, 'YYYY-MM-DD') AS cursor_due_date, cursor_id, reason
    FROM calendar_recomputes WHERE finished_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`);
  if (!request) return -1;
  const after = request.cursor_due_date && request.cursor_id
    ? sql`AND (due_date, id) > (${request.cursor_due_date}::date, ${request.cursor_id}::uuid)` : sql``;
  // applications_accepted_due_idx (due_date, id) WHERE state = 'accepted'
  const rows = await rowsOf<Due>(c.tx, sql`
    SELECT id, accepted_at, to_char(deemed_accepted_on, 'YYYY-MM-DD') AS deemed_accepted_on, to_char(due_date, 'YYYY-MM-DD') AS due_date,
      due_date_provisional, due_working_days
    FROM applications
    WHERE state = 'accepted' AND due_date IS NOT NULL AND due_date >= ${request.from_day}::date ${after}
    ORDER BY due_date, id LIMIT ${RECOMPUTE_BATCH}
    FOR UPDATE`);
  const changed = await recount(c, rows, request.reason);
  const last = rows[rows.length - 1];
  await c.tx.execute(sql`
    UPDATE calendar_recomputes SET changed = changed + ${changed.length},
      cursor_due_date = ${last?.due_date ?? request.cursor_due_date}::date, cursor_id = ${last?.id ?? request.cursor_id}::uuid,
      finished_at = ${rows.length < RECOMPUTE_BATCH ? c.now().toISOString() : null}::timestamptz
    WHERE id = ${request.id}`);
  return changed.length;
}

/** Recounts the batch on one calendar load; writes and audits only the applications whose due date or flag moved. */
async function recount(c: Ctx, rows: Due[], reason: string): Promise<string[]> {
  if (rows.length === 0) return [];
  const known = await knownYears(c);
  const fallback = (await decisionLimit(c)).workingDays;
  const items = rows.map((r) => ({ row: r, start: r.deemed_accepted_on ?? todayInChina(new Date(r.accepted_at)), n: r.due_working_days ?? fallback }));
  const starts = items.map((i) => i.start).sort();
  const to = addCalendarDays(starts[starts.length - 1]!, spanFor(Math.max(...items.map((i) => i.n))));
  const calendar = await loadWorkingCalendar(c, starts[0]!, to);
  const changed: { id: string; from: string; to: string; wasProvisional: boolean; provisional: boolean }[] = [];
  for (const { row, start, n } of items) {
    let due = countDueDate(calendar, known, start, n);
    if (due.dueDate > to) due = await dueDateAfter(c, start, n, known); // beyond the loaded range: rare, counted alone
    if (due.dueDate !== row.due_date || due.provisional !== row.due_date_provisional) {
      changed.push({ id: row.id, from: row.due_date, to: due.dueDate, wasProvisional: row.due_date_provisional, provisional: due.provisional });
    }
  }
  if (changed.length === 0) return [];
  const values = sql.join(changed.map((x) => sql`(${x.id}::uuid, ${x.to}::date, ${x.provisional}::boolean)`), sql`, `);
  await c.tx.execute(sql`
    UPDATE applications a SET due_date = v.due, due_date_provisional = v.provisional, updated_at = ${c.now().toISOString()}::timestamptz
    FROM (VALUES ${values}) AS v(id, due, provisional) WHERE a.id = v.id`);
  const moved = changed.filter((x) => x.from !== x.to).map((x) => sql`${x.id}::uuid`);
  if (moved.length > 0) await c.tx.execute(sql`DELETE FROM authority_due_alerts WHERE application_id IN (${sql.join(moved, sql`, `)})`);
  for (const x of changed) {
    await audit(c, SCHEDULER, 'application.due_date_recomputed', 'application', x.id, {
      from: x.from, to: x.to, provisionalBefore: x.wasProvisional, provisional: x.provisional, reason, rule: '《行政许可法》第八十二条',
    });
  }
  return changed.map((x) => x.id);
}

export function dueDateRecomputeJob(): Job {
  return { name: 'calendar.recompute_due_dates', intervalMs: 10_000, run: (c) => recomputeDueDateBatch(c) };
}
