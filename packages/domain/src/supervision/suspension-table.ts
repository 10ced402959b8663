/**
 * 暂停执业活动 — a suspension of a physician's practice as a record with its own lifecycle, as ONE table (like the
 * registration table in ../registration): it suspends a registration (REGISTRATION_TABLE `suspend`) while it runs.
 *
 *  order          —      → 执行中   the authority orders it: for a failed 定期考核 3–6 months with training
 *                                   (《医师法》第四十二条), or as a penalty 6–12 months (第五十五条至第五十七条)
 *  expire         执行中 → 已期满   a penalty suspension ends at its end date by itself (scheduled `suspension_ended`)
 *  reassess_pass  执行中 → 已解除   暂停执业活动期满，再次考核合格的，允许其继续执业 (第四十二条)
 *  reassess_fail  执行中 → 已终止   再次考核仍不合格：注销注册 (第十七条第一款第四项)
 *  terminate      执行中 → 已终止   the registration is cancelled otherwise while suspended (e.g. 吊销)
 *
 * An assessment suspension does NOT end by itself: after its end date it reads 待再次考核 until the re-assessment
 * is recorded (`suspensionStatusOn`).
 */
import { defineErrors, spec } from '../errors';
import { addMonths, isIsoDate, type IsoDate } from '../calendar/iso-date';
import { scheduled, supervision, type LifecycleCause } from '../registration/lifecycle-causes';
import { eventsAllowedIn, nextStatus, refusalDetail, type StateTable } from '../registration/state-table';

export const SUSPENSION_KINDS = ['assessment', 'penalty'] as const;
export type SuspensionKind = (typeof SUSPENSION_KINDS)[number];

export const SUSPENSION_KIND_LABELS = {
  assessment: '定期考核不合格暂停执业活动',
  penalty: '责令暂停执业活动（行政处罚）',
} as const satisfies Record<SuspensionKind, string>;

export const SUSPENSION_STATUSES = ['in_force', 'expired', 'lifted', 'terminated'] as const;
export type SuspensionStatus = (typeof SUSPENSION_STATUSES)[number];

export const SUSPENSION_STATUS_LABELS = {
  in_force: '执行中',
  expired: '已期满',
  lifted: '已解除',
  terminated: '已终止（注销注册）',
} as const satisfies Record<SuspensionStatus, string>;

/** How a suspension reads on a day: its status, or 待再次考核 for an assessment suspension past its end date. */
export const SUSPENSION_DISPLAY_LABELS = { ...SUSPENSION_STATUS_LABELS, awaiting_reassessment: '待再次考核' } as const;
export type SuspensionDisplayStatus = keyof typeof SUSPENSION_DISPLAY_LABELS;

export const SUSPENSION_EVENTS = ['order', 'expire', 'reassess_pass', 'reassess_fail', 'terminate'] as const;
export type SuspensionEvent = (typeof SUSPENSION_EVENTS)[number];

const CANCELLED: LifecycleCause = { kind: 'registration_closed' };

export const SUSPENSION_TABLE = {
  order: {
    label: '责令暂停执业活动', from: [null], to: 'in_force', basis: '《医师法》第四十二条、第五十五条至第五十七条',
    causes: [supervision('assessment_failed'), supervision('penalty_suspension')],
  },
  expire: { label: '暂停期满', from: ['in_force'], to: 'expired', basis: '《医师法》第五十五条至第五十七条', causes: [scheduled('suspension_ended')] },
  reassess_pass: { label: '再次考核合格', from: ['in_force'], to: 'lifted', basis: '《医师法》第四十二条', causes: [supervision('reassessment_passed')] },
  reassess_fail: { label: '再次考核不合格', from: ['in_force'], to: 'terminated', basis: '《医师法》第十七条第一款第四项', causes: [supervision('reassessment_failed')] },
  terminate: { label: '注销注册，暂停终止', from: ['in_force'], to: 'terminated', basis: '《医师法》第十七条', causes: [supervision('penalty_revocation'), CANCELLED] },
} as const satisfies StateTable<SuspensionStatus, SuspensionEvent>;

const TABLE: StateTable<SuspensionStatus, SuspensionEvent> = SUSPENSION_TABLE;

export const SuspensionErrors = defineErrors({
  SUSPENSION_EVENT_NOT_ALLOWED: spec(409, '该暂停执业活动当前状态不允许此操作', 'Not allowed in the suspension\'s current status'),
  SUSPENSION_PERIOD_INVALID: spec(400, '暂停执业活动的期限不符合规定', 'The suspension period is not allowed'),
  REASSESSMENT_TOO_EARLY: spec(409, '暂停执业活动期满后方可登记再次考核结果', 'The re-assessment comes after the suspension ends'),
});

export function allowedSuspensionEvents(status: SuspensionStatus | null): SuspensionEvent[] {
  return eventsAllowedIn(TABLE, SUSPENSION_EVENTS, status);
}

/** The status after `event`, or SUSPENSION_EVENT_NOT_ALLOWED (409) naming what is allowed now. */
export function suspensionTransition(status: SuspensionStatus | null, event: SuspensionEvent): SuspensionStatus {
  const to = nextStatus(TABLE, status, event);
  if (to !== undefined) return to;
  const { detail, allowed } = refusalDetail(TABLE, SUSPENSION_EVENTS, SUSPENSION_STATUS_LABELS, '未暂停', status, event);
  throw SuspensionErrors.SUSPENSION_EVENT_NOT_ALLOWED({ detail, extra: { status, event, allowedEvents: allowed } });
}

/** The months a suspension of each kind may last: 3–6 for a failed assessment (第四十二条), 6–12 as a penalty (第五十五条至第五十七条). */
export const SUSPENSION_MONTHS = {
  assessment: { min: 3, max: 6, basis: '《医师法》第四十二条' },
  penalty: { min: 6, max: 12, basis: '《医师法》第五十五条至第五十七条' },
} as const satisfies Record<SuspensionKind, { min: number; max: number; basis: string }>;

/**
 * Checks a suspension's period, both days included: a period of n months from 2026-01-10 ends on the day before
 * the same day n months later (3 months → 2026-04-09). Throws SUSPENSION_PERIOD_INVALID (path endsOn / startsOn).
 */
export function assertSuspensionPeriod(kind: SuspensionKind, startsOn: IsoDate, endsOn: IsoDate): void {
  if (!isIsoDate(startsOn)) throw SuspensionErrors.SUSPENSION_PERIOD_INVALID({ path: ['startsOn'], detail: '开始日期应为YYYY-MM-DD格式的真实日期' });
  if (!isIsoDate(endsOn)) throw SuspensionErrors.SUSPENSION_PERIOD_INVALID({ path: ['endsOn'], detail: '结束日期应为YYYY-MM-DD格式的真实日期' });
  const { min, max, basis } = SUSPENSION_MONTHS[kind];
  const earliest = addMonths(startsOn, min, -1);
  const latest = addMonths(startsOn, max, -1);
  if (endsOn < earliest || endsOn > latest) {
    throw SuspensionErrors.SUSPENSION_PERIOD_INVALID({
      path: ['endsOn'],
      detail: `依${basis}，暂停执业活动的期限为${min}至${max}个月：自${startsOn}起，结束日期应在${earliest}至${latest}之间`,
      extra: { earliest, latest },
    });
  }
}

export interface SuspensionPeriod {
  kind: SuspensionKind;
  status: SuspensionStatus;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

/** Whether the suspension's period has ended by `today` (the end date itself is still suspended). */
export function suspensionPeriodOver(s: Pick<SuspensionPeriod, 'endsOn'>, today: IsoDate): boolean {
  return today > s.endsOn;
}

/** How the suspension reads on `today`: an assessment suspension past its end date is 待再次考核 (第四十二条). */
export function suspensionStatusOn(s: SuspensionPeriod, today: IsoDate): SuspensionDisplayStatus {
  if (s.status === 'in_force' && s.kind === 'assessment' && suspensionPeriodOver(s, today)) return 'awaiting_reassessment';
  return s.status;
}

/** The penalty suspensions the scheduled job ends on `today` (`expire`, cause 暂停执业活动期满). */
export function suspensionsDueToEnd<S extends SuspensionPeriod>(all: readonly S[], today: IsoDate): S[] {
  return all.filter((s) => s.kind === 'penalty' && s.status === 'in_force' && suspensionPeriodOver(s, today));
}

/**
 * 《医师法》第四十二条: the re-assessment comes when the suspension has ended (暂停执业活动期满，再次进行考核). Throws
 * REASSESSMENT_TOO_EARLY before then, and for a penalty suspension (it has no re-assessment).
 */
export function assertReassessmentDue(s: SuspensionPeriod, today: IsoDate): void {
  if (s.kind !== 'assessment') throw SuspensionErrors.SUSPENSION_EVENT_NOT_ALLOWED({ detail: '行政处罚的暂停执业活动期满自动恢复，不进行再次考核' });
  if (!suspensionPeriodOver(s, today)) {
    throw SuspensionErrors.REASSESSMENT_TOO_EARLY({ detail: `暂停执业活动至${s.endsOn}期满，期满后方可登记再次考核结果（《医师法》第四十二条）`, extra: { endsOn: s.endsOn } });
  }
}

/** How the public register reads a running suspension: 「暂停执业活动 至 2027-03-31」. */
export function suspensionPublicText(endsOn: IsoDate): string {
  return `暂停执业活动 至 ${endsOn}`;
}
