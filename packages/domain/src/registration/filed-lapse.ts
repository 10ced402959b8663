/**
 * domain §2.2 BT-06 [S6]: a registration in 注册备案 for 2 years without continued practice (no new registration of
 * the physician) is cancelled (REGISTRATION_TABLE `lapse_filed`, ground 中止医师执业活动满二年). The physician is told
 * 30 days before; the cancellation comes no earlier than 30 days after that notice.
 */
import { addCalendarDays, type IsoDate } from '../calendar/iso-date';

export const FILED_LAPSE_YEARS = 2;
export const FILED_LAPSE_NOTICE_DAYS = 30;

/** The day a registration filed on `filedOn` is cancelled: the same day 2 years later (29 February → 1 March). */
export function filedLapsesOn(filedOn: IsoDate): IsoDate {
  const [y, m, d] = filedOn.split('-').map(Number) as [number, number, number];
  const first = `${String(y + FILED_LAPSE_YEARS).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
  return addCalendarDays(first, d - 1);
}

/** The day the notice is due: 30 days before the lapse. */
export function filedLapseNoticeOn(filedOn: IsoDate): IsoDate {
  return addCalendarDays(filedLapsesOn(filedOn), -FILED_LAPSE_NOTICE_DAYS);
}
