/** 处分决定 as the authority lists them: newest decision first, keyset on (decided_on, id) (penalty_decisions_authority_keyset_idx). */
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  PENALTY_ARTICLE_LABELS, PENALTY_KIND_LABELS, PENALTY_KINDS, SUSPENSION_DISPLAY_LABELS, suspensionStatusOn, todayInChina,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { cursorPart, decodeCursor, encodeCursor } from '../../db/cursor';
import { authorities, penaltyDecisions, physicians, registrationSuspensions, registrations } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import { SupervisionErrors } from './errors';
import { authorityScopeOf, registrationsInScope } from './scope';

export const PenaltyListQuery = z.object({
  kind: z.enum(PENALTY_KINDS).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PenaltyListQuery = z.infer<typeof PenaltyListQuery>;

const Cursor = z.tuple([cursorPart.date, cursorPart.id]);

export type PenaltyCursor = { decidedOn: string; id: string };

function penaltyWhere(actor: AccountActor, q: Pick<PenaltyListQuery, 'kind'>) {
  // Decisions of the authorities within the viewer's jurisdiction (the scope's conditions on the joined deciding authority).
  return [...registrationsInScope(authorityScopeOf(actor)), ...(q.kind ? [eq(penaltyDecisions.kind, q.kind)] : [])];
}

/** One page in the list's order (newest decision first), on the (decided_on, id) keyset. */
export function selectPenaltyPage(c: Ctx, actor: AccountActor, q: Pick<PenaltyListQuery, 'kind'>, cursor: PenaltyCursor | undefined, limit: number) {
  const keyset = cursor ? [sql`(${penaltyDecisions.decidedOn}, ${penaltyDecisions.id}) < (${cursor.decidedOn}::date, ${cursor.id}::uuid)`] : [];
  return c.tx.select({
    d: penaltyDecisions, physicianName: physicians.name, licenceCode: registrations.licenceCode, authorityName: authorities.name,
    s: registrationSuspensions,
  }).from(penaltyDecisions)
    .innerJoin(authorities, eq(authorities.id, penaltyDecisions.authorityId))
    .innerJoin(registrations, eq(registrations.id, penaltyDecisions.registrationId))
    .innerJoin(physicians, eq(physicians.id, penaltyDecisions.physicianId))
    .leftJoin(registrationSuspensions, eq(registrationSuspensions.id, penaltyDecisions.suspensionId))
    .where(and(...penaltyWhere(actor, q), ...keyset)).orderBy(desc(penaltyDecisions.decidedOn), desc(penaltyDecisions.id)).limit(limit);
}

type PenaltyRow = Awaited<ReturnType<typeof selectPenaltyPage>>[number];

export function presentPenalty({ d, s, physicianName, licenceCode, authorityName }: PenaltyRow, today: string) {
  return {
    id: d.id, kind: d.kind, kindLabel: PENALTY_KIND_LABELS[d.kind], physicianName, licenceCode, authorityName,
    documentNo: d.documentNo, decidedOn: d.decidedOn, article: d.article, articleLabel: PENALTY_ARTICLE_LABELS[d.article], facts: d.facts,
    startsOn: d.startsOn, endsOn: d.endsOn,
    statusLabel: s ? SUSPENSION_DISPLAY_LABELS[suspensionStatusOn(s, today)] : '已注销注册',
  };
}
export type PresentedPenalty = ReturnType<typeof presentPenalty>;

export async function listPenalties(c: Ctx, actor: AccountActor, q: PenaltyListQuery) {
  const cursor = q.cursor ? decodeCursor(q.cursor, Cursor, SupervisionErrors.SUPERVISION_CURSOR_INVALID) : undefined;
  const rows = await selectPenaltyPage(c, actor, q, cursor ? { decidedOn: cursor[0], id: cursor[1] } : undefined, q.limit + 1);
  const [count] = await c.tx.select({ n: sql<number>`count(*)::int` }).from(penaltyDecisions)
    .innerJoin(authorities, eq(authorities.id, penaltyDecisions.authorityId))
    .innerJoin(registrations, eq(registrations.id, penaltyDecisions.registrationId))
    .where(and(...penaltyWhere(actor, q)));
  const today = todayInChina(c.now());
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentPenalty(r, today)),
    total: count?.n ?? 0,
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.d.decidedOn, last.d.id]) : null,
  };
}
