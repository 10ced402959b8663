/**
 * Free text a person types (search terms, login names, notes, reasons, names). Every request schema builds its
 * strings from these helpers instead of a bare `z.string()`, so that what cannot be stored or shown is refused
 * at the edge with a field path:
 *  - `plainText()` refuses control characters — C0 (U+0000–U+001F, NUL among them: PostgreSQL `text` cannot
 *    hold it), DEL and C1 (U+007F–U+009F) — and lone UTF-16 surrogates (not text at all; a driver would
 *    silently store U+FFFD). `{ multiline: true }` lets tab, line feed and carriage return through.
 *  - `nameText()` is for the names of staff, institutions and calendar days, which are shown to others: on top
 *    of `plainText()` it refuses characters that are invisible or change the direction of the text around them
 *    (format characters such as U+202A–U+202E, U+2066–U+2069, U+200B–U+200F, U+FEFF; Hangul fillers; line and
 *    paragraph separators) and combining marks that belong to no character (leading, or after a space), and it
 *    normalises to NFC. Physician names need no such rule: `physicianNameSchema` admits Han ideographs and
 *    U+00B7 only, which already excludes all of these.
 * Both return a `ZodString`, so callers chain `.trim().min().max()` as before.
 */
import { z } from 'zod';
import { defineErrors, spec } from '../errors';

export const TextErrors = defineErrors({
  TEXT_CONTROL_CHARACTER: spec(400, '不能包含控制字符', 'Control characters are not allowed'),
  TEXT_INVISIBLE_CHARACTER: spec(400, '不能包含不可见字符或改变文字方向的字符', 'Invisible or direction-changing characters are not allowed'),
});

export const CONTROL_CHARACTER_MESSAGE = '不能包含控制字符';
export const INVISIBLE_CHARACTER_MESSAGE = '不能包含不可见字符或改变文字方向的字符';

// Matching control characters is the point of these two patterns.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]|\p{Cs}/u;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;
/** Format characters (bidi embeddings/overrides/isolates, zero-width, BOM, tags…), separators, Hangul fillers. */
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]/u;
/** A combining mark with no base: at the start, or after a space, punctuation or a control. */
const LONE_MARK = /(?:^|[^\p{L}\p{N}\p{M}\p{S}])\p{M}/u;

/** Whether the text holds a character `plainText()` refuses. */
export function hasControlCharacter(text: string, opts: { multiline?: boolean } = {}): boolean {
  return (opts.multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(text);
}

/** Whether the text holds a character `nameText()` refuses on top of `plainText()`'s. */
export function hasInvisibleCharacter(text: string): boolean {
  return INVISIBLE.test(text) || LONE_MARK.test(text);
}

export interface PlainTextOptions {
  /** Allow tab, line feed and carriage return (reasons, notes). */
  multiline?: boolean;
  /** The message when the value is not a string at all (as `z.string(message)`). */
  error?: string;
}

/** A string without control characters or lone surrogates (code TEXT_CONTROL_CHARACTER). */
export function plainText(opts: PlainTextOptions = {}): z.ZodString {
  return (opts.error === undefined ? z.string() : z.string(opts.error)).refine((s) => !hasControlCharacter(s, opts), {
    error: CONTROL_CHARACTER_MESSAGE,
    params: { errorCode: 'TEXT_CONTROL_CHARACTER' },
    abort: true,
  });
}

/** A one-line name shown to others: `plainText()`, NFC, and no invisible or direction-changing characters. */
export function nameText(opts: Omit<PlainTextOptions, 'multiline'> = {}): z.ZodString {
  return plainText(opts).normalize('NFC').refine((s) => !hasInvisibleCharacter(s), {
    error: INVISIBLE_CHARACTER_MESSAGE,
    params: { errorCode: 'TEXT_INVISIBLE_CHARACTER' },
  });
}
