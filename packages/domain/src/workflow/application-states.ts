/**
 * States of a business application (业务申请), domain §2.1 and §3.1 E: the portal shows
 * 待机构确认 → 正在申办 → 已完成审批 (通过 | 不通过) [S20]; send-back, refusal by the institution
 * and withdrawal are [M]. 已受理 and 退回补正 follow 《行政许可法》第三十二条 (受理; 一次性告知补正).
 */
export const APPLICATION_STATES = [
  'draft',
  'pending_institution',
  'returned_by_institution',
  'refused_by_institution',
  'pending_authority',
  'accepted',
  'returned_for_correction',
  'approved',
  'refused',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_STATE_LABELS = {
  draft: '草稿',
  pending_institution: '待机构确认',
  returned_by_institution: '机构退回修改',
  refused_by_institution: '机构不同意',
  pending_authority: '正在申办',
  accepted: '已受理',
  returned_for_correction: '退回补正',
  approved: '准予注册',
  refused: '不予注册',
  withdrawn: '已撤回',
} as const satisfies Record<ApplicationState, string>;

export function isApplicationState(value: unknown): value is ApplicationState {
  return (APPLICATION_STATES as readonly unknown[]).includes(value);
}
