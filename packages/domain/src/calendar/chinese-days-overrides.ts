/**
 * Statutory holidays and 调休 working days from the maintained `chinese-days` dataset (国务院办公厅
 * 关于部分节假日安排的通知, one per year; the package covers 2004 to the latest announced year).
 * The server seeds its editable calendar table from this; authority administrators correct it there.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { CalendarOverride } from './working-days';

/** Entries are 'English name,中文名,days', e.g. 'National Day,国庆节,3'. */
function zhName(entry: string): string {
  return entry.split(',')[1] ?? entry;
}

/** Holidays (name e.g. '国庆节') and make-up working days (name e.g. '国庆节调休上班'), by date; all years when none are given. */
export function calendarOverridesFromChineseDays(years?: readonly number[]): CalendarOverride[] {
  const wanted = years ? new Set(years.map(String)) : undefined;
  const keep = (date: string) => !wanted || wanted.has(date.slice(0, 4));
  const out: CalendarOverride[] = [];
  for (const [date, entry] of Object.entries(data.holidays as Record<string, string>)) {
    if (keep(date)) out.push({ date, kind: 'holiday', name: zhName(entry) });
  }
  for (const [date, entry] of Object.entries(data.workdays as Record<string, string>)) {
    if (keep(date)) out.push({ date, kind: 'workday', name: `${zhName(entry)}调休上班` });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** The years the dataset covers, ascending. */
export function chineseDaysYears(): number[] {
  return [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
}
