import type { Readable } from 'node:stream';
import type { Executor } from '../db/engine';

/** A stored file: its SHA-256 (the key), its content type and size. */
export interface StoredBlob {
  sha256: string;
  contentType: string;
  sizeBytes: number;
}

/** A stored file opened for streaming to a client. */
export interface OpenedBlob extends StoredBlob {
  stream: Readable;
}

/**
 * Files (photos, scanned materials, generated PDFs), addressed by their SHA-256 and shared by every server
 * process. The index row (`blobs`) is always in the database and written in the caller's transaction, so a
 * file and the record that refers to it commit or roll back together; the bytes live in the same row
 * (PostgresBlobStore, the default) or in an S3 bucket (S3BlobStore).
 */
export interface BlobStore {
  readonly kind: 'postgres' | 's3';
  /**
   * Stores `content` in `tx`. Storing content that is already there is a no-op that keeps it from the garbage
   * job for another grace period (touched_at), so a record may refer to it in the same transaction.
   */
  put(tx: Executor, content: Buffer, contentType: string): Promise<StoredBlob>;
  /** The whole content, or undefined when there is none. Refuses (BlobTooLargeError) content over `maxBytes`. */
  get(tx: Executor, sha256: string, options?: { maxBytes?: number }): Promise<Buffer | undefined>;
  /** The metadata and a stream of the bytes, read in chunks; undefined when there is none. */
  open(tx: Executor, sha256: string): Promise<OpenedBlob | undefined>;
  /**
   * Removes blobs no longer referenced, in `tx` (the garbage job): the index rows and the bytes. Called with
   * the rows locked, so that a concurrent `put` of the same content waits and then stores it anew.
   */
  remove(tx: Executor, sha256s: string[]): Promise<void>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Reading chunk size for streams (a TOAST-friendly multiple of 2 kB). */
export const BLOB_CHUNK_BYTES = 256 * 1024;

export class BlobTooLargeError extends Error {
  constructor(readonly sha256: string, readonly sizeBytes: number, readonly maxBytes: number) {
    super(`blob ${sha256.slice(0, 12)}… is ${sizeBytes} bytes, more than the ${maxBytes} allowed here`);
    this.name = 'BlobTooLargeError';
  }
}
