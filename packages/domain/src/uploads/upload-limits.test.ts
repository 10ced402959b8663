import { describe, expect, it } from 'vitest';
import { formatFileSize, formatMegabytes, formatPixels, UPLOAD_LIMITS } from './upload-limits';

describe('upload sizes as people read them', () => {
  it('says the limits in MB and 万像素', () => {
    expect(formatMegabytes(UPLOAD_LIMITS.photoBytes)).toBe('2 MB');
    expect(formatMegabytes(UPLOAD_LIMITS.correctionTotalBytes)).toBe('5 MB');
    expect(formatPixels(UPLOAD_LIMITS.imageMaxPixels)).toBe('4000万像素');
  });

  it('gives a small file in KB, never as 0 MB', () => {
    expect(formatFileSize(700)).toBe('1 KB');
    expect(formatFileSize(12_345)).toBe('12 KB');
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});
