/**
 * The audit hash chain: the canonical content of a row and its keyed hash.
 *
 *   hash(row) = HMAC-SHA-256(K, canonical(row))        K = HKDF-SHA-256(MEDREG_PII_KEY, info 'medreg:audit:chain')
 *   canonical(row) = JSON.stringify(['medreg-audit-v1', seq, hex(prev_hash), at (ISO 8601, ms, UTC),
 *                     actor_account_id, actor_role, action, entity_type, entity_id, detail (keys sorted, recursively),
 *                     request_id, ip])                 (null for an absent value)
 *   prev_hash(seq 1) = 32 zero bytes; prev_hash(seq n) = hash(row n - 1)
 *
 * An application_events row is covered by the audit row written with it: that row's detail carries
 * `event: { id, digest }`, digest = hex HMAC-SHA-256(K, canonicalEvent(row)).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PiiCipher } from '../../security/pii';

export const CHAIN_KEY_LABEL = 'medreg:audit:chain';
export const GENESIS_HASH = Buffer.alloc(32);
/** pg_advisory_xact_lock key that serialises appends to the chain, across processes. */
export const AUDIT_CHAIN_LOCK = 7246012;

export interface ChainedContent {
  seq: number;
  prevHash: Buffer;
  at: Date;
  actorAccountId: string | null;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string | null;
  detail: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
}

export interface EventContent {
  id: number;
  applicationId: string;
  action: string;
  fromState: string | null;
  toState: string;
  actorAccountId: string | null;
  actorRole: string;
  actorOrgName: string | null;
  reason: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
}

const keys = new WeakMap<PiiCipher, Buffer>();

export function chainKey(pii: PiiCipher): Buffer {
  let key = keys.get(pii);
  if (!key) {
    key = pii.deriveKey(CHAIN_KEY_LABEL);
    keys.set(pii, key);
  }
  return key;
}

/** JSON as stored in jsonb and read back: undefined dropped, dates as strings, object keys sorted. */
export function normalizeDetail(detail: Record<string, unknown>): Record<string, unknown> {
  return sortKeys(JSON.parse(JSON.stringify(detail ?? {}))) as Record<string, unknown>;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function canonicalRow(r: ChainedContent): string {
  return JSON.stringify([
    'medreg-audit-v1', r.seq, r.prevHash.toString('hex'), r.at.toISOString(),
    r.actorAccountId, r.actorRole, r.action, r.entityType, r.entityId, normalizeDetail(r.detail), r.requestId, r.ip,
  ]);
}

export function rowHash(key: Buffer, r: ChainedContent): Buffer {
  return createHmac('sha256', key).update(canonicalRow(r)).digest();
}

export function canonicalEvent(e: EventContent): string {
  return JSON.stringify([
    'medreg-event-v1', Number(e.id), e.applicationId, e.action, e.fromState, e.toState,
    e.actorAccountId, e.actorRole, e.actorOrgName, e.reason, e.idempotencyKey, e.createdAt.toISOString(),
  ]);
}

export function eventDigest(key: Buffer, e: EventContent): string {
  return createHmac('sha256', key).update(canonicalEvent(e)).digest('hex');
}

export function sameHash(a: Buffer | null | undefined, b: Buffer): boolean {
  return !!a && a.length === b.length && timingSafeEqual(a, b);
}
