import { inTransaction, type Ctx } from '../../context';
import { currentRequest } from '../../http/request-context';
import { normalizeDetail } from './chain';
import { appendToChain } from './flush';

export interface AuditActor {
  accountId: string | null;
  role: string;
}

/**
 * Records an audit entry. Inside a command (`inTransaction`) the entry waits in the transaction and is chained
 * just before commit, so it is kept exactly when the command is; on a reading context it is written at once in
 * a transaction of its own (inside a transaction opened some other way, in that one). The request id and
 * client address come from the request being served.
 */
export async function audit(
  c: Ctx,
  actor: AuditActor,
  action: string,
  entityType: string,
  entityId: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const { requestId, ip } = currentRequest();
  const entry = {
    at: c.now(), actorAccountId: actor.accountId, actorRole: actor.role, action, entityType, entityId,
    detail: normalizeDetail(detail), requestId, ip,
  };
  if (c.auditQueue) {
    c.auditQueue.push(entry);
    return;
  }
  if (c.tx !== c.db && !c.replica) {
    // A transaction opened without inTransaction (e.g. a scheduled job): chain the entry in it, now.
    await appendToChain(c.tx, c.pii, [entry]);
    return;
  }
  await inTransaction(c, async (own) => {
    own.auditQueue!.push(entry);
  });
}

/** The audit identity of a request's actor. */
export function auditActorOf(actor: { kind: string; accountId?: string; role: string }): AuditActor {
  return { accountId: actor.kind === 'anonymous' ? null : (actor.accountId ?? null), role: actor.role };
}
