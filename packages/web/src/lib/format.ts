import { APP_TIME_ZONE, dayjs } from './dayjs';

type DateInput = string | number | Date | null | undefined;

/** Shown where a date is missing. */
export const EMPTY = '—';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `2026-03-01` — a calendar date in Beijing time. Plain ISO dates are shown as they are. */
export function formatDate(value: DateInput): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'string' && ISO_DATE.test(value)) return value;
  const d = dayjs(value);
  return d.isValid() ? d.tz(APP_TIME_ZONE).format('YYYY-MM-DD') : EMPTY;
}

/** `2026-03-01 14:05` — an instant in Beijing time. */
export function formatDateTime(value: DateInput): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const d = dayjs(value);
  return d.isValid() ? d.tz(APP_TIME_ZONE).format('YYYY-MM-DD HH:mm') : EMPTY;
}
