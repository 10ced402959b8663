import { describe, expect, it } from 'vitest';
import { completedYears, seniorityStart } from './seniority';

describe('seniority (domain §5.5)', () => {
  const history = [
    { level: 'assistant' as const, approvedOn: '2019-12-20' },
    { level: 'assistant' as const, approvedOn: '2021-03-01' }, // a change of main institution: a new record
    { level: 'physician' as const, approvedOn: '2023-06-15' }, // 助理升执业
    { level: 'physician' as const, approvedOn: '2024-09-01' }, // 增加执业地点
  ];

  it('domain §5.5: seniority at a level counts from the first approval at that level, a change does not restart it', () => {
    expect(seniorityStart(history, 'assistant')).toBe('2019-12-20');
    expect(seniorityStart(history, 'physician')).toBe('2023-06-15');
    expect(seniorityStart(history)).toBe('2019-12-20');
    expect(seniorityStart([], 'physician')).toBeNull();
  });

  it('counts full years, a 29 February start completing on 1 March', () => {
    expect(completedYears('2023-06-15', '2025-06-14')).toBe(1);
    expect(completedYears('2023-06-15', '2025-06-15')).toBe(2);
    expect(completedYears('2020-02-29', '2021-02-28')).toBe(0);
    expect(completedYears('2020-02-29', '2021-03-01')).toBe(1);
    expect(completedYears('2025-01-01', '2024-01-01')).toBe(0);
  });
});
