/**
 * Verifies the audit chain and the history it covers, page by page (keyset on seq / id, never the whole
 * table in memory), and reports the first broken link.
 *
 * 1. audit_log in seq order: seq 1, 2, 3 … without gaps (a gap = a deleted row), prev_hash = the previous
 *    row's hash, hash = HMAC of the row's content (a mismatch = content altered, or a row written without the key).
 * 2. audit_log rows after the chain start without a chain position (inserted around the application).
 * 3. application_events after the chain start: each one is named by a chained audit row with the digest of its
 *    content (missing = an event added in SQL; different = an event altered); each event an audit row names exists.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { applicationEvents, auditChainStart, auditLog } from '../../db/schema/index';
import { AUDIT_PROBLEM_TEXT, type AuditBreak, type AuditProblem, type AuditVerification } from '@medreg/domain';
import { GENESIS_HASH, chainKey, eventDigest, rowHash, sameHash } from './chain';

const PAGE = 1000;

function broken(table: AuditBreak['table'], id: number | null, seq: number | null, problem: AuditProblem, extra: Partial<AuditBreak> = {}): AuditBreak {
  return { table, id, seq, problem, message: AUDIT_PROBLEM_TEXT[problem], ...extra };
}

export async function verifyAuditChain(c: Ctx): Promise<AuditVerification> {
  const key = chainKey(c.pii);
  const starts = await c.tx.select().from(auditChainStart);
  const legacyAudit = starts.find((s) => s.tableName === 'audit_log')?.legacyMaxId ?? 0;
  const legacyEvents = starts.find((s) => s.tableName === 'application_events')?.legacyMaxId ?? 0;
  const [legacy] = await c.tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(isNull(auditLog.seq), lte(auditLog.id, legacyAudit)));
  const report = (firstBreak: AuditBreak | null, counts: { rows: number; events: number }, head: AuditVerification['head']): AuditVerification => ({
    ok: firstBreak === null, checkedRows: counts.rows, checkedEvents: counts.events, legacyRows: legacy?.n ?? 0,
    head, firstBreak, verifiedAt: c.now().toISOString(),
  });

  // 1. The chain.
  let prevSeq = 0;
  let prevHash: Buffer = GENESIS_HASH;
  let head: AuditVerification['head'] = null;
  let rows = 0;
  for (;;) {
    const page = await c.tx.select().from(auditLog).where(and(isNotNull(auditLog.seq), gt(auditLog.seq, prevSeq))).orderBy(asc(auditLog.seq)).limit(PAGE);
    const referenced = new Map<number, { digest: string; row: (typeof page)[number] }>();
    for (const row of page) {
      const seq = row.seq!;
      if (seq !== prevSeq + 1) return report(broken('audit_log', row.id, seq, 'row_missing', { missing: { from: prevSeq + 1, to: seq - 1 } }), { rows, events: 0 }, head);
      if (!sameHash(row.prevHash, prevHash)) return report(broken('audit_log', row.id, seq, 'link_broken'), { rows, events: 0 }, head);
      if (!row.prevHash || !sameHash(row.hash, rowHash(key, { ...row, seq, prevHash: row.prevHash }))) {
        return report(broken('audit_log', row.id, seq, 'hash_mismatch'), { rows, events: 0 }, head);
      }
      const event = eventRef(row.detail);
      if (event) referenced.set(event.id, { digest: event.digest, row });
      prevSeq = seq;
      prevHash = row.hash!;
      head = { seq, hash: prevHash.toString('hex'), at: row.at.toISOString() };
      rows += 1;
    }
    if (referenced.size > 0) {
      const found = await c.tx.select({ id: applicationEvents.id }).from(applicationEvents).where(inArray(applicationEvents.id, [...referenced.keys()]));
      const ids = new Set(found.map((f) => Number(f.id)));
      for (const [id, { row }] of referenced) {
        if (!ids.has(id)) return report(broken('application_events', id, row.seq, 'event_missing'), { rows, events: 0 }, head);
      }
    }
    if (page.length < PAGE) break;
  }

  // 2. Rows written around the chain.
  const [stray] = await c.tx.select({ id: auditLog.id }).from(auditLog).where(and(isNull(auditLog.seq), gt(auditLog.id, legacyAudit))).orderBy(asc(auditLog.id)).limit(1);
  if (stray) return report(broken('audit_log', stray.id, null, 'row_not_chained'), { rows, events: 0 }, head);

  // 3. The history the chain covers.
  let events = 0;
  let lastEvent = legacyEvents;
  for (;;) {
    const page = await c.tx.select().from(applicationEvents).where(gt(applicationEvents.id, lastEvent)).orderBy(asc(applicationEvents.id)).limit(PAGE);
    if (page.length === 0) break;
    const appIds = [...new Set(page.map((e) => e.applicationId))];
    const covering = await c.tx.select({ detail: auditLog.detail }).from(auditLog).where(and(
      eq(auditLog.entityType, 'application'), inArray(auditLog.entityId, appIds), isNotNull(auditLog.seq), sql`${auditLog.detail} -> 'event' IS NOT NULL`,
    ));
    const digests = new Map<number, string>();
    for (const r of covering) {
      const ref = eventRef(r.detail);
      if (ref) digests.set(ref.id, ref.digest);
    }
    for (const e of page) {
      const digest = digests.get(Number(e.id));
      if (digest === undefined) return report(broken('application_events', e.id, null, 'event_not_audited'), { rows, events }, head);
      if (digest !== eventDigest(key, e)) return report(broken('application_events', e.id, null, 'event_altered'), { rows, events }, head);
      events += 1;
      lastEvent = e.id;
    }
    if (page.length < PAGE) break;
  }
  return report(null, { rows, events }, head);
}

function eventRef(detail: Record<string, unknown>): { id: number; digest: string } | undefined {
  const e = detail.event as { id?: unknown; digest?: unknown } | undefined;
  return e && typeof e.id === 'number' && typeof e.digest === 'string' ? { id: e.id, digest: e.digest } : undefined;
}
