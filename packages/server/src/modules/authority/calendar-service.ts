/**
 * 工作日历 administration. Holidays and 调休 working days come from the State Council's yearly notice via the
 * `chinese-days` dataset; for a year the dataset does not know yet, national or provincial administrators enter
 * the notice by hand (source 'admin'). The decision period (《医师法》第十三条, 20 working days) can be set too.
 */
import { and, asc, between, eq } from 'drizzle-orm';
import { chineseDaysYears, isoWeekday, type CalendarOverrideKind } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { calendarDays, settings } from '../../db/schema/index';
import { audit } from '../audit/service';
import { DECISION_LIMIT_SETTING, decisionLimit } from './calendar';
import { AuthorityErrors } from './errors';
import { canAdministerCalendar } from './policy';

const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

function maintainedByDataset(year: number): boolean {
  return chineseDaysYears().includes(year);
}

function assertAdministrator(actor: AccountActor): void {
  if (!canAdministerCalendar(actor)) throw AuthorityErrors.CALENDAR_ADMIN_REQUIRED();
}

function assertEditableYear(date: string): void {
  const year = Number(date.slice(0, 4));
  if (maintainedByDataset(year)) {
    throw AuthorityErrors.CALENDAR_YEAR_MAINTAINED({ detail: `${year}年的节假日安排已按国务院办公厅通知维护，不能手工修改`, path: ['date'] });
  }
}

export async function listCalendar(c: Ctx, actor: AccountActor, year: number) {
  const rows = await c.tx.select().from(calendarDays)
    .where(between(calendarDays.day, `${year}-01-01`, `${year}-12-31`)).orderBy(asc(calendarDays.day));
  const limit = await decisionLimit(c);
  const years = chineseDaysYears();
  return {
    year,
    maintainedByDataset: maintainedByDataset(year),
    datasetLastYear: years[years.length - 1] ?? null,
    canAdminister: canAdministerCalendar(actor),
    days: rows.map((r) => ({ date: r.day, weekday: WEEKDAYS[isoWeekday(r.day)], kind: r.kind, name: r.name, source: r.source })),
    decisionLimit: { workingDays: limit.workingDays, source: limit.source, defaultWorkingDays: c.config.DECISION_LIMIT_WORKING_DAYS },
  };
}

export async function addCalendarDay(c: Ctx, actor: AccountActor, input: { date: string; kind: CalendarOverrideKind; name?: string }) {
  assertAdministrator(actor);
  assertEditableYear(input.date);
  const weekend = isoWeekday(input.date) >= 6;
  if (input.kind === 'workday' && !weekend) throw AuthorityErrors.CALENDAR_WORKDAY_NOT_WEEKEND({ path: ['date'] });
  const [row] = await c.tx.insert(calendarDays)
    .values({ day: input.date, kind: input.kind, name: input.name?.trim() || null, source: 'admin' })
    .onConflictDoNothing()
    .returning();
  if (!row) throw AuthorityErrors.CALENDAR_DAY_EXISTS({ detail: `${input.date}已有节假日或调休安排`, path: ['date'] });
  await audit(c, actor, 'calendar.add', 'calendar_day', input.date, { kind: input.kind, name: row.name });
  return row;
}

export async function removeCalendarDay(c: Ctx, actor: AccountActor, date: string) {
  assertAdministrator(actor);
  assertEditableYear(date);
  const [row] = await c.tx.delete(calendarDays).where(and(eq(calendarDays.day, date), eq(calendarDays.source, 'admin'))).returning();
  if (!row) throw AuthorityErrors.CALENDAR_DAY_NOT_FOUND({ path: ['date'] });
  await audit(c, actor, 'calendar.remove', 'calendar_day', date, { kind: row.kind, name: row.name });
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
