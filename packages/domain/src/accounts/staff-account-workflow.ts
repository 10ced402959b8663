/**
 * The status of an authority staff account and the actions each status allows, as a table (like the
 * application workflow). 停用 ends the account's sessions and refuses its logins until 启用.
 */
export const STAFF_ACCOUNT_STATUSES = ['active', 'disabled'] as const;
export type StaffAccountStatus = (typeof STAFF_ACCOUNT_STATUSES)[number];

export const STAFF_ACCOUNT_STATUS_LABELS = { active: '正常', disabled: '已停用' } as const satisfies Record<StaffAccountStatus, string>;

export type StaffAccountAction = 'disable' | 'enable' | 'reset_password' | 'reassign';

export const STAFF_ACCOUNT_WORKFLOW = {
  disable: { label: '停用', from: ['active'], to: 'disabled' },
  enable: { label: '启用', from: ['disabled'], to: 'active' },
  reset_password: { label: '重置密码', from: ['active', 'disabled'], to: null },
  reassign: { label: '调整所属部门', from: ['active', 'disabled'], to: null },
} as const satisfies Record<StaffAccountAction, { label: string; from: readonly StaffAccountStatus[]; to: StaffAccountStatus | null }>;

export function staffAccountStatus(account: { disabled: boolean }): StaffAccountStatus {
  return account.disabled ? 'disabled' : 'active';
}

/** The actions the status allows now (in the table's order). */
export function allowedStaffAccountActions(status: StaffAccountStatus): StaffAccountAction[] {
  return (Object.keys(STAFF_ACCOUNT_WORKFLOW) as StaffAccountAction[])
    .filter((a) => (STAFF_ACCOUNT_WORKFLOW[a].from as readonly StaffAccountStatus[]).includes(status));
}

/** The status after the action, or null when the status does not allow it. */
export function staffAccountTransition(status: StaffAccountStatus, action: StaffAccountAction): StaffAccountStatus | null {
  const rule = STAFF_ACCOUNT_WORKFLOW[action];
  if (!(rule.from as readonly StaffAccountStatus[]).includes(status)) return null;
  return rule.to ?? status;
}
