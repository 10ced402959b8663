import { createHash } from 'node:crypto';
import { pipeline, Readable, Transform } from 'node:stream';
import {
  DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3ServiceException, type GetObjectCommandOutput, type S3Client,
} from '@aws-sdk/client-s3';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/engine';
import { rowsOf } from '../db/rows';
import { sha256Hex } from '../security/tokens';
import { BlobTooLargeError, SHA256_HEX, type BlobStore, type OpenedBlob, type StoredBlob } from './blob-store';

/** DeleteObjects takes at most 1000 keys per request. */
export const S3_DELETE_BATCH = 1000;
/** From this size a repeated put first asks whether the object is there, instead of uploading it again. */
export const S3_HEAD_BEFORE_UPLOAD_BYTES = 1024 * 1024;

interface MetaRow {
  content_type: string;
  size_bytes: number | string;
}

/**
 * The BlobStore on an S3-compatible bucket: the index row stays in `blobs` (content NULL), written in the caller's
 * transaction; the bytes are the object `<prefix><sha256>`. The row is written first: its lock orders a put against a
 * concurrent garbage run (which deletes the objects while it holds the rows' locks), so that a put that waited for
 * the run uploads the object again after it. A transaction that rolls back after its upload leaves the object in the
 * bucket without a row; a later put of the same content reuses it.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;

  constructor(private readonly client: S3Client, private readonly bucket: string, private readonly prefix: string) {}

  async put(tx: Executor, content: Buffer, contentType: string): Promise<StoredBlob> {
    const sha256 = sha256Hex(content);
    // A repeat keeps the first content type (the bytes are the same) and moves touched_at on; on a row that a
    // garbage run has locked this waits for the run to end.
    const [row] = await rowsOf<{ content_type: string }>(tx, sql`
      INSERT INTO blobs (sha256, content_type, size_bytes, content, touched_at)
      VALUES (${sha256}, ${contentType}, ${content.length}, NULL, now())
      ON CONFLICT (sha256) DO UPDATE SET touched_at = now()
      RETURNING content_type`);
    const stored = content.length >= S3_HEAD_BEFORE_UPLOAD_BYTES && (await this.objectSize(sha256)) === content.length;
    if (!stored) await this.upload(sha256, content, row?.content_type ?? contentType);
    return { sha256, contentType, sizeBytes: content.length };
  }

  async get(tx: Executor, sha256: string, options: { maxBytes?: number } = {}): Promise<Buffer | undefined> {
    const meta = await this.meta(tx, sha256);
    if (!meta) return undefined;
    if (options.maxBytes !== undefined && meta.sizeBytes > options.maxBytes) throw new BlobTooLargeError(sha256, meta.sizeBytes, options.maxBytes);
    const object = await this.download(sha256);
    if (!object?.Body) return undefined;
    const content = Buffer.from(await object.Body.transformToByteArray());
    if (content.length !== meta.sizeBytes || sha256Hex(content) !== sha256) throw new CorruptObjectError(sha256, this.key(sha256));
    return content;
  }

  async open(tx: Executor, sha256: string): Promise<OpenedBlob | undefined> {
    const meta = await this.meta(tx, sha256);
    if (!meta) return undefined;
    const object = await this.download(sha256);
    if (!object) return undefined;
    // On Node.js the SDK answers with the HTTP response itself, read as it arrives.
    if (!(object.Body instanceof Readable)) throw new Error(`no stream for the S3 object ${this.key(sha256)}`);
    const stream = verified(object.Body, sha256, meta.sizeBytes, this.key(sha256));
    return { sha256, contentType: meta.contentType, sizeBytes: meta.sizeBytes, stream };
  }

  async remove(tx: Executor, sha256s: string[]): Promise<void> {
    if (sha256s.length === 0) return;
    const invalid = sha256s.find((s) => !SHA256_HEX.test(s));
    if (invalid !== undefined) throw new Error(`not a SHA-256: ${JSON.stringify(invalid.slice(0, 80))}`);
    await tx.execute(sql`DELETE FROM blobs WHERE sha256 IN (${sql.join(sha256s.map((s) => sql`${s}`), sql`, `)})`);
    // Before returning, while the caller's transaction still holds the rows' locks (see the class comment). A
    // failure throws: the rows come back with the rollback and the next run tries again.
    for (let i = 0; i < sha256s.length; i += S3_DELETE_BATCH) {
      const batch = sha256s.slice(i, i + S3_DELETE_BATCH);
      const result = await this.client.send(new DeleteObjectsCommand({
        Bucket: this.bucket,
        Delete: { Objects: batch.map((s) => ({ Key: this.key(s) })), Quiet: true },
      }));
      const failed = result.Errors ?? [];
      if (failed.length > 0) throw new Error(`S3 could not delete ${failed.length} of ${batch.length} objects (${failed[0]?.Code ?? 'unknown'}: ${failed[0]?.Key ?? ''})`);
    }
  }

  /** Only ever called with a validated or computed SHA-256. */
  private key(sha256: string): string {
    return `${this.prefix}${sha256}`;
  }

  private async meta(tx: Executor, sha256: string): Promise<{ contentType: string; sizeBytes: number } | undefined> {
    if (!SHA256_HEX.test(sha256)) return undefined;
    const [row] = await rowsOf<MetaRow>(tx, sql`SELECT content_type, size_bytes FROM blobs WHERE sha256 = ${sha256}`);
    return row ? { contentType: row.content_type, sizeBytes: Number(row.size_bytes) } : undefined;
  }

  private async upload(sha256: string, content: Buffer, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({
      Bucket: this.bucket,
      Key: this.key(sha256),
      Body: content,
      ContentType: contentType,
      ContentLength: content.length,
      // The store verifies the bytes it receives against this (BadDigest otherwise).
      ContentMD5: createHash('md5').update(content).digest('base64'),
    }));
  }

  /** The object's response, or undefined when there is no object. */
  private async download(sha256: string): Promise<GetObjectCommandOutput | undefined> {
    try {
      return await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  private async objectSize(sha256: string): Promise<number | undefined> {
    try {
      return (await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }))).ContentLength;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }
}

/**
 * NoSuchKey from GetObject; HeadObject has no body and answers a bare 404 (NotFound). A missing bucket (NoSuchBucket)
 * is a configuration error and throws; on HeadObject it also reads as NotFound, and the upload that follows throws.
 */
function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound');
}

/** Passes the object's bytes through, and fails the stream at its end when they are not the content the row names. */
function verified(body: Readable, sha256: string, sizeBytes: number, key: string): Readable {
  const hash = createHash('sha256');
  let length = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      length += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      done(length === sizeBytes && hash.digest('hex') === sha256 ? null : new CorruptObjectError(sha256, key));
    },
  });
  // pipeline destroys the download when the reader goes away (a client that disconnects).
  pipeline(body, check, () => undefined);
  return check;
}

export class CorruptObjectError extends Error {
  constructor(readonly sha256: string, readonly key: string) {
    super(`the S3 object ${key} does not hold the content its name says (SHA-256 ${sha256.slice(0, 12)}…)`);
    this.name = 'CorruptObjectError';
  }
}
