/** Applying the workflow table: the only way an application changes state (architecture § Workflow). */
import { CommonErrors } from '../errors';
import type { ActorRole } from './actor-roles';
import { APPLICATION_STATES, APPLICATION_STATE_LABELS, type ApplicationState } from './application-states';
import { WORKFLOW_ACTIONS, WORKFLOW_TABLE, type WorkflowAction, type WorkflowRule } from './workflow-table';

function ruleOf(action: WorkflowAction): WorkflowRule | undefined {
  return (WORKFLOW_TABLE as Record<string, WorkflowRule>)[action];
}

function permits(rule: WorkflowRule | undefined, state: ApplicationState, role: ActorRole): boolean {
  return rule !== undefined && rule.from.includes(state) && rule.roles.includes(role);
}

/** The actions `role` may take on an application in `state`, in table order. */
export function allowedActions(state: ApplicationState, role: ActorRole): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => permits(ruleOf(action), state, role));
}

/**
 * The state after `role` takes `action` in `state`. Otherwise throws WORKFLOW_ACTION_NOT_ALLOWED (409)
 * whose detail names the state and the actions allowed now, and whose `extra.allowedActions` lists them.
 */
export function transition(state: ApplicationState, action: WorkflowAction, role: ActorRole): ApplicationState {
  const rule = ruleOf(action);
  if (rule && permits(rule, state, role)) return rule.to;
  const allowed = allowedActions(state, role);
  const stateLabel = APPLICATION_STATE_LABELS[state] ?? String(state);
  const actionLabel = rule?.label ?? String(action);
  const next = allowed.length ? `可执行的操作：${allowed.map((a) => WORKFLOW_TABLE[a].label).join('、')}` : '当前没有可执行的操作';
  throw CommonErrors.WORKFLOW_ACTION_NOT_ALLOWED({
    detail: `当前状态「${stateLabel}」不允许「${actionLabel}」。${next}`,
    extra: { state, action, role, allowedActions: allowed },
  });
}

/** Whether the action needs a written reason (returns and refusals). */
export function requiresReason(action: WorkflowAction): boolean {
  return ruleOf(action)?.requiresReason ?? false;
}

/** States no action leaves: 准予注册, 不予注册, 机构不同意, 已撤回. */
export function isTerminal(state: ApplicationState): boolean {
  return WORKFLOW_ACTIONS.every((action) => !ruleOf(action)?.from.includes(state));
}

export const TERMINAL_STATES: readonly ApplicationState[] = APPLICATION_STATES.filter(isTerminal);
