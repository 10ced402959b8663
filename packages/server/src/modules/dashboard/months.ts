/** The months a dashboard shows: the current month (Asia/Shanghai) and the 11 before it, as YYYY-MM. */
import { DASHBOARD_MONTHS, addMonths } from '@medreg/domain';

export function dashboardMonths(today: string): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: DASHBOARD_MONTHS }, (_, i) => addMonths(first, i - (DASHBOARD_MONTHS - 1)).slice(0, 7));
}

/** The first day of the first month shown. */
export const firstDayOf = (months: readonly string[]) => `${months[0]}-01`;
