/**
 * 注册备案的情形 — why a physician left the main institution (domain §2.2 BT-06 [S6]): 调离、退休、退职 (trigger 1) and
 * 被辞退、开除 (trigger 2). Trigger 3, "other cases set by the province", has no entry until a province sets one.
 */
export const DEPARTURE_REASONS = ['transfer', 'retirement', 'resignation', 'dismissal', 'expulsion'] as const;
export type DepartureReason = (typeof DEPARTURE_REASONS)[number];

export const DEPARTURE_REASON_LABELS = {
  transfer: '调离',
  retirement: '退休',
  resignation: '退职',
  dismissal: '被辞退',
  expulsion: '被开除',
} as const satisfies Record<DepartureReason, string>;
