/**
 * PostgreSQL COPY text format (one row a line, tab between columns, `\N` for null): how rows are written for
 * `Engine.copyFrom`. Text is escaped as the format requires; bytea goes as hex (`\\x…`, the backslash doubled).
 */
export type CopyValue = string | number | Buffer | null | undefined;

const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyValue(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (Buffer.isBuffer(v)) return `\\\\x${v.toString('hex')}`;
  if (typeof v === 'number') return String(v);
  return v.replace(SPECIAL, (ch) => ESCAPES[ch]!);
}

export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : '\t') + copyValue(values[i]);
  return `${line}\n`;
}
