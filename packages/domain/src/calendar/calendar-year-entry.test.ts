import { describe, expect, it } from 'vitest';
import { CalendarYearEntry, overridesOfYearEntry } from './calendar-year-entry';

const notice2027 = {
  year: 2027,
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-06', to: '2027-02-13' },
  ],
  workdays: [{ date: '2027-02-14', name: '春节' }],
};

const issuesOf = (input: unknown) => {
  const r = CalendarYearEntry.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path, code: (i as { params?: { errorCode?: string } }).params?.errorCode, message: i.message }));
};

describe('录入节假日安排 (国务院办公厅通知, 《全国年节及纪念日放假办法》)', () => {
  it('turns the notice into holiday and 调休上班 days', () => {
    const overrides = overridesOfYearEntry(CalendarYearEntry.parse(notice2027));
    expect(overrides.filter((o) => o.kind === 'holiday')).toHaveLength(11);
    expect(overrides.find((o) => o.date === '2027-02-14')).toEqual({ date: '2027-02-14', kind: 'workday', name: '春节调休上班' });
    expect(overrides[0]).toEqual({ date: '2027-01-01', kind: 'holiday', name: '元旦' });
  });

  it('refuses a 调休上班 day on a weekday, with its field path and code', () => {
    expect(issuesOf({ ...notice2027, workdays: [{ date: '2027-02-15' }] })).toEqual([
      { path: ['workdays', 0, 'date'], code: 'CALENDAR_WORKDAY_NOT_WEEKEND', message: '调休上班日2027-02-15不是周六或周日' },
    ]);
  });

  it('refuses dates outside the year, reversed and overlapping ranges, a 调休 inside a holiday', () => {
    const issues = issuesOf({
      year: 2027,
      holidays: [
        { name: '元旦', from: '2026-12-31', to: '2027-01-01' },
        { name: '春节', from: '2027-02-13', to: '2027-02-06' },
        { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
        { name: '中秋节', from: '2027-10-07', to: '2027-10-08' },
      ],
      workdays: [{ date: '2027-10-02' }],
    });
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['holidays.0.from', 'CALENDAR_DATE_OUTSIDE_YEAR'],
      ['holidays.1.to', 'CALENDAR_RANGE_REVERSED'],
      ['holidays.3.from', 'CALENDAR_HOLIDAYS_OVERLAP'],
      ['workdays.0.date', 'CALENDAR_WORKDAY_IN_HOLIDAY'],
    ]);
  });

  it('refuses an impossible date and an empty notice in Chinese', () => {
    expect(issuesOf({ ...notice2027, holidays: [{ name: '春节', from: '2027-02-30', to: '2027-03-01' }] })[0]).toMatchObject({ path: ['holidays', 0, 'from'], message: '日期应为YYYY-MM-DD格式的真实日期' });
    expect(issuesOf({ ...notice2027, holidays: [] })[0]).toMatchObject({ path: ['holidays'], message: '请至少填写一个节日的放假安排' });
  });
});
