import type { ExportNames } from './table';

/** 「审计日志-2026-11-20」: the download named for what it holds and the day (UTC date, as the other downloads). */
export function datedNames(now: Date, ascii: string, chinese: string): ExportNames {
  const stamp = now.toISOString().slice(0, 10);
  return { ascii: `${ascii}-${stamp}`, chinese: `${chinese}-${stamp}` };
}
