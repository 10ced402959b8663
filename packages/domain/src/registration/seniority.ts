/**
 * 执业年限 — from which date a physician's practising years count (domain §5.5):
 *  - 「注册日期即为执业年限起始日」 [S7]: the registration date starts the count;
 *  - the years an assistant needs for the 执业医师 exam, and a 执业医师 for the 主治医师 exam, count from the day the
 *    registration at that level was approved [S18] — so the count is kept per level, from the FIRST approval at it.
 *
 * Consequences:
 *  - a change of 执业地点 or main institution opens a new record (办法第二十条) but does not restart the count: the
 *    first approval at the level stays the start;
 *  - after 助理升执业 (BT-04) the 执业医师 count starts on the day the upgrade is approved; the assistant count is kept
 *    as it was (it is what made the physician eligible for the exam, e.g. 《医师法》第九条: 2 years for a 专科 assistant);
 *  - `level` left out gives the start of registered practice at any level (the 5 years of 《医师法》第二十条 for
 *    individual practice read "经注册后在医疗卫生机构中执业满五年"; whether assistant years count there is [U]).
 * Every record the physician ever held counts, closed or cancelled ones included [I].
 */
import { isIsoDate, type IsoDate } from '../calendar/iso-date';
import type { PhysicianLevel } from '../reference/physician-levels';

export interface ApprovedRegistration {
  level: PhysicianLevel;
  approvedOn: IsoDate;
}

/** The first approval date at `level` (or at any level), or null when there is none. */
export function seniorityStart(history: readonly ApprovedRegistration[], level?: PhysicianLevel): IsoDate | null {
  let first: IsoDate | null = null;
  for (const r of history) {
    if (level !== undefined && r.level !== level) continue;
    if (isIsoDate(r.approvedOn) && (first === null || r.approvedOn < first)) first = r.approvedOn;
  }
  return first;
}

/** Full years from `start` to `on` (an anniversary on 29 February falls on 1 March in other years). */
export function completedYears(start: IsoDate, on: IsoDate): number {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const years = y - sy - (m < sm || (m === sm && d < sd) ? 1 : 0);
  return Math.max(0, years);
}
