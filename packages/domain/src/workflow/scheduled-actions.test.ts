import { describe, expect, it } from 'vitest';
import { ACTOR_ROLES } from './actor-roles';
import { allowedActions } from './transition';
import { APPLICATION_STATES } from './application-states';
import { scheduledTransition } from './scheduled-actions';

describe('scheduled workflow actions', () => {
  it('《行政许可法》第三十二条：逾期未告知补正的视为受理 — 正在申办 becomes 已受理', () => {
    expect(scheduledTransition('pending_authority', 'deem_accept')).toBe('accepted');
  });

  it('does not deem accepted an application sent back for 补正, decided or still at the institution', () => {
    for (const state of ['returned_for_correction', 'accepted', 'approved', 'pending_institution'] as const) {
      expect(() => scheduledTransition(state, 'deem_accept')).toThrow(/不适用「逾期未告知补正，视为受理」/);
    }
  });

  it('is offered to no one as an action', () => {
    for (const state of APPLICATION_STATES) for (const role of ACTOR_ROLES) expect(allowedActions(state, role)).not.toContain('deem_accept');
  });
});
