/**
 * 工作日历 administration (《行政许可法》第八十二条: periods in working days, statutory holidays excluded). The holidays
 * and 调休 working days of a year come from the State Council's yearly notice: seeded from the `chinese-days` dataset
 * for the years it covers, entered whole by an administrator for a year it does not (one request, one transaction),
 * and corrected day by day in any year. Every change keeps its history (calendar_day_history), is audited and asks
 * the recompute job to recount the stored due dates it may move. The calendar is national: one notice for the whole
 * country, kept by national or provincial administrators (policy.ts, docs/architecture.md).
 */
import { and, asc, between, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  CalendarEntryErrors, chineseDaysYears, isoWeekday, overridesOfYearEntry,
  type CalendarDayCorrection, type CalendarOverride, type CalendarOverrideKind, type CalendarYearEntry,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { calendarDayHistory, calendarDays, calendarRecomputes, calendarYears, settings } from '../../db/schema/index';
import { audit } from '../audit/service';
import { DECISION_LIMIT_SETTING, decisionLimit } from './calendar';
import { AuthorityErrors } from './errors';
import { canAdministerCalendar } from './policy';

const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

type DayRow = typeof calendarDays.$inferSelect;

const sqlExcluded = (column: 'kind' | 'name') => sql.raw(`excluded.${column}`);

function assertAdministrator(actor: AccountActor): void {
  if (!canAdministerCalendar(actor)) throw AuthorityErrors.CALENDAR_ADMIN_REQUIRED();
}

/** Asks the recompute job (jobs/due-date-recompute.ts) to recount the due dates on or after `fromDay`. */
async function requestRecompute(c: Ctx, actor: AccountActor, fromDay: string, reason: string): Promise<void> {
  await c.tx.insert(calendarRecomputes).values({ fromDay, reason, requestedBy: actor.accountId, requestedAt: c.now() });
}

export async function listCalendar(c: Ctx, actor: AccountActor, year: number) {
  const rows = await c.tx.select().from(calendarDays)
    .where(between(calendarDays.day, `${year}-01-01`, `${year}-12-31`)).orderBy(asc(calendarDays.day));
  const [known] = await c.tx.select().from(calendarYears).where(eq(calendarYears.year, year));
  const history = await c.tx.select().from(calendarDayHistory)
    .where(between(calendarDayHistory.day, `${year}-01-01`, `${year}-12-31`))
    .orderBy(desc(calendarDayHistory.id)).limit(50);
  const limit = await decisionLimit(c);
  const years = chineseDaysYears();
  return {
    year,
    /** dataset: 国务院办公厅通知 (chinese-days); admin: entered by an administrator; unknown: not entered yet. */
    yearSource: known?.source ?? ('unknown' as const),
    yearEnteredAt: known && known.source === 'admin' ? known.enteredAt.toISOString() : null,
    maintainedByDataset: known?.source === 'dataset',
    datasetLastYear: years[years.length - 1] ?? null,
    canAdminister: canAdministerCalendar(actor),
    days: rows.map((r) => ({ date: r.day, weekday: WEEKDAYS[isoWeekday(r.day)]!, kind: r.kind, name: r.name, source: r.source })),
    history: history.map((h) => ({
      date: h.day, change: h.change, kindBefore: h.kindBefore, nameBefore: h.nameBefore, kindAfter: h.kindAfter, nameAfter: h.nameAfter,
      reason: h.reason, at: h.createdAt.toISOString(),
    })),
    decisionLimit: { workingDays: limit.workingDays, source: limit.source, defaultWorkingDays: c.config.DECISION_LIMIT_WORKING_DAYS },
  };
}

/**
 * 录入某年节假日安排: the whole State Council notice at once. Refused when the year is already known (dataset or an
 * earlier entry: correct single days then). Days entered before, one by one, are replaced by the notice.
 */
export async function enterCalendarYear(c: Ctx, actor: AccountActor, entry: CalendarYearEntry) {
  assertAdministrator(actor);
  const [year] = await c.tx.insert(calendarYears)
    .values({ year: entry.year, source: 'admin', enteredBy: actor.accountId, enteredAt: c.now(), note: entry.note ?? null })
    .onConflictDoNothing().returning();
  if (!year) throw AuthorityErrors.CALENDAR_YEAR_KNOWN({ detail: `${entry.year}年的节假日安排已录入，如有错误请逐日更正`, path: ['year'] });
  const overrides = overridesOfYearEntry(entry);
  const before = await c.tx.select().from(calendarDays)
    .where(between(calendarDays.day, `${entry.year}-01-01`, `${entry.year}-12-31`));
  const wanted = new Set(overrides.map((o) => o.date));
  const stale = before.filter((r) => !wanted.has(r.day)).map((r) => r.day);
  if (stale.length > 0) await c.tx.delete(calendarDays).where(inArray(calendarDays.day, stale));
  await c.tx.insert(calendarDays).values(overrides.map((o) => ({ day: o.date, kind: o.kind, name: o.name ?? null, source: 'admin' })))
    .onConflictDoUpdate({ target: calendarDays.day, set: { kind: sqlExcluded('kind'), name: sqlExcluded('name'), source: 'admin' } });
  const byDay = new Map(before.map((r) => [r.day, r]));
  const changes = [
    ...overrides.filter((o) => !same(byDay.get(o.date), o)).map((o) => historyRow(c, actor, 'year_entry', o.date, byDay.get(o.date), o, null)),
    ...stale.map((d) => historyRow(c, actor, 'year_entry', d, byDay.get(d), undefined, null)),
  ];
  if (changes.length > 0) await c.tx.insert(calendarDayHistory).values(changes);
  await audit(c, actor, 'calendar.enter_year', 'calendar_year', String(entry.year), {
    holidays: entry.holidays.map((h) => `${h.name} ${h.from}至${h.to}`), workdays: entry.workdays.map((w) => w.date), days: overrides.length,
  });
  await requestRecompute(c, actor, `${entry.year}-01-01`, `录入${entry.year}年节假日安排`);
  return { year: entry.year, source: 'admin' as const, days: overrides.length };
}

/**
 * 更正某一天 (any year, the dataset's too): a holiday, a 调休 working day, or back to its plain weekday. The correction
 * overrides the dataset's day (the seed never re-inserts a known year), keeps the day's history and is audited.
 */
export async function correctCalendarDay(c: Ctx, actor: AccountActor, date: string, input: CalendarDayCorrection, mustBeNew = false) {
  assertAdministrator(actor);
  if (input.kind === 'workday' && isoWeekday(date) < 6) {
    throw CalendarEntryErrors.CALENDAR_WORKDAY_NOT_WEEKEND({ detail: `调休上班日${date}不是周六或周日`, path: ['date'] });
  }
  const [before] = await c.tx.select().from(calendarDays).where(eq(calendarDays.day, date)).for('update');
  if (before && mustBeNew) throw AuthorityErrors.CALENDAR_DAY_EXISTS({ detail: `${date}已有节假日或调休安排`, path: ['date'] });
  const after: CalendarOverride | undefined = input.kind === 'weekday' ? undefined : { date, kind: input.kind, name: input.name?.trim() || undefined };
  if (!before && !after) throw AuthorityErrors.CALENDAR_DAY_NOT_FOUND({ detail: `${date}没有节假日或调休安排`, path: ['date'] });
  if (before && after && same(before, after)) throw AuthorityErrors.CALENDAR_DAY_UNCHANGED({ path: ['kind'] });
  if (after) {
    const values = { day: date, kind: after.kind, name: after.name ?? null, source: 'admin' };
    await c.tx.insert(calendarDays).values(values).onConflictDoUpdate({ target: calendarDays.day, set: { kind: values.kind, name: values.name, source: 'admin' } });
  } else {
    await c.tx.delete(calendarDays).where(eq(calendarDays.day, date));
  }
  await c.tx.insert(calendarDayHistory).values(historyRow(c, actor, 'correction', date, before, after, input.reason));
  await audit(c, actor, 'calendar.correct', 'calendar_day', date, {
    from: before ? { kind: before.kind, name: before.name, source: before.source } : null,
    to: after ? { kind: after.kind, name: after.name ?? null } : null,
    reason: input.reason,
  });
  await requestRecompute(c, actor, date, `更正${date}`);
  return { date, kind: after?.kind ?? null, name: after?.name ?? null, source: after ? 'admin' : null };
}

/** 新增 (the former form): a day with no arrangement yet. */
export async function addCalendarDay(c: Ctx, actor: AccountActor, input: { date: string; kind: CalendarOverrideKind; name?: string }) {
  return correctCalendarDay(c, actor, input.date, { kind: input.kind, name: input.name, reason: '新增节假日或调休安排' }, true);
}

/** 删除 an administrator's day (back to its weekday); a dataset day is corrected instead (PUT with kind 'weekday'). */
export async function removeCalendarDay(c: Ctx, actor: AccountActor, date: string) {
  assertAdministrator(actor);
  const [row] = await c.tx.select().from(calendarDays).where(and(eq(calendarDays.day, date), eq(calendarDays.source, 'admin')));
  if (!row) throw AuthorityErrors.CALENDAR_DAY_NOT_FOUND({ path: ['date'] });
  await correctCalendarDay(c, actor, date, { kind: 'weekday', reason: '删除手工录入的安排' });
}

/** Sets (or, with null, clears back to the configuration) the decision period in working days. */
export async function setDecisionLimit(c: Ctx, actor: AccountActor, workingDays: number | null) {
  assertAdministrator(actor);
  const before = await decisionLimit(c);
  if (workingDays === null) {
    await c.tx.delete(settings).where(eq(settings.key, DECISION_LIMIT_SETTING));
  } else {
    await c.tx.insert(settings).values({ key: DECISION_LIMIT_SETTING, value: workingDays, updatedAt: c.now() })
      .onConflictDoUpdate({ target: settings.key, set: { value: workingDays, updatedAt: c.now() } });
  }
  const after = await decisionLimit(c);
  await audit(c, actor, 'settings.decision_limit', 'setting', DECISION_LIMIT_SETTING, { from: before.workingDays, to: after.workingDays });
  return { workingDays: after.workingDays, source: after.source, defaultWorkingDays: c.config.DECISION_LIMIT_WORKING_DAYS };
}

function same(row: DayRow | undefined, o: CalendarOverride): boolean {
  return row !== undefined && row.kind === o.kind && (row.name ?? null) === (o.name ?? null);
}

function historyRow(c: Ctx, actor: AccountActor, change: 'year_entry' | 'correction', day: string, before: DayRow | undefined, after: CalendarOverride | undefined, reason: string | null) {
  return {
    day, change, kindBefore: before?.kind ?? null, nameBefore: before?.name ?? null, sourceBefore: before?.source ?? null,
    kindAfter: after?.kind ?? null, nameAfter: after?.name ?? null, reason, actorAccountId: actor.accountId, createdAt: c.now(),
  };
}
