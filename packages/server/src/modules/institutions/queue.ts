import { INSTITUTION_QUEUES, addCalendarDays, type ApplicationState, type InstitutionQueue } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { InstitutionErrors } from './errors';
import { institutionIdOf } from './policy';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';
import { presentQueueRow } from './queue-presenter';
import { selectQueuePage, type QueueFilter } from './queue-queries';

export interface QueueQueryInput {
  queue: InstitutionQueue;
  name?: string;
  /** Normalised 18-character 身份证号. */
  idNumber?: string;
  businessType?: string;
  businessCode?: string;
  state?: ApplicationState;
  /** Calendar dates in Beijing time, both inclusive. */
  submittedFrom?: string;
  submittedTo?: string;
  sort: 'asc' | 'desc';
  cursor?: string;
  limit: number;
}

/** The start of a Beijing calendar day as an instant. */
function chinaDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The list's filters checked and resolved (the actor's institution, the 身份证号 as its keyed hash, Beijing days). */
export function queueFilterOf(c: Ctx, actor: AccountActor, q: Omit<QueueQueryInput, 'cursor' | 'limit'>): Omit<QueueFilter, 'cursor' | 'limit'> {
  const institutionId = institutionIdOf(actor);
  if (q.state && !(INSTITUTION_QUEUES[q.queue].states as readonly string[]).includes(q.state)) {
    throw InstitutionErrors.STATE_NOT_IN_QUEUE({ path: ['state'] });
  }
  if (q.submittedFrom && q.submittedTo && q.submittedTo < q.submittedFrom) {
    throw InstitutionErrors.DATE_RANGE_INVALID({ path: ['submittedTo'] });
  }
  return {
    institutionId,
    queue: q.queue,
    name: q.name,
    idNumberHash: q.idNumber ? c.pii.hash(q.idNumber) : undefined,
    businessType: q.businessType,
    businessCode: q.businessCode,
    state: q.state,
    submittedFrom: q.submittedFrom ? chinaDayStart(q.submittedFrom) : undefined,
    submittedBefore: q.submittedTo ? chinaDayStart(addCalendarDays(q.submittedTo, 1)) : undefined,
    sort: q.sort,
  };
}

/**
 * 医师申请业务办理 — one page of one of the three queues of the actor's institution (seed 第四步:
 * 「输入任何单一查询条件或者任意输入查询条件的组合，点击【查询】」), keyset-paginated by (submitted_at, id).
 */
export async function listQueue(c: Ctx, actor: AccountActor, q: QueueQueryInput) {
  const cursor = q.cursor ? decodeQueueCursor(q.cursor, q.sort) : undefined;
  const rows = await selectQueuePage(c, { ...queueFilterOf(c, actor, q), ...(cursor ? { cursor } : {}), limit: q.limit });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    queue: q.queue,
    queueLabel: INSTITUTION_QUEUES[q.queue].label,
    items: page.map((row) => presentQueueRow(row, actor)),
    nextCursor: rows.length > q.limit && last ? encodeQueueCursor({ at: last.cursorAt, id: last.id, sort: q.sort }) : null,
  };
}
