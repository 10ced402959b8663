import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTOR_ROLES } from '../workflow/actor-roles';
import {
  CORRECTION_ACTIONS, CORRECTION_STATUSES, OPEN_CORRECTION_STATUSES, allowedCorrectionActions, correctionTransition, isCorrectionClosed,
} from './correction-workflow';

describe('资格补改 workflow (domain §2.2 BT-12)', () => {
  it('受理 → 补改, or 驳回 from either open status', () => {
    expect(correctionTransition('submitted', 'accept', 'authority_reviewer')).toBe('in_review');
    expect(correctionTransition('in_review', 'resolve', 'authority_admin')).toBe('resolved');
    expect(correctionTransition('submitted', 'reject', 'authority_reviewer', '证书系伪造')).toBe('rejected');
    expect(correctionTransition('in_review', 'reject', 'authority_reviewer', '证书系伪造')).toBe('rejected');
  });

  it('a 驳回 without written reasons is refused on the field reasons', () => {
    expect(() => correctionTransition('in_review', 'reject', 'authority_reviewer', '  ')).toThrow(expect.objectContaining({ code: 'CORRECTION_REASON_MISSING', path: ['reasons'] }));
  });

  it('refuses 补改 before 受理, naming what is allowed now in Chinese', () => {
    expect(() => correctionTransition('submitted', 'resolve', 'authority_reviewer')).toThrow(expect.objectContaining({
      code: 'CORRECTION_ACTION_NOT_ALLOWED', status: 409,
      message: '资格补改申请当前状态「已提交，待受理」不允许「补改」。可执行的操作：受理、驳回',
    }));
  });

  it('only the open statuses keep a physician from filing again', () => {
    expect(OPEN_CORRECTION_STATUSES).toEqual(['submitted', 'in_review']);
    expect(isCorrectionClosed('resolved') && isCorrectionClosed('rejected')).toBe(true);
  });

  it('no role but the authority\'s staff may act, in any status', () => {
    fc.assert(fc.property(fc.constantFrom(...CORRECTION_STATUSES), fc.constantFrom(...CORRECTION_ACTIONS), fc.constantFrom(...ACTOR_ROLES), (status, action, role) => {
      const allowed = allowedCorrectionActions(status, role).includes(action);
      if (!role.startsWith('authority_')) expect(allowed).toBe(false);
      if (allowed) expect(correctionTransition(status, action, role, '理由')).toBeTruthy();
      else expect(() => correctionTransition(status, action, role, '理由')).toThrow(expect.objectContaining({ code: 'CORRECTION_ACTION_NOT_ALLOWED' }));
    }));
  });
});
