/**
 * The two review columns of the institution's business list (机构版 业务列表, domain §1.2 item 5 [S20]):
 * 机构审核状态 and 行政部门审核状态, derived from the one application state (§2.1) so they never disagree.
 */
import type { ApplicationState } from '../workflow/application-states';

export type ReviewTone = 'default' | 'processing' | 'success' | 'warning' | 'error';
export interface ReviewStatus { label: string; tone: ReviewTone }

const NONE: ReviewStatus = { label: '—', tone: 'default' };

/** 机构审核状态: what the confirming institution has done with the application. */
export function institutionReviewStatus(state: ApplicationState): ReviewStatus {
  switch (state) {
    case 'pending_institution': return { label: '待确认', tone: 'processing' };
    case 'returned_by_institution': return { label: '已退回修改', tone: 'warning' };
    case 'refused_by_institution': return { label: '不同意', tone: 'error' };
    case 'pending_authority':
    case 'accepted':
    case 'returned_for_correction':
    case 'approved':
    case 'refused':
      return { label: '已同意', tone: 'success' };
    default:
      return NONE;
  }
}

/** 行政部门审核状态: where the deciding authority (审批机关) stands. */
export function authorityReviewStatus(state: ApplicationState): ReviewStatus {
  switch (state) {
    case 'pending_authority': return { label: '待受理', tone: 'processing' };
    case 'accepted': return { label: '已受理，审核中', tone: 'processing' };
    case 'returned_for_correction': return { label: '退回补正', tone: 'warning' };
    case 'approved': return { label: '准予注册', tone: 'success' };
    case 'refused': return { label: '不予注册', tone: 'error' };
    default:
      return NONE;
  }
}
