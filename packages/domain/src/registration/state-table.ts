/**
 * A lifecycle written as ONE table (the model is the application workflow in ../workflow): for each event, its
 * label, the statuses it may leave (`null` = no record yet, the event creates one), the status it gives, the
 * rule it implements and what may cause it. The registration, the multi-site filing and the certificate each
 * have such a table; this file holds what the three share.
 */
import { defineErrors, spec } from '../errors';
import { sameCause, type LifecycleCause } from './lifecycle-causes';

export const LifecycleErrors = defineErrors({
  LIFECYCLE_CAUSE_NOT_ALLOWED: spec(409, '该事由不能引起此状态变化', 'This cause cannot bring about the change'),
});

export interface StateRule<S extends string> {
  label: string;
  from: readonly (S | null)[];
  to: S;
  /** The rule the transition implements, as cited in the comment above the table. */
  basis: string;
  /** What may cause it: a business decision, an institution report, a supervision act or a scheduled rule. */
  causes: readonly LifecycleCause[];
}

export type StateTable<S extends string, E extends string> = { readonly [K in E]: StateRule<S> };

/** The status after `event` in `status`, or undefined when the table has no such row. */
export function nextStatus<S extends string, E extends string>(table: StateTable<S, E>, status: S | null, event: E): S | undefined {
  const rule: StateRule<S> | undefined = table[event];
  return rule && rule.from.includes(status) ? rule.to : undefined;
}

/** The events the table allows in `status`, in the order of `events`. */
export function eventsAllowedIn<S extends string, E extends string>(table: StateTable<S, E>, events: readonly E[], status: S | null): E[] {
  return events.filter((event) => nextStatus(table, status, event) !== undefined);
}

/** The statuses no event leaves. */
export function terminalStatusesOf<S extends string, E extends string>(table: StateTable<S, E>, events: readonly E[], statuses: readonly S[]): S[] {
  return statuses.filter((status) => eventsAllowedIn(table, events, status).length === 0);
}

/** Whether `cause` is one of the causes the table names for `event`. */
export function causePermitted<S extends string, E extends string>(table: StateTable<S, E>, event: E, cause: LifecycleCause): boolean {
  return table[event]?.causes.some((c) => sameCause(c, cause)) ?? false;
}

/** Throws LIFECYCLE_CAUSE_NOT_ALLOWED (409) unless the table names `cause` for `event`. */
export function assertCausePermitted<S extends string, E extends string>(table: StateTable<S, E>, event: E, cause: LifecycleCause): void {
  if (causePermitted(table, event, cause)) return;
  throw LifecycleErrors.LIFECYCLE_CAUSE_NOT_ALLOWED({ detail: `「${table[event].label}」不能由该事由引起（${table[event].basis}）`, extra: { event, cause } });
}

/** The Chinese detail of a refusal: 「当前状态「有效」不允许「…」。可执行的操作：…」. */
export function refusalDetail<S extends string, E extends string>(
  table: StateTable<S, E>, events: readonly E[], labels: Record<S, string>, noRecordLabel: string, status: S | null, event: E,
): { detail: string; allowed: E[] } {
  const allowed = eventsAllowedIn(table, events, status);
  const statusLabel = status === null ? noRecordLabel : (labels[status] ?? String(status));
  const eventLabel = table[event]?.label ?? String(event);
  const next = allowed.length ? `可执行的操作：${allowed.map((e) => table[e].label).join('、')}` : '当前没有可执行的操作';
  return { detail: `当前状态「${statusLabel}」不允许「${eventLabel}」。${next}`, allowed };
}
