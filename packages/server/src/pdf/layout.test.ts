import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { chineseDate, displayDateTime } from './layout';
import { woffToSfnt } from './woff';

describe('chineseDate', () => {
  it('writes an ISO date the way an official document dates itself', () => {
    expect(chineseDate('2026-10-08')).toBe('2026年10月8日');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });

  it('takes the 北京时间 date of a UTC timestamp', () => {
    expect(chineseDate('2026-10-07T16:30:00Z')).toBe('2026年10月8日');
    expect(chineseDate('2026-10-07T23:30:00+08:00')).toBe('2026年10月7日');
  });

  it('prints anything else as given', () => {
    expect(chineseDate('二〇二六年十月八日')).toBe('二〇二六年十月八日');
  });
});

describe('displayDateTime', () => {
  it('shows a UTC timestamp in 北京时间 to the minute', () => {
    expect(displayDateTime('2026-10-08T02:15:30.123Z')).toBe('2026-10-08 10:15');
    expect(displayDateTime('2026-12-31T16:05:00Z')).toBe('2027-01-01 00:05');
  });

  it('keeps a timestamp without a zone as 北京时间, and other text as given', () => {
    expect(displayDateTime('2026-10-08T10:15:00')).toBe('2026-10-08 10:15');
    expect(displayDateTime('2026-10-08')).toBe('2026-10-08');
  });
});

describe('woffToSfnt', () => {
  it('unpacks the shipped WOFF into a TrueType file with the same tables', async () => {
    const woff = await readFile(new URL('../../assets/fonts/NotoSansSC-Regular.woff', import.meta.url));
    const sfnt = await woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4)); // flavor: 0x00010000 for TrueType outlines
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    expect(sfnt.length).toBeGreaterThan(woff.length);
  });

  it('refuses a file that is not WOFF', async () => {
    await expect(woffToSfnt(Buffer.from('OTTO not a woff file at all, just text'))).rejects.toThrow('not a WOFF');
  });
});
