import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addCalendarDays, fromDayNumber, isIsoDate, isoWeekday, toDayNumber, todayInChina } from './iso-date';

describe('iso-date', () => {
  it('accepts real dates and refuses impossible ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1999-02-30')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('throws DATE_INVALID for a malformed date', () => {
    expect(() => toDayNumber('2026/10/01')).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }));
  });

  it('knows the weekday (2026-10-01 is a Thursday, 2026-10-10 a Saturday)', () => {
    expect(isoWeekday('2026-10-01')).toBe(4);
    expect(isoWeekday('2026-10-10')).toBe(6);
    expect(isoWeekday('1970-01-01')).toBe(4);
  });

  it('takes today as the date in Beijing time', () => {
    expect(todayInChina(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
    expect(todayInChina(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
  });

  it('round-trips day numbers and adds calendar days', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    fc.assert(fc.property(fc.integer({ min: -25_000, max: 60_000 }), (n) => toDayNumber(fromDayNumber(n)) === n));
  });
});
