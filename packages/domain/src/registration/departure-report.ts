/**
 * 注册备案 reported by the main institution (domain §2.2 BT-06, §2.3 [S6]: "reported by the institution within 30 days
 * of completing the formalities"). The report moves the registration 有效 → 注册备案 (`file_departure`,
 * registration-table.ts). A report after the 30 days is still accepted — the physician has left either way and the
 * register must say so — but it is recorded as late, so the authority can see which institution reported late.
 */
import { z } from 'zod';
import { addCalendarDays, isIsoDate, toDayNumber, type IsoDate } from '../calendar/iso-date';
import { plainText } from '../text/plain-text';
import { DEPARTURE_REASONS } from './departure-reasons';

/**
 * domain §2.3: the institution reports a departure/retirement filing within 30 days [S6]. The table counts in working
 * days only where it says so (decisions, [S2 Art.82]); this limit is given in days, so calendar days.
 */
export const DEPARTURE_REPORT_DAYS = 30;

/** The last day a report is on time: 30 calendar days after the day the formalities were completed. */
export function departureReportDueOn(leftOn: IsoDate): IsoDate {
  return addCalendarDays(leftOn, DEPARTURE_REPORT_DAYS);
}

/** Whether a report made on `reportedOn` (北京时间) comes more than 30 days after the formalities of `leftOn`. */
export function isLateDepartureReport(leftOn: IsoDate, reportedOn: IsoDate): boolean {
  return toDayNumber(reportedOn) > toDayNumber(departureReportDueOn(leftOn));
}

/** The report an institution sends (离职手续办理日期 no later than today is checked by the server, which knows today). */
export const DepartureReportForm = z.object({
  reason: z.enum(DEPARTURE_REASONS, '请选择备案情形'),
  /** 离职手续办理日期 — the day the formalities were completed (the physician left). */
  leftOn: z.string('请填写离职手续办理日期').refine(isIsoDate, '请填写离职手续办理日期（YYYY-MM-DD）'),
  /** 说明 — optional. */
  note: plainText({ multiline: true }).trim().max(500, '说明不超过500个字').optional(),
});
export type DepartureReportForm = z.infer<typeof DepartureReportForm>;
