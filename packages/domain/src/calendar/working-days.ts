/**
 * Chinese working days (工作日) for statutory time limits.
 * 《行政许可法》第八十二条: 行政机关实施行政许可的期限以工作日计算，不含法定节假日 — so a period skips
 * weekends and statutory holidays (《全国年节及纪念日放假办法》), but counts the make-up working days (调休上班)
 * the State Council announces each year, even when they fall on a Saturday or Sunday.
 * 《民法典》第二百零一条: 开始的当日不计入，自下一日开始计算 — the day of 受理 itself is not counted;
 * `addWorkingDays(acceptedOn, 20)` is the last day of the 20-working-day period of 《医师法》第十三条/第十六条.
 */
import { defineErrors, spec } from '../errors';
import { fromDayNumber, isoWeekday, toDayNumber, type IsoDate } from './iso-date';

export const CALENDAR_OVERRIDE_KINDS = ['holiday', 'workday'] as const;
export type CalendarOverrideKind = (typeof CALENDAR_OVERRIDE_KINDS)[number];

/** A date that is not what its weekday says: a holiday on a weekday, or a 调休 working day on a weekend. */
export type CalendarOverride = { date: IsoDate; kind: CalendarOverrideKind; name?: string };

export const CalendarErrors = defineErrors({
  WORKING_DAYS_INVALID: spec(400, '工作日数应为非负整数', 'The number of working days must be a non-negative integer'),
});

export class WorkingCalendar {
  private readonly overrides = new Map<number, CalendarOverride>();

  /** Later overrides of the same date replace earlier ones. */
  constructor(overrides: Iterable<CalendarOverride> = []) {
    for (const o of overrides) this.overrides.set(toDayNumber(o.date), o);
  }

  /** The override of a date, if any (e.g. to show '国庆节' or '国庆节调休上班'). */
  overrideOf(date: IsoDate): CalendarOverride | undefined {
    return this.overrides.get(toDayNumber(date));
  }

  /** A weekday that is not a holiday, or a 调休 make-up working day. */
  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /**
   * The n-th working day after `start` (start itself not counted); n = 0 gives `start`.
   * E.g. accepted on 2026-09-30, 1 working day later is 2026-10-08 (after the National Day holiday).
   */
  addWorkingDays(start: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw CalendarErrors.WORKING_DAYS_INVALID({ detail: `工作日数应为非负整数：${n}` });
    let day = toDayNumber(start);
    for (let left = n; left > 0; ) {
      day += 1;
      if (this.isWorkingDayNumber(day)) left -= 1;
    }
    return fromDayNumber(day);
  }

  /**
   * Working days in (fromExclusive, toInclusive]; negative, −(working days in (to, from]), when to < from.
   * So `countWorkingDays(today, dueDate)` is the working days left, negative once overdue,
   * and `countWorkingDays(d, addWorkingDays(d, n)) === n`.
   */
  countWorkingDays(fromExclusive: IsoDate, toInclusive: IsoDate): number {
    const from = toDayNumber(fromExclusive);
    const to = toDayNumber(toInclusive);
    const [lo, hi, sign] = to >= from ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day++) if (this.isWorkingDayNumber(day)) count++;
    return sign * count;
  }

  private isWorkingDayNumber(day: number): boolean {
    const o = this.overrides.get(day);
    if (o) return o.kind === 'workday';
    return isoWeekday(fromDayNumber(day)) <= 5;
  }
}
