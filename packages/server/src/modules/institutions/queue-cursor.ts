import { InstitutionErrors } from './errors';

/**
 * Keyset cursor of an institution queue page: the (submitted_at, id) of the last row shown and the
 * sort it was taken in. submitted_at travels as PostgreSQL printed it (microseconds, UTC), so the
 * next page starts exactly after that row — a JavaScript Date would drop the microseconds.
 */
export interface QueueCursor {
  at: string;
  id: string;
  sort: 'asc' | 'desc';
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id, cursor.sort])).toString('base64url');
}

/** Reads a cursor the client sent back; anything else (or a cursor of the other sort) is refused. */
export function decodeQueueCursor(raw: string, sort: 'asc' | 'desc'): QueueCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || value.length !== 3) throw InstitutionErrors.QUEUE_CURSOR_INVALID({ path: ['cursor'] });
  const [at, id, s] = value as unknown[];
  if (typeof at !== 'string' || !AT.test(at) || typeof id !== 'string' || !UUID.test(id) || s !== sort) {
    throw InstitutionErrors.QUEUE_CURSOR_INVALID({ path: ['cursor'] });
  }
  return { at, id, sort };
}
