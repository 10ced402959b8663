import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { isIsoDate, plainText, type DomainError, type ErrorOptions } from '@medreg/domain';

/**
 * Keyset cursors (see keyset.ts): the last row's sort key and id, as base64url JSON. A cursor comes back from the
 * client, so it is decoded and then validated with a zod schema of its parts; whatever does not fit — not base64
 * JSON, a number where a date is expected, a date that does not exist, a NUL in a name — is the module's
 * `*_CURSOR_INVALID` refusal on field `cursor`, never a database error.
 */
export function encodeCursor(parts: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(raw: string, schema: S, invalid: (opts: ErrorOptions) => DomainError): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid({ path: ['cursor'] });
  return parsed.data;
}

/** A timestamp column printed exactly (microseconds, UTC), so the next page starts right after the row. */
export function exactUtc(column: AnyPgColumn): SQL<string> {
  return sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const EXACT_UTC = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/;

/** The parts cursors are made of. */
export const cursorPart = {
  /** Any 8-4-4-4-12 hex id (the database's uuid syntax). */
  id: z.guid(),
  /** A real calendar date 'YYYY-MM-DD'. */
  date: z.string().refine(isIsoDate),
  /** A real instant as `exactUtc` prints it. */
  timestamp: z.string().regex(EXACT_UTC).refine((s) => isIsoDate(s.slice(0, 10))),
  /** A name as stored (no control characters). */
  name: plainText().max(200),
} as const;
