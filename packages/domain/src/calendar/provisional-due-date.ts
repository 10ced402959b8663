/**
 * Provisional due dates (暂定). 《行政许可法》第八十二条: a period in working days excludes the statutory holidays,
 * which the State Council announces year by year. A period that reaches into a year whose notice medreg does not
 * know yet (neither the `chinese-days` dataset nor an administrator has entered it) can only be counted as plain
 * Monday–Friday weeks: such a due date is kept, but marked provisional until the year is known and it is recounted.
 */
import { addCalendarDays, type IsoDate } from './iso-date';
import type { WorkingCalendar } from './working-days';

/** The calendar years of the days a period (start, end] covers — the start day itself is not counted (《民法典》第二百零一条). */
export function yearsOfPeriod(start: IsoDate, end: IsoDate): number[] {
  if (end <= start) return [];
  const first = Number(addCalendarDays(start, 1).slice(0, 4));
  const last = Number(end.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The years of (start, end] whose holidays are not known, ascending. */
export function unknownYearsOfPeriod(start: IsoDate, end: IsoDate, knownYears: Iterable<number>): number[] {
  const known = new Set(knownYears);
  return yearsOfPeriod(start, end).filter((y) => !known.has(y));
}

export interface CountedDueDate {
  dueDate: IsoDate;
  /** True when the period reaches a year whose holidays are not known: counted as Mon–Fri there. */
  provisional: boolean;
  unknownYears: number[];
}

/** The last day of an n-working-day period after `start`, and whether it is provisional. */
export function countDueDate(calendar: WorkingCalendar, knownYears: Iterable<number>, start: IsoDate, n: number): CountedDueDate {
  const dueDate = calendar.addWorkingDays(start, n);
  const unknownYears = unknownYearsOfPeriod(start, dueDate, knownYears);
  return { dueDate, provisional: unknownYears.length > 0, unknownYears };
}

/** 「暂定」 — the label a provisional due date carries wherever it is shown. */
export const PROVISIONAL_DUE_DATE_LABEL = '暂定';

/** The explanation shown with a provisional due date, e.g. 「2027年节假日安排尚未录入，截止日期暂按周一至周五计算」. */
export function provisionalDueDateNote(unknownYears: readonly number[]): string {
  const years = unknownYears.length > 0 ? unknownYears.map((y) => `${y}年`).join('、') : '相关年度';
  return `${years}节假日安排尚未录入，截止日期暂按周一至周五计算`;
}

/**
 * The explanation of a stored provisional due date. A decision period is a few weeks, so the year it could not
 * count is the due date's own (a period from late December reaches into January).
 */
export function provisionalNoteOfDueDate(dueDate: IsoDate): string {
  return provisionalDueDateNote([Number(dueDate.slice(0, 4))]);
}

/** What a presenter sends with a due date: whether it is 暂定 and the explanation to show with it. */
export function presentDueDateFlag(dueDate: IsoDate | null, provisional: boolean): { dueDateProvisional: boolean; dueDateNote: string | null } {
  const flagged = Boolean(dueDate) && provisional;
  return { dueDateProvisional: flagged, dueDateNote: flagged ? provisionalNoteOfDueDate(dueDate!) : null };
}
