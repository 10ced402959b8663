import type { Ctx } from '../../context';
import { applicationEvents } from '../../db/schema/index';
import { chainKey, eventDigest } from '../audit/chain';
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
