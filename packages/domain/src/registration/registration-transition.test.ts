import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { decision, institutionReport, scheduled, supervision } from './lifecycle-causes';
import { REGISTRATION_STATUSES, registrationStatusLabel, type RegistrationStatus } from './registration-status';
import { REGISTRATION_EVENTS, REGISTRATION_TABLE, type RegistrationEvent } from './registration-table';
import { TERMINAL_REGISTRATION_STATUSES, allowedRegistrationEvents, checkRegistrationCause, registrationTransition } from './registration-transition';

/** domain §3.2, written out row by row: [from, event, to]. */
const ROWS: [RegistrationStatus | null, RegistrationEvent, RegistrationStatus][] = [
  [null, 'open', 'valid'],
  ['valid', 'change_items', 'valid'],
  ['valid', 'transfer_out', 'transferred_out'],
  ['filed', 'transfer_out', 'transferred_out'],
  ['valid', 'change_main_institution', 'transferred_out'],
  ['filed', 'change_main_institution', 'transferred_out'],
  ['valid', 'close_for_upgrade', 'transferred_out'],
  ['valid', 'file_departure', 'filed'],
  ['filed', 'return_from_filing', 'valid'],
  ['valid', 'suspend', 'suspended'],
  ['suspended', 'resume', 'valid'],
  ['valid', 'cancel', 'cancelled'],
  ['suspended', 'cancel', 'cancelled'],
  ['filed', 'cancel', 'cancelled'],
  ['filed', 'lapse_filed', 'cancelled'],
  ['suspended', 'lapse_suspended', 'cancelled'],
];

const STATUSES_AND_NONE: (RegistrationStatus | null)[] = [null, ...REGISTRATION_STATUSES];

function refusal(status: RegistrationStatus | null, event: RegistrationEvent): DomainError {
  try {
    registrationTransition(status, event);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`${event} was allowed in ${status}`);
}

describe('registration lifecycle (domain §3.2)', () => {
  it('has exactly the rows of §3.2', () => {
    const table = REGISTRATION_EVENTS.flatMap((e) => REGISTRATION_TABLE[e].from.map((f) => `${f} ${e} ${REGISTRATION_TABLE[e].to}`)).sort();
    expect(table).toEqual(ROWS.map(([f, e, t]) => `${f} ${e} ${t}`).sort());
  });

  it.each(STATUSES_AND_NONE.flatMap((s) => REGISTRATION_EVENTS.map((e) => [s, e] as const)))('%s --%s--> the table target or a refusal', (status, event) => {
    const row = ROWS.find(([f, e]) => f === status && e === event);
    if (row) {
      expect(registrationTransition(status, event)).toBe(row[2]);
    } else {
      const e = refusal(status, event);
      expect(e.code).toBe('REGISTRATION_EVENT_NOT_ALLOWED');
      expect(e.status).toBe(409);
      expect(e.extra?.allowedEvents).toEqual(allowedRegistrationEvents(status));
    }
  });

  it('says what is allowed when it refuses', () => {
    expect(refusal('cancelled', 'resume').message).toBe('当前状态「注销」不允许「恢复执业」。当前没有可执行的操作');
    expect(refusal('suspended', 'change_items').message).toBe('当前状态「中止」不允许「变更注册事项」。可执行的操作：恢复执业、注销注册、中止执业满二年注销');
    expect(refusal(null, 'cancel').message).toBe('当前状态「有资格未注册」不允许「注销注册」。可执行的操作：准予注册');
  });

  it('ends in 变更出 or 注销: 重新注册 opens a new record (《医师法》第十九条)', () => {
    expect([...TERMINAL_REGISTRATION_STATUSES].sort()).toEqual(['cancelled', 'transferred_out']);
    expect(allowedRegistrationEvents('cancelled')).toEqual([]);
  });

  it('lets only what the table names cause each change', () => {
    expect(() => checkRegistrationCause('close_for_upgrade', decision('assistant_upgrade'))).not.toThrow();
    expect(() => checkRegistrationCause('file_departure', institutionReport('departure'))).not.toThrow();
    expect(() => checkRegistrationCause('lapse_filed', scheduled('filed_two_years'))).not.toThrow();
    expect(() => checkRegistrationCause('suspend', supervision('assessment_failed'))).not.toThrow();
    // 《医师法》第十七条: an institution's departure report files, it does not cancel
    expect(() => checkRegistrationCause('cancel', institutionReport('departure'))).toThrowError(expect.objectContaining({ code: 'LIFECYCLE_CAUSE_NOT_ALLOWED' }));
    // a multi-site filing never changes the registration itself
    expect(() => checkRegistrationCause('change_items', decision('multi_site_filing'))).toThrow();
    expect(() => checkRegistrationCause('lapse_suspended', scheduled('filed_two_years'))).toThrow();
  });

  it('shows 有效（变更中） while a change is pending, and 有资格未注册 for no record', () => {
    expect(registrationStatusLabel('valid', { changePending: true })).toBe('有效（变更中）');
    expect(registrationStatusLabel('valid')).toBe('有效');
    expect(registrationStatusLabel('filed', { changePending: true })).toBe('注册备案');
    expect(registrationStatusLabel(null)).toBe('有资格未注册');
  });
});
