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

/**
 * A batch of COPY lines kept as UTF-8 bytes outside the JavaScript heap: each line's string dies young instead of
 * living, with its thousands of siblings, until the batch is sent (which made the heap grow by batches).
 */
export class CopyBuffer {
  private bytes: Buffer = Buffer.allocUnsafe(1024 * 1024);
  private spare: Buffer | undefined;
  private used = 0;

  get length(): number {
    return this.used;
  }

  add(values: readonly CopyValue[]): void {
    const line = copyLine(values);
    const most = line.length * 3; // UTF-8 needs at most 3 bytes per UTF-16 unit
    if (this.used + most > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + most));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(line, this.used, 'utf8');
  }

  /**
   * The lines so far; the buffer starts empty again in its second block of memory, so the bytes taken stay intact
   * until the take after next — the caller sends them before then (one batch in flight, one being filled), and no
   * new memory is allocated per batch.
   */
  take(): Buffer {
    const out = this.bytes.subarray(0, this.used);
    const next = this.spare && this.spare.length >= this.bytes.length ? this.spare : Buffer.allocUnsafe(this.bytes.length);
    this.spare = this.bytes;
    this.bytes = next;
    this.used = 0;
    return out;
  }
}
