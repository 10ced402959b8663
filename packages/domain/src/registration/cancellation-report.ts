/**
 * 注销 reported or acted on by someone other than the physician (domain §BT-07):
 *  - the institution reports a ground it knows of within 30 days (《医师法》第十七条第二款: 医疗卫生机构应当在三十日内
 *    报告准予注册的卫生健康主管部门). A report after the 30 days is still accepted — the ground exists either way and the
 *    register must stop showing the registration as current — but it is marked late (as the departure report of
 *    departure-report.ts), so the authority sees which institution reported late. 30 calendar days: the Law gives
 *    the limit in days, not working days (domain §2.3);
 *  - the granting authority cancels ex officio on a statutory ground (第十七条第三款、第二十条), with its 文书编号.
 * The day of the triggering event (事件发生日期) must not lie after today; the server, which knows today, checks it.
 */
import { z } from 'zod';
import { addCalendarDays, isIsoDate, toDayNumber, type IsoDate } from '../calendar/iso-date';
import { plainText } from '../text/plain-text';
import { CANCELLATION_REPORT_DAYS, cancellationGroundsFor, type CancellationGround } from './cancellation-grounds';

/** The last day an institution's report is on time: 30 calendar days after the triggering event. */
export function cancellationReportDueOn(triggerOn: IsoDate): IsoDate {
  return addCalendarDays(triggerOn, CANCELLATION_REPORT_DAYS);
}

/** Whether a report made on `reportedOn` (北京时间) comes more than 30 days after the event of `triggerOn`. */
export function isLateCancellationReport(triggerOn: IsoDate, reportedOn: IsoDate): boolean {
  return toDayNumber(reportedOn) > toDayNumber(cancellationReportDueOn(triggerOn));
}

const groundOf = (initiator: 'institution' | 'authority') => {
  const grounds = cancellationGroundsFor(initiator) as [CancellationGround, ...CancellationGround[]];
  return z.enum(grounds, '请选择注销情形');
};

export const triggerOnField = z.string('请填写事件发生日期').refine(isIsoDate, '请填写事件发生日期（YYYY-MM-DD）');
const noteField = plainText({ multiline: true }).trim().max(500, '说明不超过500个字');

/** 【报告注销情形】 of the institution: the ground, the day of the event, a note. */
export const CancellationReportForm = z.object({
  ground: groundOf('institution'),
  triggerOn: triggerOnField,
  note: noteField.optional(),
});
export type CancellationReportForm = z.infer<typeof CancellationReportForm>;

/** 【依职权注销】 of the granting authority: the statutory ground, the day of the event, the 文书编号, a note. */
export const ExOfficioCancellationForm = z.object({
  ground: groundOf('authority'),
  triggerOn: triggerOnField,
  documentNo: plainText().trim().min(1, '请填写注销决定文书编号').max(60, '文书编号不超过60个字'),
  note: noteField.optional(),
});
export type ExOfficioCancellationForm = z.infer<typeof ExOfficioCancellationForm>;
