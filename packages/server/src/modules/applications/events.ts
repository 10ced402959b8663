import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { applicationEvents } from '../../db/schema/index';
import { chainKey, eventDigest } from '../audit/chain';
import { lockAuditChain } from '../audit/flush';
import { audit, type AuditActor } from '../audit/service';

export type NewApplicationEvent = typeof applicationEvents.$inferInsert & { createdAt: Date };

/**
 * Appends one history entry (application_events) and the audit entry that covers it: the audit row's detail
 * names the event and carries its keyed digest, so the verifier notices an event altered, removed or added.
 */
export async function recordApplicationEvent(c: Ctx, actor: AuditActor, event: NewApplicationEvent, detail: Record<string, unknown>): Promise<void> {
  const [row] = await c.tx.insert(applicationEvents).values(event).returning();
  await audit(c, actor, `application.${event.action}`, 'application', event.applicationId, {
    ...detail, event: { id: row!.id, digest: eventDigest(chainKey(c.pii), row!) },
  });
}

type WrittenEvent = NewApplicationEvent & { id: number };

/**
 * Runs `write` (a data-modifying statement with a RETURNING clause) and, in the same statement, inserts the
 * history entry when it returned a row, plus the `also` CTEs (which then also take the audit chain's lock).
 * Answers the entry as stored, or undefined when `write` changed nothing.
 */
export async function insertEventAfter(c: Ctx, write: SQL, e: NewApplicationEvent, also: SQL[]): Promise<WrittenEvent | undefined> {
  const extra = also.map((s, i) => sql`, also${sql.raw(String(i))} AS (${s})`);
  const result = (await c.tx.execute(sql`
    WITH w AS (${write}),
    ev AS (
      INSERT INTO application_events
        (application_id, action, from_state, to_state, actor_account_id, actor_role, actor_org_name, reason, idempotency_key, created_at)
      SELECT ${e.applicationId}::uuid, ${e.action}, ${e.fromState ?? null}, ${e.toState}, ${e.actorAccountId ?? null}::uuid, ${e.actorRole},
             ${e.actorOrgName ?? null}, ${e.reason ?? null}, ${e.idempotencyKey ?? null}, ${e.createdAt.toISOString()}::timestamptz
      FROM w
      RETURNING id
    )${sql.join(extra, sql``)}
    SELECT ev.id${also.length > 0 ? sql`, ${lockAuditChain} AS locked` : sql``} FROM ev`)) as unknown as { rows: { id: string | number }[] };
  const [row] = result.rows;
  return row ? { ...e, id: Number(row.id) } : undefined;
}

/** Queues the audit entry that covers a history entry written by insertEventAfter. */
export async function auditApplicationEvent(c: Ctx, actor: AuditActor, event: WrittenEvent, detail: Record<string, unknown>): Promise<void> {
  await audit(c, actor, `application.${event.action}`, 'application', event.applicationId, {
    ...detail, event: { id: event.id, digest: eventDigest(chainKey(c.pii), eventContent(event)) },
  });
}

function eventContent(e: WrittenEvent) {
  return {
    id: e.id, applicationId: e.applicationId, action: e.action, fromState: e.fromState ?? null, toState: e.toState,
    actorAccountId: e.actorAccountId ?? null, actorRole: e.actorRole, actorOrgName: e.actorOrgName ?? null,
    reason: e.reason ?? null, idempotencyKey: e.idempotencyKey ?? null, createdAt: e.createdAt,
  };
}
