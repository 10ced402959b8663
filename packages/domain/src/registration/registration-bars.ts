/**
 * 不予注册的期限 — the bars that keep a physician from registering again for a time (《医师法》第十六条、第五十四条;
 * domain §BT-01 refusal grounds, §BT-07 follow-on, §BT-08). A bar is recorded when the act that causes it is
 * recorded (a cancellation, a revocation, a penalty) and ends by itself on `endsOn`; a 重新注册 is refused while
 * one runs, with the date it ends. A criminal penalty's bar counts from the day the sentence was served, which
 * the register may not know yet: then it has no end date until the authority records it.
 */
import { addYears, type IsoDate } from '../calendar/iso-date';

export const BAR_KINDS = ['assessment_cancelled', 'revoked', 'criminal_penalty', 'improper_means'] as const;
export type BarKind = (typeof BAR_KINDS)[number];

export interface BarKindInfo {
  label: string;
  basis: string;
  years: number;
}

export const BAR_KIND_INFO = {
  assessment_cancelled: { label: '因医师定期考核不合格被注销注册', basis: '《医师法》第十六条第四项', years: 1 },
  revoked: { label: '受吊销医师执业证书行政处罚', basis: '《医师法》第十六条第三项', years: 2 },
  criminal_penalty: { label: '受刑事处罚，刑罚执行完毕', basis: '《医师法》第十六条第二项', years: 2 },
  improper_means: { label: '以不正当手段取得医师执业证书被撤销', basis: '《医师法》第五十四条', years: 3 },
} as const satisfies Record<BarKind, BarKindInfo>;

/** The last day the bar runs: `years` after it starts, less a day (a bar from 2026-03-01 of one year ends 2027-02-28). */
export function barEndsOn(kind: BarKind, startsOn: IsoDate): IsoDate {
  return addYears(startsOn, BAR_KIND_INFO[kind].years, -1);
}

export interface RegistrationBar {
  kind: BarKind;
  startsOn: IsoDate;
  /** null: the start is not known yet (a sentence not yet served), the bar runs until it is recorded. */
  endsOn: IsoDate | null;
}

/** Whether the bar still runs on `today`. */
export function barRuns(bar: RegistrationBar, today: IsoDate): boolean {
  return bar.endsOn === null || bar.endsOn >= today;
}

/** How a running bar reads to the physician: its ground, its basis and the day it ends. */
export function barRefusalText(bar: RegistrationBar): string {
  const info = BAR_KIND_INFO[bar.kind];
  const until = bar.endsOn ? `至${bar.endsOn}止` : '（刑罚执行完毕之日起算，结束日期待登记）';
  return `${info.label}，依${info.basis}不予注册的期限${until}`;
}
