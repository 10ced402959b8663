import { describe, expect, it } from 'vitest';
import { importProgressPercent } from './import-progress';

describe('资格数据导入 progress bar', () => {
  it('is the share of the file read while reading, 95 % while merging, 100 % at the end', () => {
    expect(importProgressPercent('queued', 0, 1000)).toBe(0);
    expect(importProgressPercent('reading', 0, 1000)).toBe(0);
    expect(importProgressPercent('reading', 500, 1000)).toBe(45);
    expect(importProgressPercent('reading', 1000, 1000)).toBe(90);
    expect(importProgressPercent('reading', 2000, 1000)).toBe(90);
    expect(importProgressPercent('merging', 1000, 1000)).toBe(95);
    expect(importProgressPercent('done', 1000, 1000)).toBe(100);
    expect(importProgressPercent('failed', 10, 1000)).toBe(100);
  });
});
