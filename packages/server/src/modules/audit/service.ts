import type { Ctx } from '../../context';
import { auditLog } from '../../db/schema/index';

export interface AuditActor {
  accountId: string | null;
  role: string;
}

/** Appends an audit entry in the caller's transaction. */
export async function audit(
  c: Ctx,
  actor: AuditActor,
  action: string,
  entityType: string,
  entityId: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await c.tx.insert(auditLog).values({ actorAccountId: actor.accountId, actorRole: actor.role, action, entityType, entityId, detail });
}

/** The audit identity of a request's actor. */
export function auditActorOf(actor: { kind: string; accountId?: string; role: string }): AuditActor {
  return { accountId: actor.kind === 'anonymous' ? null : (actor.accountId ?? null), role: actor.role };
}
