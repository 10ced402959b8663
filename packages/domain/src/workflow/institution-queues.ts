/**
 * The institution portal's three queues (机构版 业务列表, domain §1.2 / §2.1 [S20]):
 * 待机构确认, 正在申办 (with the authority), 已完成审批 (decided, including the institution's own refusal).
 */
import type { ApplicationState } from './application-states';

export const INSTITUTION_QUEUE_IDS = ['pending_institution', 'in_progress', 'completed'] as const;
export type InstitutionQueue = (typeof INSTITUTION_QUEUE_IDS)[number];

export const INSTITUTION_QUEUES = {
  pending_institution: { label: '待机构确认', states: ['pending_institution'] },
  in_progress: { label: '正在申办', states: ['pending_authority', 'accepted', 'returned_for_correction'] },
  completed: { label: '已完成审批', states: ['approved', 'refused', 'refused_by_institution'] },
} as const satisfies Record<InstitutionQueue, { label: string; states: readonly ApplicationState[] }>;

/** The queue an application in `state` is listed in, if any (drafts, returns and withdrawals are the physician's). */
export function institutionQueueOf(state: ApplicationState): InstitutionQueue | undefined {
  return INSTITUTION_QUEUE_IDS.find((q) => (INSTITUTION_QUEUES[q].states as readonly ApplicationState[]).includes(state));
}
