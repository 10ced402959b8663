/**
 * The authority portal's queues (审批工作台): 正在申办 (arrived, to 受理 or send back for 补正), 已受理 (the
 * 20-working-day clock runs: 《医师法》第十三条), 退回补正 (with the applicant), 已办结 (准予注册 / 不予注册).
 */
import type { ApplicationState } from './application-states';

export const AUTHORITY_QUEUE_IDS = ['pending_authority', 'accepted', 'returned_for_correction', 'completed'] as const;
export type AuthorityQueue = (typeof AUTHORITY_QUEUE_IDS)[number];

export const AUTHORITY_QUEUES = {
  pending_authority: { label: '正在申办', states: ['pending_authority'] },
  accepted: { label: '已受理', states: ['accepted'] },
  returned_for_correction: { label: '退回补正', states: ['returned_for_correction'] },
  completed: { label: '已办结', states: ['approved', 'refused'] },
} as const satisfies Record<AuthorityQueue, { label: string; states: readonly ApplicationState[] }>;

/** The queue an application in `state` is listed in, if any. */
export function authorityQueueOf(state: ApplicationState): AuthorityQueue | undefined {
  return AUTHORITY_QUEUE_IDS.find((q) => (AUTHORITY_QUEUES[q].states as readonly ApplicationState[]).includes(state));
}
