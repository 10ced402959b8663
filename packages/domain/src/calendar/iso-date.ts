/**
 * Calendar dates as ISO 8601 strings ('YYYY-MM-DD', proleptic Gregorian), computed on a UTC day
 * number so that no time zone or daylight-saving rule can shift a day. medreg's dates are Chinese
 * civil dates; `todayInChina` gives today's date in 北京时间 (UTC+8, no DST since 1991).
 */
import { defineErrors, spec } from '../errors';

export const DateErrors = defineErrors({
  DATE_INVALID: spec(400, '日期无效，应为YYYY-MM-DD格式的真实日期', 'Invalid date, expected a real YYYY-MM-DD date'),
});

/** An ISO calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const CHINA_UTC_OFFSET_MS = 8 * 3_600_000;

/** Whether year/month/day name a real date (no 1999-02-30, leap years respected). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Whether the string is a real date written as 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Days since 1970-01-01 of an ISO date; throws DATE_INVALID for anything else. */
export function toDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw DateErrors.DATE_INVALID({ detail: `日期无效：「${date}」，应为YYYY-MM-DD格式的真实日期` });
  }
  const d = new Date(Date.UTC(2000, Number(m[2]) - 1, Number(m[3])));
  d.setUTCFullYear(Number(m[1]));
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** The ISO date of a day number (inverse of `toDayNumber`). */
export function fromDayNumber(day: number): IsoDate {
  const d = new Date(day * MS_PER_DAY);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${dd}`;
}

/** The date `n` calendar days after `date` (before, for negative `n`). */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * The same day `years` later (earlier, for negative `years`), then `dayOffset` calendar days on. A 29 February with
 * no counterpart becomes 28 February: a period of years that starts on a leap day ends on the last day of February.
 */
export function addYears(date: IsoDate, years: number, dayOffset = 0): IsoDate {
  toDayNumber(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const day = isRealDate(year, m, d) ? d : d - 1;
  const shifted = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return addCalendarDays(shifted, dayOffset);
}

/**
 * The same day `months` later, then `dayOffset` calendar days on; a day the target month lacks becomes its last day
 * (31 August + 6 months → 28 or 29 February).
 */
export function addMonths(date: IsoDate, months: number, dayOffset = 0): IsoDate {
  toDayNumber(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  let day = d;
  while (!isRealDate(year, month, day)) day -= 1;
  const shifted = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return addCalendarDays(shifted, dayOffset);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const dow = (((toDayNumber(date) + 3) % 7) + 7) % 7;
  return dow + 1;
}

/** Today's date in 北京时间 (UTC+8), the civil date of every deadline and record in medreg. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return fromDayNumber(Math.floor((now.getTime() + CHINA_UTC_OFFSET_MS) / MS_PER_DAY));
}
