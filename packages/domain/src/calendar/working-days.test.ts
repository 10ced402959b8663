import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { calendarOverridesFromChineseDays, chineseDaysYears } from './chinese-days-overrides';
import { fromDayNumber, isoWeekday, toDayNumber } from './iso-date';
import { WorkingCalendar } from './working-days';

const calendar = new WorkingCalendar(calendarOverridesFromChineseDays());
const dateArb = fc.integer({ min: toDayNumber('2015-01-01'), max: toDayNumber('2026-12-31') }).map(fromDayNumber);

describe('chinese-days dataset', () => {
  it('has the 2026 National Day holiday 10-01…10-07 with 调休 on Sunday 09-20 and Saturday 10-10', () => {
    const y2026 = calendarOverridesFromChineseDays([2026]);
    const national = y2026.filter((o) => o.name?.startsWith('国庆节'));
    expect(national.filter((o) => o.kind === 'holiday').map((o) => o.date)).toEqual([
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    ]);
    expect(national.filter((o) => o.kind === 'workday')).toEqual([
      { date: '2026-09-20', kind: 'workday', name: '国庆节调休上班' },
      { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
    ]);
    expect(isoWeekday('2026-10-10')).toBe(6);
    expect(y2026.every((o) => o.date.startsWith('2026-'))).toBe(true);
  });

  it('covers 2004 through 2026', () => {
    const years = chineseDaysYears();
    expect(years[0]).toBe(2004);
    expect(years).toContain(2026);
  });
});

describe('WorkingCalendar', () => {
  it('counts a 调休 Saturday as a working day and a weekday inside the holiday as not', () => {
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-05')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false);
    expect(calendar.isWorkingDay('2026-09-29')).toBe(true);
    expect(calendar.overrideOf('2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节' });
  });

  it('adds working days across the National Day holiday, not counting the start day', () => {
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(calendar.addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
    // 《医师法》第十三条: 20 working days from 受理 on Tuesday 2026-09-29.
    expect(calendar.addWorkingDays('2026-09-29', 20)).toBe('2026-11-02');
  });

  it('returns the start itself for n = 0, even on a holiday', () => {
    expect(calendar.addWorkingDays('2026-10-03', 0)).toBe('2026-10-03');
  });

  it('refuses a negative or fractional number of working days', () => {
    expect(() => calendar.addWorkingDays('2026-10-03', -1)).toThrowError(expect.objectContaining({ code: 'WORKING_DAYS_INVALID' }));
    expect(() => calendar.addWorkingDays('2026-10-03', 1.5)).toThrow();
  });

  it('counts working days left, negative when overdue', () => {
    expect(calendar.countWorkingDays('2026-09-30', '2026-10-10')).toBe(3);
    expect(calendar.countWorkingDays('2026-10-10', '2026-09-30')).toBe(-3);
    expect(calendar.countWorkingDays('2026-10-08', '2026-10-08')).toBe(0);
  });

  it('uses plain weekdays where no override is known', () => {
    const plain = new WorkingCalendar();
    expect(plain.isWorkingDay('2026-10-01')).toBe(true);
    expect(plain.addWorkingDays('2026-10-02', 1)).toBe('2026-10-05');
  });

  it('lets a later override replace an earlier one for the same date', () => {
    const c = new WorkingCalendar([{ date: '2026-10-12', kind: 'holiday' }, { date: '2026-10-12', kind: 'workday' }]);
    expect(c.isWorkingDay('2026-10-12')).toBe(true);
  });

  it('lands addWorkingDays(d, n) on a working day for n > 0', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 300 }), (d, n) => calendar.isWorkingDay(calendar.addWorkingDays(d, n))));
  });

  it('counts back exactly n working days to addWorkingDays(d, n)', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 0, max: 300 }), (d, n) => calendar.countWorkingDays(d, calendar.addWorkingDays(d, n)) === n));
  });

  it('is antisymmetric: count(a, b) = −count(b, a)', () => {
    fc.assert(fc.property(dateArb, dateArb, (a, b) => calendar.countWorkingDays(a, b) === -calendar.countWorkingDays(b, a)));
  });
});
