/**
 * A clerk's list as an export: the columns once, written to Excel (.xlsx) or CSV by the same spec, the rows
 * read page by page as they are written — so a large roster never sits in memory whole and both formats always
 * carry the same columns, filters and masking.
 */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportCell = string | number | null | undefined;

export interface ExportColumn<T> {
  header: string;
  /** Column width in characters (Excel only). */
  width?: number;
  value(row: T): ExportCell;
}

export interface ExportTable<T> {
  /** The worksheet name, e.g. 「本机构医师」. */
  name: string;
  columns: readonly ExportColumn<T>[];
  rows: AsyncIterable<T>;
}

/** The download name: an ASCII one for old clients, the Chinese one (RFC 6266 filename*) for browsers that read it. */
export interface ExportNames {
  ascii: string;
  chinese: string;
}

/** Pages of a keyset-paginated list as one row stream, stopping at `max` rows. */
export async function* keysetRows<Row, Cursor>(
  fetchPage: (cursor: Cursor | undefined, limit: number) => Promise<readonly Row[]>,
  cursorOf: (last: Row) => Cursor,
  opts: { batch?: number; max: number },
): AsyncGenerator<Row> {
  const batch = opts.batch ?? 500;
  let cursor: Cursor | undefined;
  for (let n = 0; n < opts.max; ) {
    const page = await fetchPage(cursor, Math.min(batch, opts.max - n));
    for (const row of page) yield row;
    n += page.length;
    const last = page[page.length - 1];
    if (page.length < batch || last === undefined) return;
    cursor = cursorOf(last);
  }
}

/** Each row as the list presents it (labels, masked IDs), as it is read. */
export async function* mapRows<Row, Out>(rows: AsyncIterable<Row>, present: (row: Row) => Out): AsyncGenerator<Out> {
  for await (const row of rows) yield present(row);
}
