/**
 * The working-day calendar and the decision period as the authority module reads them:
 * 《行政许可法》第八十二条 — periods in working days, statutory holidays excluded, 调休 working days counted;
 * 《医师法》第十三条 — decide within 20 working days of 受理 (config DECISION_LIMIT_WORKING_DAYS, or the
 * `decision_limit_working_days` setting an administrator sets).
 */
import { asc, between, eq } from 'drizzle-orm';
import { WorkingCalendar, addCalendarDays, countDueDate, type CountedDueDate, type IsoDate } from '@medreg/domain';
import type { Ctx } from '../../context';
import { calendarDays, calendarYears, settings } from '../../db/schema/index';

export const DECISION_LIMIT_SETTING = 'decision_limit_working_days';

/** The decision period in working days: the setting when present and sane, else the configuration. */
export async function decisionLimit(c: Ctx): Promise<{ workingDays: number; source: 'setting' | 'config' }> {
  const [row] = await c.tx.select({ value: settings.value }).from(settings).where(eq(settings.key, DECISION_LIMIT_SETTING));
  const value = row?.value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 60) return { workingDays: value, source: 'setting' };
  return { workingDays: c.config.DECISION_LIMIT_WORKING_DAYS, source: 'config' };
}

/**
 * A calendar with the overrides (holidays, 调休 working days) of [from, to] — one query per request,
 * never per row. Dates outside the range count as plain Mon–Fri weeks, so callers load what they need.
 */
export async function loadWorkingCalendar(c: Ctx, from: IsoDate, to: IsoDate): Promise<WorkingCalendar> {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  const rows = await c.tx.select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays).where(between(calendarDays.day, lo, hi));
  return new WorkingCalendar(rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name ?? undefined })));
}

/**
 * Calendar days that surely contain `n` working days after a date: 7 per 5 working days, plus the longest
 * run of holidays a year has (Spring Festival / National Day weeks and their neighbours), with margin.
 */
export function spanFor(n: number): number {
  return Math.ceil((n * 7) / 5) + 30;
}

/** The years whose holidays are known (calendar_years: the dataset's and those administrators entered), ascending. */
export async function knownYears(c: Ctx): Promise<number[]> {
  const rows = await c.tx.select({ year: calendarYears.year }).from(calendarYears).orderBy(asc(calendarYears.year));
  return rows.map((r) => r.year);
}

/**
 * The last day of an n-working-day period starting after `start` (start not counted: 《民法典》第二百零一条), and
 * whether it is provisional (暂定): 《行政许可法》第八十二条 excludes statutory holidays, so a period reaching a year
 * whose holidays are not known is counted as Mon–Fri there and recounted once the year is entered.
 */
export async function dueDateAfter(c: Ctx, start: IsoDate, n: number, known?: readonly number[]): Promise<CountedDueDate> {
  const years = known ?? await knownYears(c);
  for (let span = spanFor(n); ; span *= 2) {
    const to = addCalendarDays(start, span);
    const due = countDueDate(await loadWorkingCalendar(c, start, to), years, start, n);
    if (due.dueDate <= to) return due;
  }
}

/**
 * Working days left until a due date (negative once overdue) and whether the due date has passed —
 * while the clock runs (已受理); a decided application is neither counting down nor overdue.
 */
export function deadlineOf(calendar: WorkingCalendar, today: IsoDate, dueDate: string | null, state: string): { workingDaysLeft: number | null; overdue: boolean } {
  if (!dueDate || state !== 'accepted') return { workingDaysLeft: null, overdue: false };
  return { workingDaysLeft: calendar.countWorkingDays(today, dueDate), overdue: dueDate < today };
}

