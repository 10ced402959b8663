/** 审批工作台: the queues of one authority, with due dates and working days left. */
import {
  APPLICATION_STATE_LABELS, BUSINESS_TYPE_INFO, WORKFLOW_TABLE, CommonErrors, PAPER_MATERIALS, isBusinessType, missingMaterials, presentDueDateFlag, todayInChina,
  type ApplicationState, type AuthorityQueue, type AuthorityQueueQuery, type BusinessType, type JurisdictionLevel,
} from '@medreg/domain';
import { z } from 'zod';
import type { Ctx } from '../../context';
import { cursorPart, decodeCursor, encodeCursor } from '../../db/cursor';
import type { AccountActor } from '../../http/actor';
import { canDecide } from '../applications/policy';
import { deadlineOf, decisionLimit, loadWorkingCalendar } from './calendar';
import { AuthorityErrors } from './errors';
import { canSeeAuthority } from './policy';
import { actionsFor } from '../applications/presenter';
import { businessKindLabel } from '../lifecycle/business-view';
import { dueSoonUntil } from '../../jobs/due-alerts';
import { SORT, countQueues, findAuthority, selectAuthoritiesWithin, selectQueuePage, type QueueRow } from './queue-queries';

/** The validated 审批工作台 query (one schema in @medreg/domain), with the 业务类型 filter (routes.ts). */
export type QueueInput = AuthorityQueueQuery & { businessType?: BusinessType };

/**
 * The cursor of a queue page: the last row's sort key (a date for 已受理, an instant otherwise) and id. In 已受理 the
 * key may be null: a filing or certificate application has no due date (no statutory clock).
 */
export function encodeQueueCursor(row: { sortKey: string | null; id: string }, queue: AuthorityQueue): string | null {
  return row.sortKey === null && queue !== 'accepted' ? null : encodeCursor([row.sortKey, row.id]);
}

export function decodeQueueCursor(raw: string, queue: AuthorityQueue): { key: string | null; id: string } {
  const key = queue === 'accepted' ? cursorPart.date.nullable() : cursorPart[SORT[queue].key];
  const [sortKey, id] = decodeCursor(raw, z.tuple([key, cursorPart.id]), AuthorityErrors.QUEUE_CURSOR_INVALID);
  return { key: sortKey, id };
}

/** The authority whose queue is asked for: one's own, or one below it (read-only). Others: 404. */
export async function visibleAuthority(c: Ctx, actor: AccountActor, authorityId: string | undefined) {
  const id = authorityId ?? actor.authorityId;
  const authority = id ? await findAuthority(c, id) : undefined;
  if (!authority || !canSeeAuthority(actor, authority)) throw CommonErrors.NOT_FOUND({ detail: '未找到该卫生健康行政部门，或不在本部门辖区内' });
  return authority;
}

export async function listQueue(c: Ctx, actor: AccountActor, input: QueueInput) {
  const authority = await visibleAuthority(c, actor, input.authorityId);
  const today = todayInChina(c.now());
  const rows = await selectQueuePage(c, {
    authorityId: authority.id, queue: input.queue, state: input.state, businessType: input.businessType, name: input.name?.trim() || undefined,
    businessCode: input.businessCode?.trim().toUpperCase() || undefined,
    idNumberHash: input.idNumber?.trim() ? c.pii.hash(input.idNumber.trim().toUpperCase()) : undefined,
    dueBefore: input.dueBefore, cursor: input.cursor ? decodeQueueCursor(input.cursor, input.queue) : undefined, limit: input.limit,
  });
  const counts = await countQueues(c, authority.id, today, await dueSoonUntil(c, today));
  const limit = await decisionLimit(c);
  const page = rows.slice(0, input.limit);
  const calendar = await loadWorkingCalendar(c, ...dateRange(today, page.map((r) => r.dueDate)));
  const deciding = canDecide(actor, { ...authorityAccess(authority), physicianId: '', institutionId: null, state: 'accepted' });
  return {
    authority: { id: authority.id, name: authority.name, areaCode: authority.areaCode, level: authority.level, mine: authority.id === actor.authorityId },
    canDecide: deciding,
    today,
    decisionLimitWorkingDays: limit.workingDays,
    counts,
    items: page.map((row) => presentQueueRow(actor, authority, row, deadlineOf(calendar, today, row.dueDate, row.state))),
    nextCursor: rows.length > input.limit ? encodeQueueCursor(page[page.length - 1]!, input.queue) : null,
  };
}

function authorityAccess(authority: { id: string; areaCode: string; level: JurisdictionLevel }) {
  return { authorityId: authority.id, authorityAreaCode: authority.areaCode, authorityLevel: authority.level };
}

/** The smallest date range holding today and every due date on the page. */
export function dateRange(today: string, dates: (string | null)[]): [string, string] {
  const all = [today, ...dates.filter((d): d is string => d !== null)].sort();
  return [all[0]!, all[all.length - 1]!];
}

function iso(at: Date | null): string | null {
  return at ? at.toISOString() : null;
}

export function presentQueueRow(actor: AccountActor, authority: { id: string; areaCode: string; level: JurisdictionLevel }, row: QueueRow, deadline: { workingDaysLeft: number | null; overdue: boolean }) {
  const access = { ...authorityAccess(authority), physicianId: row.physicianId, institutionId: row.institutionId, state: row.state };
  return {
    id: row.id,
    businessCode: row.businessCode,
    businessType: row.businessType as BusinessType,
    businessTypeLabel: isBusinessType(row.businessType) ? BUSINESS_TYPE_INFO[row.businessType].label : row.businessType,
    /** 变更执业范围（增加执业范围）, 新增备案 … on the generic path; null for 首次注册. */
    kindLabel: row.form ? businessKindLabel({ businessType: row.businessType, payload: { form: row.form } }) : null,
    /** Whether a statutory decision period runs (BT-05 备案 and BT-09 补发/换领 have none). */
    statutoryClock: isBusinessType(row.businessType) ? BUSINESS_TYPE_INFO[row.businessType].statutoryWorkingDays !== null : true,
    physicianName: row.physicianName,
    institutionName: row.institutionName,
    state: row.state as ApplicationState,
    stateLabel: APPLICATION_STATE_LABELS[row.state as ApplicationState] ?? row.state,
    version: row.version,
    // Instants as ISO strings, as JSON would print them (the declared schema checks strings, not Date objects).
    submittedAt: iso(row.submittedAt),
    arrivedAt: iso(row.institutionDecidedAt ?? row.submittedAt),
    acceptedAt: iso(row.acceptedAt),
    acceptedOn: row.acceptedAt ? todayInChina(row.acceptedAt) : null,
    dueDate: row.dueDate,
    ...presentDueDateFlag(row.dueDate, row.dueDateProvisional),
    ...deemedAcceptance(row.deemedAcceptedOn),
    ...deadline,
    decidedAt: iso(row.decidedAt),
    // 已收 n/7 of the seed's paper materials.
    materialsReceived: PAPER_MATERIALS.length - missingMaterials(row.materials).length,
    allowedActions: actionsFor(actor, access),
  };
}

/** The authorities whose queues the actor may open: its own first, then those below it. */
export async function listVisibleAuthorities(c: Ctx, actor: AccountActor) {
  if (!actor.authority || !actor.authorityId) return [];
  const rows = await selectAuthoritiesWithin(c, actor.authority);
  const rank = { national: 0, province: 1, city: 2, county: 3 } as const;
  return rows
    .map((a) => ({ ...a, mine: a.id === actor.authorityId }))
    .sort((a, b) => Number(b.mine) - Number(a.mine) || a.areaCode.localeCompare(b.areaCode) || rank[a.level] - rank[b.level]);
}


/** 《行政许可法》第三十二条: accepted by the scheduled rule, counted from the day of arrival. */
export function deemedAcceptance(on: string | null) {
  return { deemedAcceptedOn: on, deemedAcceptanceLabel: on ? WORKFLOW_TABLE.deem_accept.label : null };
}
