import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors';
import { ACTOR_ROLES, type ActorRole } from './actor-roles';
import { APPLICATION_STATES, type ApplicationState } from './application-states';
import { INSTITUTION_QUEUES, INSTITUTION_QUEUE_IDS, institutionQueueOf } from './institution-queues';
import { TERMINAL_STATES, allowedActions, isTerminal, requiresReason, transition } from './transition';
import { WORKFLOW_ACTIONS, WORKFLOW_TABLE, type WorkflowAction } from './workflow-table';

/** The table of the brief, written out row by row: [from, action, roles, to]. */
const ROWS: [ApplicationState, WorkflowAction, ActorRole[], ApplicationState][] = [
  ['draft', 'submit', ['physician'], 'pending_institution'],
  ['returned_by_institution', 'submit', ['physician'], 'pending_institution'],
  ['draft', 'submit_to_authority', ['physician'], 'pending_authority'],
  ['draft', 'withdraw', ['physician'], 'withdrawn'],
  ['pending_institution', 'withdraw', ['physician'], 'withdrawn'],
  ['returned_by_institution', 'withdraw', ['physician'], 'withdrawn'],
  ['pending_institution', 'institution_approve', ['institution_admin', 'institution_clerk'], 'pending_authority'],
  ['pending_institution', 'institution_return', ['institution_admin', 'institution_clerk'], 'returned_by_institution'],
  ['pending_institution', 'institution_refuse', ['institution_admin', 'institution_clerk'], 'refused_by_institution'],
  ['pending_authority', 'accept', ['authority_reviewer', 'authority_admin'], 'accepted'],
  ['pending_authority', 'request_correction', ['authority_reviewer', 'authority_admin'], 'returned_for_correction'],
  ['returned_for_correction', 'resubmit_correction', ['physician', 'institution_admin', 'institution_clerk'], 'pending_authority'],
  ['accepted', 'approve', ['authority_reviewer', 'authority_admin'], 'approved'],
  ['accepted', 'refuse', ['authority_reviewer', 'authority_admin'], 'refused'],
  // 《行政许可法》第三十二条: only the scheduled rule deems an application accepted; no account may.
  ['pending_authority', 'deem_accept', [], 'accepted'],
];

function refusal(state: ApplicationState, action: WorkflowAction, role: ActorRole): DomainError {
  try {
    transition(state, action, role);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`${action} was allowed in ${state} for ${role}`);
}

describe('workflow table', () => {
  it.each(ROWS)('%s --%s--> by %j gives %s', (from, action, roles, to) => {
    for (const role of ACTOR_ROLES) {
      if (roles.includes(role)) expect(transition(from, action, role)).toBe(to);
      else expect(refusal(from, action, role).code).toBe('WORKFLOW_ACTION_NOT_ALLOWED');
    }
  });

  it('has exactly the rows of the specification', () => {
    const fromTable = WORKFLOW_ACTIONS.flatMap((action) => WORKFLOW_TABLE[action].from.map((from) => `${from} ${action}`)).sort();
    expect(fromTable).toEqual(ROWS.map(([from, action]) => `${from} ${action}`).sort());
  });

  it('refuses 受理 while the institution has not confirmed, naming the state and what the institution may do', () => {
    const e = refusal('pending_institution', 'accept', 'institution_admin');
    expect(e.status).toBe(409);
    expect(e.message).toBe('当前状态「待机构确认」不允许「受理」。可执行的操作：同意、退回修改、不同意');
    expect(e.extra).toMatchObject({ allowedActions: ['institution_approve', 'institution_return', 'institution_refuse'] });
  });

  it('refuses a second institution approval', () => {
    const e = refusal('pending_authority', 'institution_approve', 'institution_clerk');
    expect(e.message).toBe('当前状态「正在申办」不允许「同意」。当前没有可执行的操作');
    expect(e.extra).toMatchObject({ allowedActions: [] });
  });

  it('gives the public no action in any state', () => {
    for (const state of APPLICATION_STATES) expect(allowedActions(state, 'public')).toEqual([]);
  });

  it('either moves to the table target or refuses with the actions allowed now (all state × action × role)', () => {
    fc.assert(fc.property(fc.constantFrom(...APPLICATION_STATES), fc.constantFrom(...WORKFLOW_ACTIONS), fc.constantFrom(...ACTOR_ROLES), (state, action, role) => {
      const rule = WORKFLOW_TABLE[action];
      const allowed = (rule.from as readonly string[]).includes(state) && (rule.roles as readonly string[]).includes(role);
      if (allowed) return transition(state, action, role) === rule.to && allowedActions(state, role).includes(action);
      const e = refusal(state, action, role);
      return e.code === 'WORKFLOW_ACTION_NOT_ALLOWED' && JSON.stringify(e.extra?.allowedActions) === JSON.stringify(allowedActions(state, role));
    }), { numRuns: 1000 });
  });

  it('requires a reason for returns and refusals only', () => {
    expect(WORKFLOW_ACTIONS.filter(requiresReason)).toEqual(['institution_return', 'institution_refuse', 'request_correction', 'refuse']);
  });

  it('ends in 准予注册, 不予注册, 机构不同意 or 已撤回', () => {
    expect([...TERMINAL_STATES].sort()).toEqual(['approved', 'refused', 'refused_by_institution', 'withdrawn']);
    expect(isTerminal('accepted')).toBe(false);
  });

  it('reaches every state from a draft', () => {
    const seen = new Set<ApplicationState>(['draft']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const action of WORKFLOW_ACTIONS) {
        const rule = WORKFLOW_TABLE[action];
        if (rule.from.some((s) => seen.has(s)) && !seen.has(rule.to)) { seen.add(rule.to); grew = true; }
      }
    }
    expect([...seen].sort()).toEqual([...APPLICATION_STATES].sort());
  });
});

describe('institution queues', () => {
  it('files each state in at most one of the three queues', () => {
    expect(INSTITUTION_QUEUE_IDS.map((q) => INSTITUTION_QUEUES[q].label)).toEqual(['待机构确认', '正在申办', '已完成审批']);
    expect(institutionQueueOf('pending_institution')).toBe('pending_institution');
    expect(institutionQueueOf('returned_for_correction')).toBe('in_progress');
    expect(institutionQueueOf('refused_by_institution')).toBe('completed');
    expect(institutionQueueOf('draft')).toBeUndefined();
    const all = INSTITUTION_QUEUE_IDS.flatMap((q) => INSTITUTION_QUEUES[q].states);
    expect(new Set(all).size).toBe(all.length);
  });
});
