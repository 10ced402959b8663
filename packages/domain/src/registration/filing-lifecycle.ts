/**
 * 多机构备案 — a filing at a further institution within the 执业地点 (domain §2.2 BT-05, §3.1 C, §5.2), as ONE table:
 *
 *  submit   —    → 申请中   the BT-05 application is submitted; the proposed institution's multi-site list shows it [S20][I]
 *  approve  申请中 → 有效   filed with the authority that approved that institution (《医师执业注册管理办法》第十条)
 *  abandon  申请中 → 撤销   the application was refused or withdrawn, or its registration closed
 *  modify   有效 → 有效     BT-05 修改: new 执业范围 or 有效期
 *  move     有效 → 有效     the registration continues in a new record (main institution changed, 助理升执业) and the
 *                           filed institution lies in its 执业地点: the filing follows it
 *  end      有效 → 撤销     BT-05 终止; or its registration closed, or changed so that the filing no longer fits
 *                           (institution outside the 执业地点, at the new main institution, scope no longer registered)
 *  expire   有效 → 到期     the 有效期结束时间 passed: a filing ends at its end date by itself (§2.2 BT-05 "End")
 *
 * A filing is not a licence: no statutory clock runs (§2.2 BT-05 [I]).
 */
import { defineErrors, spec } from '../errors';
import type { IsoDate } from '../calendar/iso-date';
import { decision, scheduled, type LifecycleCause } from './lifecycle-causes';
import { eventsAllowedIn, nextStatus, refusalDetail, terminalStatusesOf, type StateTable } from './state-table';

export const FILING_STATUSES = ['pending', 'active', 'expired', 'revoked'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export const FILING_STATUS_LABELS = {
  pending: '申请中',
  active: '有效',
  expired: '到期',
  revoked: '撤销',
} as const satisfies Record<FilingStatus, string>;

export const FILING_EVENTS = ['submit', 'approve', 'abandon', 'modify', 'move', 'end', 'expire'] as const;
export type FilingEvent = (typeof FILING_EVENTS)[number];

const submitted: LifecycleCause = { kind: 'application', business: 'multi_site_filing', step: 'submit' };
const abandoned: LifecycleCause = { kind: 'application', business: 'multi_site_filing', step: 'abandon' };
const registrationClosed: LifecycleCause = { kind: 'registration_closed' };

export const FILING_TABLE = {
  submit: { label: '提交备案申请', from: [null], to: 'pending', basis: 'domain §3.1 C [I]', causes: [submitted] },
  approve: { label: '备案', from: ['pending'], to: 'active', basis: '《医师执业注册管理办法》第十条', causes: [decision('multi_site_filing')] },
  abandon: { label: '备案申请未通过', from: ['pending'], to: 'revoked', basis: 'domain §3.1 C [I]', causes: [abandoned, registrationClosed] },
  modify: { label: '修改备案', from: ['active'], to: 'active', basis: 'domain §2.2 BT-05', causes: [decision('multi_site_filing')] },
  move: {
    label: '随注册转入新注册', from: ['active'], to: 'active', basis: 'domain §5.2',
    causes: [decision('change_registration'), decision('assistant_upgrade')],
  },
  end: {
    label: '终止备案', from: ['active'], to: 'revoked', basis: 'domain §2.2 BT-05, §5.2',
    causes: [decision('multi_site_filing'), decision('change_registration'), decision('assistant_upgrade'), registrationClosed],
  },
  expire: { label: '备案到期', from: ['active'], to: 'expired', basis: 'domain §2.2 BT-05', causes: [scheduled('filing_end_date')] },
} as const satisfies StateTable<FilingStatus, FilingEvent>;

const TABLE: StateTable<FilingStatus, FilingEvent> = FILING_TABLE;

export const FilingLifecycleErrors = defineErrors({
  FILING_EVENT_NOT_ALLOWED: spec(409, '该备案当前状态不允许此操作', 'Not allowed in the filing\'s current status'),
});

export function allowedFilingEvents(status: FilingStatus | null): FilingEvent[] {
  return eventsAllowedIn(TABLE, FILING_EVENTS, status);
}

/** The status after `event`, or FILING_EVENT_NOT_ALLOWED (409) naming what is allowed now. */
export function filingTransition(status: FilingStatus | null, event: FilingEvent): FilingStatus {
  const to = nextStatus(TABLE, status, event);
  if (to !== undefined) return to;
  const { detail, allowed } = refusalDetail(TABLE, FILING_EVENTS, FILING_STATUS_LABELS, '未备案', status, event);
  throw FilingLifecycleErrors.FILING_EVENT_NOT_ALLOWED({ detail, extra: { status, event, allowedEvents: allowed } });
}

/** 到期 and 撤销. */
export const TERMINAL_FILING_STATUSES: readonly FilingStatus[] = terminalStatusesOf(TABLE, FILING_EVENTS, FILING_STATUSES);

export interface FilingPeriod {
  status: FilingStatus;
  /** 有效期开始时间 / 结束时间 (both days included). */
  validFrom: IsoDate;
  validTo: IsoDate;
}

/** The status on `date`: an 有效 filing whose end date has passed reads 到期 even before the scheduled job records it. */
export function filingStatusOn(filing: FilingPeriod, date: IsoDate): FilingStatus {
  return filing.status === 'active' && date > filing.validTo ? 'expired' : filing.status;
}

/** Whether the physician may practise at the filed institution on `date`: 有效 and within 有效期. */
export function filingInForce(filing: FilingPeriod, date: IsoDate): boolean {
  return filing.status === 'active' && filing.validFrom <= date && date <= filing.validTo;
}

/** The filings the scheduled job moves to 到期 on `today` (`expire`, cause 备案有效期届满). */
export function filingsDueToExpire<F extends FilingPeriod>(filings: readonly F[], today: IsoDate): F[] {
  return filings.filter((f) => f.status === 'active' && today > f.validTo);
}
