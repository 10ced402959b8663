import { z } from 'zod';
import { cursorPart, decodeCursor, encodeCursor } from '../../db/cursor';
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

export function encodeQueueCursor(cursor: QueueCursor): string {
  return encodeCursor([cursor.at, cursor.id, cursor.sort]);
}

/** Reads a cursor the client sent back; anything else (or a cursor of the other sort) is refused. */
export function decodeQueueCursor(raw: string, sort: 'asc' | 'desc'): QueueCursor {
  const [at, id] = decodeCursor(raw, z.tuple([cursorPart.timestamp, cursorPart.id, z.literal(sort)]), InstitutionErrors.QUEUE_CURSOR_INVALID);
  return { at, id, sort };
}
