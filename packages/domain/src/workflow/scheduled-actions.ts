/**
 * Workflow actions a scheduled rule takes without anyone acting, and the periods they count (in working days,
 * 《行政许可法》第八十二条; the start day not counted, 《民法典》第二百零一条).
 */
import { CommonErrors } from '../errors';
import { APPLICATION_STATE_LABELS, type ApplicationState } from './application-states';
import { WORKFLOW_TABLE, type WorkflowAction } from './workflow-table';

export const SCHEDULED_WORKFLOW_ACTIONS = ['deem_accept'] as const satisfies readonly WorkflowAction[];
export type ScheduledWorkflowAction = (typeof SCHEDULED_WORKFLOW_ACTIONS)[number];

/**
 * 《行政许可法》第三十二条第一款第四项: materials incomplete → the authority tells the applicant everything to
 * supplement at once, on the spot or within 5 days; 逾期不告知的，自收到申请材料之日起即为受理.
 */
export const CORRECTION_NOTICE_WORKING_DAYS = 5;

/** The authority is alerted once an accepted application has this many working days left or fewer (即将超期). */
export const DUE_SOON_WORKING_DAYS = 3;

/** The state after a scheduled rule takes `action` in `state`; a state the rule does not apply to is refused (409). */
export function scheduledTransition(state: ApplicationState, action: ScheduledWorkflowAction): ApplicationState {
  const rule = WORKFLOW_TABLE[action];
  if ((rule.from as readonly ApplicationState[]).includes(state)) return rule.to;
  throw CommonErrors.WORKFLOW_ACTION_NOT_ALLOWED({
    detail: `当前状态「${APPLICATION_STATE_LABELS[state] ?? state}」不适用「${rule.label}」`,
    extra: { state, action, allowedActions: [] },
  });
}
