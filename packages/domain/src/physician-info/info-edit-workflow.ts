/**
 * 个人信息修改 (domain §2.2 BT-11, 信息维护 → 个人信息修改 [S13][S14]): the physician edits registration-side data
 * (学历、学位、毕业院校、专业、毕业时间、任职资格、照片、联系方式); the edit「经主要执业机构审核通过后生效」and never
 * touches the qualification record. There is no authority step. The request's workflow as ONE table:
 *
 *  approve   待机构审核 → 已同意   the main institution agrees: the registration carries the new values
 *  refuse    待机构审核 → 已拒绝   the main institution refuses, always with a reason
 *  withdraw  待机构审核 → 已撤回   the physician takes the request back before the decision
 *
 * While a request is pending no other may be filed for the same registration.
 */
import { defineErrors, spec } from '../errors';
import { INSTITUTION_ROLES, type ActorRole } from '../workflow/actor-roles';

export const INFO_EDIT_STATUSES = ['pending', 'approved', 'refused', 'withdrawn'] as const;
export type InfoEditStatus = (typeof INFO_EDIT_STATUSES)[number];

export const INFO_EDIT_STATUS_LABELS = {
  pending: '待机构审核',
  approved: '已同意',
  refused: '已拒绝',
  withdrawn: '已撤回',
} as const satisfies Record<InfoEditStatus, string>;

/** 是否修改过信息 (domain §1.2 item 8 [S20]): the tag the institution's lists show on a registration an approved edit changed. */
export const INFO_EDITED_LABEL = '已修改信息';

export const INFO_EDIT_ACTIONS = ['approve', 'refuse', 'withdraw'] as const;
export type InfoEditAction = (typeof INFO_EDIT_ACTIONS)[number];

export interface InfoEditRule {
  label: string;
  requiresReason: boolean;
  roles: readonly ActorRole[];
  from: readonly InfoEditStatus[];
  to: InfoEditStatus;
}

export const INFO_EDIT_WORKFLOW = {
  approve: { label: '同意', requiresReason: false, roles: INSTITUTION_ROLES, from: ['pending'], to: 'approved' },
  refuse: { label: '不同意', requiresReason: true, roles: INSTITUTION_ROLES, from: ['pending'], to: 'refused' },
  withdraw: { label: '撤回', requiresReason: false, roles: ['physician'], from: ['pending'], to: 'withdrawn' },
} as const satisfies Record<InfoEditAction, InfoEditRule>;

const TABLE: Record<InfoEditAction, InfoEditRule> = INFO_EDIT_WORKFLOW;

export const InfoEditWorkflowErrors = defineErrors({
  INFO_EDIT_ACTION_NOT_ALLOWED: spec(409, '该信息修改申请当前状态不允许此操作', 'Not allowed in the edit request\'s current status'),
  INFO_EDIT_REASON_MISSING: spec(400, '不同意信息修改申请必须写明理由', 'A reason is required to refuse'),
});

/** The actions `role` may take on a request in `status`, in table order. */
export function allowedInfoEditActions(status: InfoEditStatus, role: ActorRole): InfoEditAction[] {
  return INFO_EDIT_ACTIONS.filter((a) => TABLE[a].from.includes(status) && TABLE[a].roles.includes(role));
}

/** Statuses some action leaves: a request in one of them keeps the registration from another request. */
export const OPEN_INFO_EDIT_STATUSES: readonly InfoEditStatus[] = INFO_EDIT_STATUSES.filter((s) => INFO_EDIT_ACTIONS.some((a) => TABLE[a].from.includes(s)));

/**
 * The status after `role` takes `action` on a request in `status` (with `reason` where the table asks for one).
 * Otherwise INFO_EDIT_ACTION_NOT_ALLOWED (409) naming the status and what is allowed now, or INFO_EDIT_REASON_MISSING
 * (400, path reason).
 */
export function infoEditTransition(status: InfoEditStatus, action: InfoEditAction, role: ActorRole, reason?: string | null): InfoEditStatus {
  const rule: InfoEditRule | undefined = TABLE[action];
  if (!rule || !rule.from.includes(status) || !rule.roles.includes(role)) {
    const allowed = allowedInfoEditActions(status, role);
    const next = allowed.length ? `可执行的操作：${allowed.map((a) => TABLE[a].label).join('、')}` : '当前没有可执行的操作';
    throw InfoEditWorkflowErrors.INFO_EDIT_ACTION_NOT_ALLOWED({
      detail: `信息修改申请当前状态「${INFO_EDIT_STATUS_LABELS[status] ?? status}」不允许「${rule?.label ?? action}」。${next}`,
      extra: { infoEditStatus: status, action, allowedActions: allowed },
    });
  }
  if (rule.requiresReason && !reason?.trim()) throw InfoEditWorkflowErrors.INFO_EDIT_REASON_MISSING({ path: ['reason'] });
  return rule.to;
}
