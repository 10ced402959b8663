import type { ExportCell } from './table';

/** An instant as a clerk reads it: Beijing time (UTC+8), 「2026-11-20 10:00:00」. */
export function chinaDateTime(at: Date | string | null | undefined): ExportCell {
  if (at === null || at === undefined) return null;
  const ms = (typeof at === 'string' ? Date.parse(at) : at.getTime()) + 8 * 3_600_000;
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
