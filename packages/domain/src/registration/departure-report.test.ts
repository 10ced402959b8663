import { describe, expect, it } from 'vitest';
import { DepartureReportForm, departureReportDueOn, isLateDepartureReport } from './departure-report';
import { DEPARTURE_REASON_LABELS } from './departure-reasons';

describe('注册备案 reported by the institution (domain §2.2 BT-06 [S6])', () => {
  it('domain §2.3 BT-06: a report within 30 calendar days of the formalities is on time, the 31st day is late', () => {
    expect(departureReportDueOn('2026-01-31')).toBe('2026-03-02');
    expect(isLateDepartureReport('2026-01-31', '2026-01-31')).toBe(false);
    expect(isLateDepartureReport('2026-01-31', '2026-03-02')).toBe(false);
    expect(isLateDepartureReport('2026-01-31', '2026-03-03')).toBe(true);
  });

  it('counts calendar days across a holiday: the 国庆 week does not extend the 30 days', () => {
    expect(isLateDepartureReport('2026-09-15', '2026-10-15')).toBe(false);
    expect(isLateDepartureReport('2026-09-15', '2026-10-16')).toBe(true);
  });

  it('names the five departure reasons in Chinese', () => {
    expect(Object.values(DEPARTURE_REASON_LABELS)).toEqual(['调离', '退休', '退职', '被辞退', '被开除']);
  });

  it('refuses a report without a reason or with an impossible date, in Chinese', () => {
    const r = DepartureReportForm.safeParse({ reason: 'holiday', leftOn: '2026-02-30' });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(messages).toEqual(['reason:请选择备案情形', 'leftOn:请填写离职手续办理日期（YYYY-MM-DD）']);
    expect(DepartureReportForm.parse({ reason: 'retirement', leftOn: '2026-02-28', note: ' 到龄退休 ' })).toEqual({ reason: 'retirement', leftOn: '2026-02-28', note: '到龄退休' });
  });
});
