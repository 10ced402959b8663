/**
 * 资格补改 handled by the authority (domain §2.2 BT-12: the authority supplements 补录 or corrects 修改 qualification
 * records that are missing or wrong), as ONE table — like the application workflow in ../workflow:
 *
 *  accept   已提交，待受理 → 审核中     受理: the provincial commission takes the request up
 *  resolve  审核中 → 已补改             补改: the qualification record is corrected or supplemented, history kept
 *  reject   已提交 / 审核中 → 未予补改  驳回: always in writing, with the reasons
 *
 * While a request is open the physician cannot file another; once it is closed they may.
 */
import { defineErrors, spec } from '../errors';
import { AUTHORITY_ROLES, type ActorRole } from '../workflow/actor-roles';

export const CORRECTION_STATUSES = ['submitted', 'in_review', 'resolved', 'rejected'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export const CORRECTION_STATUS_LABELS = {
  submitted: '已提交，待受理',
  in_review: '审核中',
  resolved: '已补改',
  rejected: '未予补改',
} as const satisfies Record<CorrectionStatus, string>;

export const CORRECTION_ACTIONS = ['accept', 'resolve', 'reject'] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

export interface CorrectionRule {
  label: string;
  requiresReason: boolean;
  roles: readonly ActorRole[];
  from: readonly CorrectionStatus[];
  to: CorrectionStatus;
}

export const CORRECTION_WORKFLOW = {
  accept: { label: '受理', requiresReason: false, roles: AUTHORITY_ROLES, from: ['submitted'], to: 'in_review' },
  resolve: { label: '补改', requiresReason: false, roles: AUTHORITY_ROLES, from: ['in_review'], to: 'resolved' },
  reject: { label: '驳回', requiresReason: true, roles: AUTHORITY_ROLES, from: ['submitted', 'in_review'], to: 'rejected' },
} as const satisfies Record<CorrectionAction, CorrectionRule>;

const TABLE: Record<CorrectionAction, CorrectionRule> = CORRECTION_WORKFLOW;

export const CorrectionWorkflowErrors = defineErrors({
  CORRECTION_ACTION_NOT_ALLOWED: spec(409, '该资格补改申请当前状态不允许此操作', 'Not allowed in the correction request\'s current status'),
  CORRECTION_REASON_MISSING: spec(400, '驳回资格补改申请必须写明理由', 'A written reason is required'),
});

/** The actions `role` may take on a request in `status`, in table order. */
export function allowedCorrectionActions(status: CorrectionStatus, role: ActorRole): CorrectionAction[] {
  return CORRECTION_ACTIONS.filter((a) => TABLE[a].from.includes(status) && TABLE[a].roles.includes(role));
}

/** Statuses no action leaves: the request is closed and the physician may file a new one. */
export function isCorrectionClosed(status: CorrectionStatus): boolean {
  return CORRECTION_ACTIONS.every((a) => !TABLE[a].from.includes(status));
}

export const OPEN_CORRECTION_STATUSES: readonly CorrectionStatus[] = CORRECTION_STATUSES.filter((s) => !isCorrectionClosed(s));

/**
 * The status after `role` takes `action` on a request in `status`, with `reason` where the table asks for one.
 * Otherwise CORRECTION_ACTION_NOT_ALLOWED (409) naming the status and what is allowed now, or
 * CORRECTION_REASON_MISSING (400, path reasons).
 */
export function correctionTransition(status: CorrectionStatus, action: CorrectionAction, role: ActorRole, reason?: string | null): CorrectionStatus {
  const rule: CorrectionRule | undefined = TABLE[action];
  if (!rule || !rule.from.includes(status) || !rule.roles.includes(role)) {
    const allowed = allowedCorrectionActions(status, role);
    const next = allowed.length ? `可执行的操作：${allowed.map((a) => TABLE[a].label).join('、')}` : '当前没有可执行的操作';
    throw CorrectionWorkflowErrors.CORRECTION_ACTION_NOT_ALLOWED({
      detail: `资格补改申请当前状态「${CORRECTION_STATUS_LABELS[status] ?? status}」不允许「${rule?.label ?? action}」。${next}`,
      extra: { correctionStatus: status, action, allowedActions: allowed },
    });
  }
  if (rule.requiresReason && !reason?.trim()) throw CorrectionWorkflowErrors.CORRECTION_REASON_MISSING({ path: ['reasons'] });
  return rule.to;
}
