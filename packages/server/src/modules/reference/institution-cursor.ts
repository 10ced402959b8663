import { z } from 'zod';
import { cursorPart, decodeCursor, encodeCursor } from '../../db/cursor';
import { ReferenceErrors } from './errors';

/** Keyset cursor of the institution search: the (name, id) of the last row shown. */
export interface InstitutionCursor {
  name: string;
  id: string;
}

export function encodeInstitutionCursor(cursor: InstitutionCursor): string {
  return encodeCursor([cursor.name, cursor.id]);
}

/** Reads a cursor the client sent back; anything else is refused (400, path cursor). */
export function decodeInstitutionCursor(raw: string): InstitutionCursor {
  const [name, id] = decodeCursor(raw, z.tuple([cursorPart.name, cursorPart.id]), ReferenceErrors.INSTITUTION_CURSOR_INVALID);
  return { name, id };
}
