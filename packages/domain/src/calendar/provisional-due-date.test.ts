import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarOverridesFromChineseDays, chineseDaysYears } from './chinese-days-overrides';
import { fromDayNumber, toDayNumber } from './iso-date';
import { countDueDate, provisionalDueDateNote, unknownYearsOfPeriod, yearsOfPeriod } from './provisional-due-date';
import { WorkingCalendar } from './working-days';

const known = [2025, 2026];
const calendar = new WorkingCalendar(calendarOverridesFromChineseDays(known));

describe('《行政许可法》第八十二条: a period reaching a year whose holidays are not known is provisional', () => {
  it('marks 20 working days from 受理 on 2026-12-15 provisional: it ends in 2027, not yet entered', () => {
    const due = countDueDate(calendar, known, '2026-12-15', 20);
    expect(due).toEqual({ dueDate: '2027-01-12', provisional: true, unknownYears: [2027] });
    expect(provisionalDueDateNote(due.unknownYears)).toBe('2027年节假日安排尚未录入，截止日期暂按周一至周五计算');
  });

  it('keeps a period inside known years final', () => {
    expect(countDueDate(calendar, known, '2026-09-29', 20)).toEqual({ dueDate: '2026-11-02', provisional: false, unknownYears: [] });
  });

  it('becomes final once the year is known', () => {
    const entered = new WorkingCalendar([...calendarOverridesFromChineseDays(known), { date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    expect(countDueDate(entered, [...known, 2027], '2026-12-15', 20)).toEqual({ dueDate: '2027-01-13', provisional: false, unknownYears: [] });
  });

  it('does not count the start day: accepted on 31 December, the period lies in the next year only', () => {
    expect(yearsOfPeriod('2026-12-31', '2027-01-28')).toEqual([2027]);
    expect(yearsOfPeriod('2026-12-30', '2026-12-31')).toEqual([2026]);
    expect(yearsOfPeriod('2026-12-31', '2026-12-31')).toEqual([]);
    expect(unknownYearsOfPeriod('2025-12-31', '2026-01-30', [2026])).toEqual([]);
  });

  it('lists every unknown year a long period crosses', () => {
    expect(unknownYearsOfPeriod('2026-06-01', '2029-02-01', [2026, 2028])).toEqual([2027, 2029]);
  });

  it('is provisional exactly when a day of the period falls in an unknown year', () => {
    const years = chineseDaysYears();
    const full = new WorkingCalendar(calendarOverridesFromChineseDays());
    const day = fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2028-12-31') }).map(fromDayNumber);
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 120 }), (start, n) => {
      const due = countDueDate(full, years, start, n);
      let crossesUnknown = false;
      for (let d = toDayNumber(start) + 1; d <= toDayNumber(due.dueDate); d++) {
        if (!years.includes(Number(fromDayNumber(d).slice(0, 4)))) crossesUnknown = true;
      }
      return due.provisional === crossesUnknown;
    }));
  });
});
