/**
 * 工作日历提醒: the years whose holidays are not entered yet that stored due dates, or a due date counted today, reach,
 * and how many due dates are provisional (暂定) because of them (《行政许可法》第八十二条). The authority portal warns
 * its administrators with this until the years are entered. The calendar is national, so the counts are too.
 */
import { sql } from 'drizzle-orm';
import { addCalendarDays, provisionalDueDateNote, todayInChina, unknownYearsOfPeriod } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { rowsOf } from '../../db/rows';
import { decisionLimit, dueDateAfter, knownYears } from './calendar';
import { canAdministerCalendar } from './policy';

export async function calendarStatus(c: Ctx, actor: AccountActor) {
  const today = todayInChina(c.now());
  const known = await knownYears(c);
  const limit = await decisionLimit(c);
  const upcoming = await dueDateAfter(c, today, limit.workingDays, known);
  // applications_provisional_due_idx (due_date, id) WHERE due_date_provisional
  const [stored] = await rowsOf<{ n: number; last: string | null }>(c.tx, sql`
    SELECT count(*)::int AS n, to_char(max(due_date), 'YYYY-MM-DD') AS last
    FROM applications WHERE due_date_provisional AND state = 'accepted'`);
  const [pending] = await rowsOf<{ n: number }>(c.tx, sql`SELECT count(*)::int AS n FROM calendar_recomputes WHERE finished_at IS NULL`);
  const reach = stored?.last && stored.last > upcoming.dueDate ? stored.last : upcoming.dueDate;
  const unknownYears = unknownYearsOfPeriod(addCalendarDays(today, -1), reach, known);
  return {
    today,
    knownThrough: known[known.length - 1] ?? null,
    unknownYears,
    provisionalDueDates: stored?.n ?? 0,
    /** The due date of an application accepted today. */
    upcoming: { acceptedOn: today, dueDate: upcoming.dueDate, provisional: upcoming.provisional },
    recomputing: (pending?.n ?? 0) > 0,
    note: unknownYears.length > 0 ? provisionalDueDateNote(unknownYears) : null,
    canAdminister: canAdministerCalendar(actor),
  };
}
