/**
 * A year's holiday arrangement as the State Council notice (国务院办公厅关于某年部分节假日安排的通知) lists it:
 * each holiday by name with its 放假 range, and the 调休上班 days that go with it. One form, one request; the server
 * stores it as calendar overrides and marks the year known. Rules (《全国年节及纪念日放假办法》, 《行政许可法》第八十二条):
 * every date lies in the year; a range runs forwards; holidays do not overlap; a 调休上班 day falls on a Saturday or
 * Sunday and not inside a holiday.
 */
import { z } from 'zod';
import { defineErrors, spec } from '../errors';
import { nameText } from '../text/plain-text';
import { addCalendarDays, isIsoDate, isoWeekday, type IsoDate } from './iso-date';
import type { CalendarOverride } from './working-days';

export const CalendarEntryErrors = defineErrors({
  CALENDAR_DATE_OUTSIDE_YEAR: spec(400, '日期不在所录入的年度内', 'The date is outside the year being entered'),
  CALENDAR_RANGE_REVERSED: spec(400, '放假结束日期不能早于开始日期', 'A holiday ends before it starts'),
  CALENDAR_RANGE_TOO_LONG: spec(400, '一次放假不超过15天', 'A holiday lasts at most 15 days'),
  CALENDAR_HOLIDAYS_OVERLAP: spec(400, '放假日期与另一节日重叠', 'Two holidays overlap'),
  CALENDAR_WORKDAY_NOT_WEEKEND: spec(400, '调休上班日应为周六或周日', 'A make-up working day must fall on a weekend'),
  CALENDAR_WORKDAY_IN_HOLIDAY: spec(400, '调休上班日不能在放假期间', 'A make-up working day lies inside a holiday'),
  CALENDAR_DATE_DUPLICATE: spec(400, '同一日期录入了两次', 'The same date is entered twice'),
});

/** The longest 放假 run a notice has had is 9 days (2024 春节); 15 leaves room for a future arrangement. */
export const MAX_HOLIDAY_RUN_DAYS = 15;

const date = z.string('请填写日期').refine(isIsoDate, '日期应为YYYY-MM-DD格式的真实日期');
const holidayName = nameText({ error: '请填写节日名称' }).trim().min(1, '请填写节日名称').max(20, '名称不超过20字');

export const CalendarHolidayRange = z.object({ name: holidayName, from: date, to: date });
export const CalendarMakeUpDay = z.object({ date, name: holidayName.optional() });

type Issue = { message: string; path: (string | number)[]; errorCode: keyof typeof CalendarEntryErrors };

/** Every date of [from, to]; empty when reversed. */
export function datesOfRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to && out.length <= 366; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

/** The rule violations of a year entry, each with its field path (all of them, not the first only). */
export function calendarYearEntryIssues(entry: { year: number; holidays: { name: string; from: string; to: string }[]; workdays: { date: string }[] }): Issue[] {
  const issues: Issue[] = [];
  const inYear = (d: string) => d.startsWith(`${entry.year}-`);
  const holidayOf = new Map<string, number>();
  entry.holidays.forEach((h, i) => {
    if (!isIsoDate(h.from) || !isIsoDate(h.to)) return; // refused by the field's own check
    for (const field of ['from', 'to'] as const) {
      if (!inYear(h[field])) issues.push({ message: `${h[field]}不在${entry.year}年内`, path: ['holidays', i, field], errorCode: 'CALENDAR_DATE_OUTSIDE_YEAR' });
    }
    if (h.to < h.from) {
      issues.push({ message: `${h.name}的放假结束日期${h.to}早于开始日期${h.from}`, path: ['holidays', i, 'to'], errorCode: 'CALENDAR_RANGE_REVERSED' });
      return;
    }
    const days = datesOfRange(h.from, h.to);
    if (days.length > MAX_HOLIDAY_RUN_DAYS) {
      issues.push({ message: `${h.name}放假${days.length}天，一次放假不超过${MAX_HOLIDAY_RUN_DAYS}天`, path: ['holidays', i, 'to'], errorCode: 'CALENDAR_RANGE_TOO_LONG' });
      return;
    }
    const clash = days.find((d) => holidayOf.has(d));
    if (clash) {
      const other = entry.holidays[holidayOf.get(clash)!]!;
      issues.push({ message: `${h.name}的放假日期${clash}与${other.name}重叠`, path: ['holidays', i, 'from'], errorCode: 'CALENDAR_HOLIDAYS_OVERLAP' });
    }
    for (const d of days) if (!holidayOf.has(d)) holidayOf.set(d, i);
  });
  const seen = new Set<string>();
  entry.workdays.forEach((w, i) => {
    const path = ['workdays', i, 'date'];
    if (!isIsoDate(w.date)) return;
    if (!inYear(w.date)) issues.push({ message: `${w.date}不在${entry.year}年内`, path, errorCode: 'CALENDAR_DATE_OUTSIDE_YEAR' });
    else if (seen.has(w.date)) issues.push({ message: `调休上班日${w.date}录入了两次`, path, errorCode: 'CALENDAR_DATE_DUPLICATE' });
    else if (isoWeekday(w.date) < 6) issues.push({ message: `调休上班日${w.date}不是周六或周日`, path, errorCode: 'CALENDAR_WORKDAY_NOT_WEEKEND' });
    else if (holidayOf.has(w.date)) {
      issues.push({ message: `调休上班日${w.date}在${entry.holidays[holidayOf.get(w.date)!]!.name}放假期间`, path, errorCode: 'CALENDAR_WORKDAY_IN_HOLIDAY' });
    }
    seen.add(w.date);
  });
  return issues;
}

/** 录入某年节假日安排: the whole notice in one request. */
export const CalendarYearEntry = z.object({
  year: z.number('请填写年度').int('年度应为整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年'),
  holidays: z.array(CalendarHolidayRange, '请填写放假安排').min(1, '请至少填写一个节日的放假安排').max(20, '节日不超过20个'),
  workdays: z.array(CalendarMakeUpDay, '请填写调休上班日').max(30, '调休上班日不超过30天'),
  note: nameText().trim().max(100, '说明不超过100字').optional(),
}).superRefine((entry, ctx) => {
  for (const i of calendarYearEntryIssues(entry)) {
    ctx.addIssue({ code: 'custom', message: i.message, path: i.path, params: { errorCode: i.errorCode } });
  }
});
export type CalendarYearEntry = z.infer<typeof CalendarYearEntry>;

/** The overrides a year entry stands for: each 放假 day as a holiday, each 调休上班 day as a working day. */
export function overridesOfYearEntry(entry: CalendarYearEntry): CalendarOverride[] {
  const holidays = entry.holidays.flatMap((h) => datesOfRange(h.from, h.to).map((d) => ({ date: d, kind: 'holiday' as const, name: h.name })));
  const workdays = entry.workdays.map((w) => ({ date: w.date, kind: 'workday' as const, name: w.name ? `${w.name}调休上班` : '调休上班' }));
  return [...holidays, ...workdays].sort((a, b) => a.date.localeCompare(b.date));
}

/** 更正某一天: a holiday, a 调休 working day, or back to its weekday ('weekday': no override). */
export const CALENDAR_CORRECTION_KINDS = ['holiday', 'workday', 'weekday'] as const;
export const CalendarDayCorrection = z.object({
  kind: z.enum(CALENDAR_CORRECTION_KINDS, '请选择法定节假日、调休上班或按星期'),
  name: holidayName.optional(),
  reason: nameText({ error: '请填写更正原因' }).trim().min(1, '请填写更正原因').max(100, '更正原因不超过100字'),
});
export type CalendarDayCorrection = z.infer<typeof CalendarDayCorrection>;
