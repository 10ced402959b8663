import { desc, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/engine';
import { auditLog } from '../../db/schema/index';
import type { PiiCipher } from '../../security/pii';
import { AUDIT_CHAIN_LOCK, GENESIS_HASH, chainKey, rowHash, type ChainedContent } from './chain';

/** An audit entry waiting in its transaction for the chain position it gets just before commit. */
export type PendingAudit = Omit<ChainedContent, 'seq' | 'prevHash'>;

const CHUNK = 500;

/**
 * Takes the chain's lock (held until commit) as part of another statement: a command's last write can take it
 * and save a round trip. Only its LAST statement may: the lock must stay the last lock the transaction takes.
 * The chain's head is then read by a later statement, whose snapshot sees the previous holder's commit.
 */
export const lockAuditChain = sql`pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;

/**
 * Appends the transaction's pending entries to the chain. Called as the last statement before commit, so the
 * advisory lock (held until commit) is the last lock the transaction takes: a transaction waiting for it holds
 * row locks, but the holder never waits for those, so no deadlock. Under READ COMMITTED the read after the
 * lock sees the previous holder's committed head.
 */
export async function appendToChain(tx: Executor, pii: PiiCipher, entries: PendingAudit[], opts: { locked?: boolean } = {}): Promise<void> {
  if (entries.length === 0) return;
  if (!opts.locked) await tx.execute(sql`SELECT ${lockAuditChain}`);
  const [head] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog)
    .where(isNotNull(auditLog.seq)).orderBy(desc(auditLog.seq)).limit(1);
  const key = chainKey(pii);
  let seq = head?.seq ?? 0;
  let prevHash: Buffer = head?.hash ?? GENESIS_HASH;
  const rows = entries.map((e) => {
    seq += 1;
    const content: ChainedContent = { ...e, seq, prevHash };
    const hash = rowHash(key, content);
    prevHash = hash;
    return { ...content, hash };
  });
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(auditLog).values(rows.slice(i, i + CHUNK));
}
