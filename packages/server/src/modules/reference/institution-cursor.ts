import { ReferenceErrors } from './errors';

/** Keyset cursor of the institution search: the (name, id) of the last row shown. */
export interface InstitutionCursor {
  name: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeInstitutionCursor(cursor: InstitutionCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id])).toString('base64url');
}

/** Reads a cursor the client sent back; anything else is refused (400, path cursor). */
export function decodeInstitutionCursor(raw: string): InstitutionCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || value.length !== 2) throw ReferenceErrors.INSTITUTION_CURSOR_INVALID({ path: ['cursor'] });
  const [name, id] = value as unknown[];
  if (typeof name !== 'string' || name.length > 200 || typeof id !== 'string' || !UUID.test(id)) {
    throw ReferenceErrors.INSTITUTION_CURSOR_INVALID({ path: ['cursor'] });
  }
  return { name, id };
}
