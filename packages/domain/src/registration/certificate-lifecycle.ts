/**
 * 《医师执业证书》 — the certificate record of a registration, as ONE table (domain §2.2 BT-09, BT-07; §1.3):
 *
 *  issue      —    → 有效     issued on a decision that opens a registration or reprints one (《医师法》第十三条;
 *                             delivered within 10 days, 《行政许可法》第四十四条)
 *  supersede  有效 → 已换发   a new certificate replaces it: 补发/换领 (BT-09), or any decision that changes what it
 *                             prints (BT-03, BT-04), or a correction of printed personal data
 *  void       有效 → 已废止   the registration is cancelled (《医师法》第十七条: 注销注册, 废止医师执业证书)
 *
 * A certificate is never edited in place: what it prints changes only through a new one, so a superseded
 * certificate shown at a verification desk reads 已换发 with the number of the one that replaced it.
 */
import { defineErrors, spec } from '../errors';
import { decision, supervision, type LifecycleCause } from './lifecycle-causes';
import { eventsAllowedIn, nextStatus, refusalDetail, terminalStatusesOf, type StateTable } from './state-table';

export const CERTIFICATE_STATUSES = ['issued', 'superseded', 'voided'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export const CERTIFICATE_STATUS_LABELS = {
  issued: '有效',
  superseded: '已换发',
  voided: '已废止',
} as const satisfies Record<CertificateStatus, string>;

export const CERTIFICATE_EVENTS = ['issue', 'supersede', 'void'] as const;
export type CertificateEvent = (typeof CERTIFICATE_EVENTS)[number];

const OPENING_DECISIONS: LifecycleCause[] = [
  decision('first_registration'), decision('additional_registration'), decision('change_registration'),
  decision('assistant_upgrade'), decision('re_registration'), decision('certificate_reissue'),
];

export const CERTIFICATE_TABLE = {
  issue: { label: '核发执业证书', from: [null], to: 'issued', basis: '《医师法》第十三条', causes: [...OPENING_DECISIONS, supervision('printed_data_corrected')] },
  supersede: {
    label: '换发执业证书', from: ['issued'], to: 'superseded', basis: 'domain §2.2 BT-09',
    causes: [decision('certificate_reissue'), decision('change_registration'), decision('assistant_upgrade'), supervision('printed_data_corrected')],
  },
  void: {
    label: '废止执业证书', from: ['issued'], to: 'voided', basis: '《医师法》第十七条',
    causes: [{ kind: 'registration_closed' }],
  },
} as const satisfies StateTable<CertificateStatus, CertificateEvent>;

const TABLE: StateTable<CertificateStatus, CertificateEvent> = CERTIFICATE_TABLE;

export const CertificateLifecycleErrors = defineErrors({
  CERTIFICATE_EVENT_NOT_ALLOWED: spec(409, '该执业证书当前状态不允许此操作', 'Not allowed in the certificate\'s current status'),
});

export function allowedCertificateEvents(status: CertificateStatus | null): CertificateEvent[] {
  return eventsAllowedIn(TABLE, CERTIFICATE_EVENTS, status);
}

/** The status after `event`, or CERTIFICATE_EVENT_NOT_ALLOWED (409) naming what is allowed now. */
export function certificateTransition(status: CertificateStatus | null, event: CertificateEvent): CertificateStatus {
  const to = nextStatus(TABLE, status, event);
  if (to !== undefined) return to;
  const { detail, allowed } = refusalDetail(TABLE, CERTIFICATE_EVENTS, CERTIFICATE_STATUS_LABELS, '未核发', status, event);
  throw CertificateLifecycleErrors.CERTIFICATE_EVENT_NOT_ALLOWED({ detail, extra: { status, event, allowedEvents: allowed } });
}

/** 已换发 and 已废止. */
export const TERMINAL_CERTIFICATE_STATUSES: readonly CertificateStatus[] = terminalStatusesOf(TABLE, CERTIFICATE_EVENTS, CERTIFICATE_STATUSES);
