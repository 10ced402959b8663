/**
 * 医疗机构状态 — whether an institution in the register takes new applications, as ONE table (like the suspension
 * table in ../supervision). The authority that keeps the register (the one that approved the institution's practice,
 * 《医疗机构管理条例》第十五条、第十七条) registers it, suspends it and reopens it:
 *
 *  register  —    → 正常   the authority enters the institution in the register
 *  suspend   正常 → 暂停   the institution may not receive new applications (e.g. 停业整顿, licence under review)
 *  reopen    暂停 → 正常   it takes applications again
 *
 * Applications already filed stay where they are; the authority sees them in the suspended institution's list.
 */
import { defineErrors, spec } from '../errors';
import { eventsAllowedIn, nextStatus, refusalDetail, type StateTable } from '../registration/state-table';

export const INSTITUTION_STATUSES = ['normal', 'suspended'] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];

export const INSTITUTION_STATUS_LABELS = {
  normal: '正常',
  suspended: '暂停',
} as const satisfies Record<InstitutionStatus, string>;

export const INSTITUTION_STATUS_EVENTS = ['register', 'suspend', 'reopen'] as const;
export type InstitutionStatusEvent = (typeof INSTITUTION_STATUS_EVENTS)[number];

/** The table's rows name no lifecycle causes: only the authority's administrator takes these steps. */
export const INSTITUTION_STATUS_TABLE = {
  register: { label: '登记医疗机构', from: [null], to: 'normal', basis: '《医疗机构管理条例》第十五条', causes: [] },
  suspend: { label: '暂停', from: ['normal'], to: 'suspended', basis: '《医疗机构管理条例》第二十一条', causes: [] },
  reopen: { label: '恢复', from: ['suspended'], to: 'normal', basis: '《医疗机构管理条例》第二十一条', causes: [] },
} as const satisfies StateTable<InstitutionStatus, InstitutionStatusEvent>;

const TABLE: StateTable<InstitutionStatus, InstitutionStatusEvent> = INSTITUTION_STATUS_TABLE;

/** The events that need a written reason (暂停). */
export const INSTITUTION_EVENTS_WITH_REASON: readonly InstitutionStatusEvent[] = ['suspend'];

export const InstitutionStatusErrors = defineErrors({
  INSTITUTION_STATUS_NOT_ALLOWED: spec(409, '该医疗机构当前状态不允许此操作', 'Not allowed in the institution\'s current status'),
  INSTITUTION_REASON_MISSING: spec(400, '暂停医疗机构必须写明原因', 'A reason is required'),
});

export function allowedInstitutionEvents(status: InstitutionStatus | null): InstitutionStatusEvent[] {
  return eventsAllowedIn(TABLE, INSTITUTION_STATUS_EVENTS, status);
}

/** The status after `event`, or INSTITUTION_STATUS_NOT_ALLOWED (409) naming what is allowed now; a 暂停 needs a reason. */
export function institutionStatusTransition(status: InstitutionStatus | null, event: InstitutionStatusEvent, reason?: string | null): InstitutionStatus {
  const to = nextStatus(TABLE, status, event);
  if (to === undefined) {
    const { detail, allowed } = refusalDetail(TABLE, INSTITUTION_STATUS_EVENTS, INSTITUTION_STATUS_LABELS, '未登记', status, event);
    throw InstitutionStatusErrors.INSTITUTION_STATUS_NOT_ALLOWED({ detail, extra: { status, event, allowedEvents: allowed } });
  }
  if (INSTITUTION_EVENTS_WITH_REASON.includes(event) && !reason?.trim()) throw InstitutionStatusErrors.INSTITUTION_REASON_MISSING({ path: ['reason'] });
  return to;
}

/** Whether an institution in `status` may receive new applications (首次注册 and every business form). */
export function institutionTakesApplications(status: InstitutionStatus): boolean {
  return status === 'normal';
}

/** The refusal a physician reads when the chosen institution is suspended. */
export function institutionSuspendedText(name: string): string {
  return `「${name}」已暂停接收执业注册申请，请选择其他医疗机构或联系该机构`;
}
