import { describe, expect, it } from 'vitest';
import { filedLapseNoticeOn, filedLapsesOn } from './filed-lapse';

describe('备案满二年 (domain §2.2 BT-06 [S6])', () => {
  it('lapses on the second anniversary of 备案, with the notice 30 days before', () => {
    expect(filedLapsesOn('2025-09-01')).toBe('2027-09-01');
    expect(filedLapseNoticeOn('2025-09-01')).toBe('2027-08-02');
  });

  it('reads a 29 February 备案 as lapsing on 1 March of a common year', () => {
    expect(filedLapsesOn('2028-02-29')).toBe('2030-03-01');
    expect(filedLapsesOn('2026-02-28')).toBe('2028-02-28');
  });
});
