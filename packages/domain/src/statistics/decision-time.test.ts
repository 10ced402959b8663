import { describe, expect, it } from 'vitest';
import { summariseDecisionDays } from './decision-time';

describe('summariseDecisionDays (《医师法》第十三条: 20 working days)', () => {
  it('takes the nearest-rank median and p90 and counts decisions over the limit', () => {
    // 10 decisions: 1,2,3,4,5,6,7,8,9 working days and one at 25.
    const buckets = [...Array.from({ length: 9 }, (_, i) => ({ workingDays: i + 1, decisions: 1 })), { workingDays: 25, decisions: 1 }];
    expect(summariseDecisionDays(buckets, 20)).toEqual({ decisions: 10, median: 5, p90: 9, overLimit: 1 });
  });

  it('weights each bucket by its decisions, in any order', () => {
    expect(summariseDecisionDays([{ workingDays: 21, decisions: 3 }, { workingDays: 2, decisions: 7 }], 20))
      .toEqual({ decisions: 10, median: 2, p90: 21, overLimit: 3 });
  });

  it('has no median without decisions', () => {
    expect(summariseDecisionDays([], 20)).toEqual({ decisions: 0, median: null, p90: null, overLimit: 0 });
  });
});
