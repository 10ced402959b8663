import { describe, expect, it } from 'vitest';
import { barEndsOn, barRefusalText, barRuns } from './registration-bars';
import { addYears } from '../calendar/iso-date';
import { CANCELLATION_GROUNDS, CANCELLATION_GROUND_INFO, cancellationGroundsFor } from './cancellation-grounds';

describe('《医师法》第十六条 不予注册的期限', () => {
  it('因定期考核不合格被注销注册不满一年的不予注册: the bar ends the day before the anniversary', () => {
    expect(barEndsOn('assessment_cancelled', '2026-03-01')).toBe('2027-02-28');
    expect(barRuns({ kind: 'assessment_cancelled', startsOn: '2026-03-01', endsOn: '2027-02-28' }, '2027-02-28')).toBe(true);
    expect(barRuns({ kind: 'assessment_cancelled', startsOn: '2026-03-01', endsOn: '2027-02-28' }, '2027-03-01')).toBe(false);
  });

  it('被吊销医师执业证书不满二年 and 第五十四条 three years', () => {
    expect(barEndsOn('revoked', '2026-06-15')).toBe('2028-06-14');
    expect(barEndsOn('improper_means', '2026-06-15')).toBe('2029-06-14');
  });

  it('a criminal penalty whose sentence is not yet served bars without an end date, and says so', () => {
    const bar = { kind: 'criminal_penalty' as const, startsOn: '2026-01-01', endsOn: null };
    expect(barRuns(bar, '2040-01-01')).toBe(true);
    expect(barRefusalText(bar)).toContain('结束日期待登记');
    expect(barRefusalText({ kind: 'revoked', startsOn: '2026-06-15', endsOn: '2028-06-14' })).toContain('至2028-06-14止');
  });

  it('a leap day plus a year is the last day of February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('《医师执业注册管理办法》第十八条 注销注册的十一种情形', () => {
  it('has eleven grounds; only the physician names 本人主动申请, and the institution never names the authority\'s own acts', () => {
    expect(CANCELLATION_GROUNDS).toHaveLength(11);
    expect(cancellationGroundsFor('physician')).toEqual(['own_application']);
    expect(cancellationGroundsFor('institution')).not.toContain('certificate_revoked');
    expect(cancellationGroundsFor('authority')).not.toContain('own_application');
    expect(CANCELLATION_GROUND_INFO.assessment_failed_again.bar).toBe('assessment_cancelled');
  });
});
