import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/engine';
import { rowsOf } from '../db/rows';
import { sha256Hex } from '../security/tokens';
import { BLOB_CHUNK_BYTES, BlobTooLargeError, SHA256_HEX, type BlobStore, type OpenedBlob, type StoredBlob } from './blob-store';

interface HeadRow {
  content_type: string;
  size_bytes: number;
  head: Buffer | Uint8Array | null;
}

const asBuffer = (v: Buffer | Uint8Array): Buffer => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength));

/**
 * The default BlobStore: the bytes in `blobs.content`, in the same database as everything else, on PostgreSQL
 * and on PGlite alike. Reads come in BLOB_CHUNK_BYTES slices (`substring` on an EXTERNAL column reads only
 * the slices it needs), so a stream never holds a whole large file.
 */
export class PostgresBlobStore implements BlobStore {
  readonly kind = 'postgres' as const;

  /** `db` serves the chunks a stream reads after the request's transaction has ended. */
  constructor(private readonly db: Db) {}

  async put(tx: Executor, content: Buffer, contentType: string): Promise<StoredBlob> {
    const sha256 = sha256Hex(content);
    // A repeat keeps the first content type (the bytes are the same) and moves touched_at on.
    await tx.execute(sql`
      INSERT INTO blobs (sha256, content_type, size_bytes, content, touched_at)
      VALUES (${sha256}, ${contentType}, ${content.length}, ${content}, now())
      ON CONFLICT (sha256) DO UPDATE
        SET touched_at = now(), content = coalesce(blobs.content, EXCLUDED.content)`);
    return { sha256, contentType, sizeBytes: content.length };
  }

  async get(tx: Executor, sha256: string, options: { maxBytes?: number } = {}): Promise<Buffer | undefined> {
    if (!SHA256_HEX.test(sha256)) return undefined;
    const [meta] = await rowsOf<{ size_bytes: number; present: boolean }>(tx, sql`
      SELECT size_bytes, content IS NOT NULL AS present FROM blobs WHERE sha256 = ${sha256}`);
    if (!meta?.present) return undefined;
    if (options.maxBytes !== undefined && meta.size_bytes > options.maxBytes) throw new BlobTooLargeError(sha256, meta.size_bytes, options.maxBytes);
    const [row] = await rowsOf<{ content: Buffer | Uint8Array | null }>(tx, sql`SELECT content FROM blobs WHERE sha256 = ${sha256}`);
    return row?.content ? asBuffer(row.content) : undefined;
  }

  async open(tx: Executor, sha256: string): Promise<OpenedBlob | undefined> {
    if (!SHA256_HEX.test(sha256)) return undefined;
    const [row] = await rowsOf<HeadRow>(tx, sql`
      SELECT content_type, size_bytes, substring(content FROM 1 FOR ${BLOB_CHUNK_BYTES}) AS head FROM blobs WHERE sha256 = ${sha256}`);
    if (!row?.head) return undefined;
    const head = asBuffer(row.head);
    const size = Number(row.size_bytes);
    const { db } = this;
    let offset = head.length;
    let first = true;
    const stream = new Readable({
      async read() {
        try {
          if (first) {
            first = false;
            this.push(head);
            if (offset >= size) this.push(null);
            return;
          }
          const [next] = await rowsOf<{ part: Buffer | Uint8Array | null }>(db, sql`
            SELECT substring(content FROM ${offset + 1} FOR ${BLOB_CHUNK_BYTES}) AS part FROM blobs WHERE sha256 = ${sha256}`);
          const part = next?.part ? asBuffer(next.part) : Buffer.alloc(0);
          if (part.length === 0) throw new Error(`blob ${sha256.slice(0, 12)}… ended at ${offset} of ${size} bytes`);
          offset += part.length;
          this.push(part);
          if (offset >= size) this.push(null);
        } catch (error) {
          this.destroy(error as Error);
        }
      },
    });
    return { sha256, contentType: row.content_type, sizeBytes: size, stream };
  }

  async remove(tx: Executor, sha256s: string[]): Promise<void> {
    if (sha256s.length === 0) return;
    await tx.execute(sql`DELETE FROM blobs WHERE sha256 IN (${sql.join(sha256s.map((s) => sql`${s}`), sql`, `)})`);
  }
}
