/** Applying the registration table: the only way a registration record changes status (registration-table.ts). */
import { defineErrors, spec } from '../errors';
import type { LifecycleCause } from './lifecycle-causes';
import { NO_REGISTRATION_LABEL, REGISTRATION_STATUSES, REGISTRATION_STATUS_LABELS, type RegistrationStatus } from './registration-status';
import { REGISTRATION_EVENTS, REGISTRATION_TABLE, type RegistrationEvent } from './registration-table';
import { assertCausePermitted, eventsAllowedIn, nextStatus, refusalDetail, terminalStatusesOf, type StateTable } from './state-table';

export const RegistrationLifecycleErrors = defineErrors({
  REGISTRATION_EVENT_NOT_ALLOWED: spec(409, '该注册当前状态不允许此操作', 'Not allowed in the registration\'s current status'),
});

const TABLE: StateTable<RegistrationStatus, RegistrationEvent> = REGISTRATION_TABLE;

/** The events a registration in `status` allows (`null`: no record yet), in table order. */
export function allowedRegistrationEvents(status: RegistrationStatus | null): RegistrationEvent[] {
  return eventsAllowedIn(TABLE, REGISTRATION_EVENTS, status);
}

/**
 * The status after `event` in `status` (`null`: no record — only `open` applies). Otherwise throws
 * REGISTRATION_EVENT_NOT_ALLOWED (409): the detail names the status and the events allowed now, and
 * `extra.allowedEvents` lists them.
 */
export function registrationTransition(status: RegistrationStatus | null, event: RegistrationEvent): RegistrationStatus {
  const to = nextStatus(TABLE, status, event);
  if (to !== undefined) return to;
  const { detail, allowed } = refusalDetail(TABLE, REGISTRATION_EVENTS, REGISTRATION_STATUS_LABELS, NO_REGISTRATION_LABEL, status, event);
  throw RegistrationLifecycleErrors.REGISTRATION_EVENT_NOT_ALLOWED({ detail, extra: { status, event, allowedEvents: allowed } });
}

/** Throws LIFECYCLE_CAUSE_NOT_ALLOWED (409) unless the table names `cause` for `event` (e.g. 注销 by an institution's departure report). */
export function checkRegistrationCause(event: RegistrationEvent, cause: LifecycleCause): void {
  assertCausePermitted(TABLE, event, cause);
}

/** 变更出 and 注销: no event leaves them. */
export const TERMINAL_REGISTRATION_STATUSES: readonly RegistrationStatus[] = terminalStatusesOf(TABLE, REGISTRATION_EVENTS, REGISTRATION_STATUSES);
