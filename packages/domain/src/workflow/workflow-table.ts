/**
 * The business-application workflow as ONE table (OpenCRVS style): for each action, who may take it,
 * from which states, to which state, and whether a written reason is required.
 *  - institution step: the proposed (main) institution confirms (domain §2.1 [S11][S19][S20]);
 *  - 受理 / 退回补正: 《行政许可法》第三十二条 (materials incomplete → 一次性告知补正);
 *  - 准予注册 / 不予注册: 《医师法》第十三条、第十六条 — a refusal is written, with reasons,
 *    and so is every send-back and the institution's refusal;
 *  - 视为受理: 《行政许可法》第三十二条 — taken by a scheduled rule, never by an account.
 */
import { AUTHORITY_ROLES, INSTITUTION_ROLES, type ActorRole } from './actor-roles';
import type { ApplicationState } from './application-states';

export const WORKFLOW_ACTIONS = [
  'submit',
  'submit_to_authority',
  'withdraw',
  'institution_approve',
  'institution_return',
  'institution_refuse',
  'accept',
  'request_correction',
  'resubmit_correction',
  'approve',
  'refuse',
  'deem_accept',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export interface WorkflowRule {
  label: string;
  requiresReason: boolean;
  roles: readonly ActorRole[];
  from: readonly ApplicationState[];
  to: ApplicationState;
}

export const WORKFLOW_TABLE = {
  submit: { label: '提交', requiresReason: false, roles: ['physician'], from: ['draft', 'returned_by_institution'], to: 'pending_institution' },
  /** No institution confirms (a 注销 from 注册备案, domain §BT-07): the application goes straight to the authority. */
  submit_to_authority: { label: '提交', requiresReason: false, roles: ['physician'], from: ['draft'], to: 'pending_authority' },
  withdraw: { label: '撤回', requiresReason: false, roles: ['physician'], from: ['draft', 'pending_institution', 'returned_by_institution'], to: 'withdrawn' },
  institution_approve: { label: '同意', requiresReason: false, roles: INSTITUTION_ROLES, from: ['pending_institution'], to: 'pending_authority' },
  institution_return: { label: '退回修改', requiresReason: true, roles: INSTITUTION_ROLES, from: ['pending_institution'], to: 'returned_by_institution' },
  institution_refuse: { label: '不同意', requiresReason: true, roles: INSTITUTION_ROLES, from: ['pending_institution'], to: 'refused_by_institution' },
  accept: { label: '受理', requiresReason: false, roles: AUTHORITY_ROLES, from: ['pending_authority'], to: 'accepted' },
  request_correction: { label: '退回补正', requiresReason: true, roles: AUTHORITY_ROLES, from: ['pending_authority'], to: 'returned_for_correction' },
  resubmit_correction: {
    label: '补正后重新提交', requiresReason: false, roles: ['physician', ...INSTITUTION_ROLES], from: ['returned_for_correction'], to: 'pending_authority',
  },
  approve: { label: '准予注册', requiresReason: false, roles: AUTHORITY_ROLES, from: ['accepted'], to: 'approved' },
  refuse: { label: '不予注册', requiresReason: true, roles: AUTHORITY_ROLES, from: ['accepted'], to: 'refused' },
  // 《行政许可法》第三十二条: not told to 补正 within 5 working days of arrival → accepted from the day of arrival.
  // No account takes it: only the scheduled rule (scheduled-actions.ts), so it is in no one's allowed actions.
  deem_accept: { label: '逾期未告知补正，视为受理', requiresReason: false, roles: [], from: ['pending_authority'], to: 'accepted' },
} as const satisfies Record<WorkflowAction, WorkflowRule>;
