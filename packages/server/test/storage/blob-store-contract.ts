import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/context';
import type { Engine } from '../../src/db/engine';
import { sha256Hex } from '../../src/security/tokens';
import { BLOB_CHUNK_BYTES, BlobTooLargeError, type BlobStore } from '../../src/storage/blob-store';

/** A store to test, on its own database (createTestApp). */
export interface ContractSubject {
  deps: Deps;
  engine: Engine;
  close(): Promise<void>;
}

class Rollback extends Error {}

export async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Content no other test stored. */
export const uniqueContent = (bytes = 64): Buffer => randomBytes(bytes);

/**
 * What every BlobStore promises (blob-store.ts), run against each implementation: the Postgres store and the S3
 * store must behave alike for everything that stores, serves and collects files.
 */
export function blobStoreContract(name: string, makeStore: () => Promise<ContractSubject>): void {
  describe(`${name}: the BlobStore contract`, () => {
    let s: ContractSubject;
    let store: BlobStore;
    beforeAll(async () => {
      s = await makeStore();
      store = s.deps.blobs;
    });
    afterAll(async () => { await s.close(); });

    const put = (content: Buffer, type = 'image/png') => s.deps.db.transaction((tx) => store.put(tx, content, type));
    const get = (sha: string, maxBytes?: number) => store.get(s.deps.db, sha, maxBytes === undefined ? {} : { maxBytes });
    const rows = (sha: string) => s.engine.query<{ content_type: string; size_bytes: number; touched_at: Date | string }>(
      'SELECT content_type, size_bytes, touched_at FROM blobs WHERE sha256 = $1', [sha]);

    it('gives back the bytes and the content type that were stored', async () => {
      const content = uniqueContent();
      const stored = await put(content, 'image/jpeg');
      expect(stored).toEqual({ sha256: sha256Hex(content), contentType: 'image/jpeg', sizeBytes: content.length });
      expect((await get(stored.sha256))?.equals(content)).toBe(true);
      const opened = await store.open(s.deps.db, stored.sha256);
      expect(opened).toMatchObject({ contentType: 'image/jpeg', sizeBytes: content.length });
      expect((await readAll(opened!.stream)).equals(content)).toBe(true);
    });

    it('stores the same content once, and a repeat keeps it from the garbage job for longer (touched_at)', async () => {
      const content = uniqueContent();
      const { sha256 } = await put(content, 'application/pdf');
      await s.engine.query(`UPDATE blobs SET touched_at = now() - interval '2 days' WHERE sha256 = $1`, [sha256]);
      const before = new Date((await rows(sha256))[0]!.touched_at).getTime();
      await put(content, 'application/octet-stream');
      const [row, ...others] = await rows(sha256);
      expect(others).toHaveLength(0);
      expect(row?.content_type).toBe('application/pdf');
      expect(new Date(row!.touched_at).getTime()).toBeGreaterThan(before + 24 * 3_600_000);
      expect((await get(sha256))?.equals(content)).toBe(true);
    });

    it('keeps nothing of a put whose transaction rolls back, and stores the same content again afterwards', async () => {
      const content = uniqueContent();
      const sha = sha256Hex(content);
      await expect(s.deps.db.transaction(async (tx) => {
        await store.put(tx, content, 'image/png');
        throw new Rollback();
      })).rejects.toBeInstanceOf(Rollback);
      expect(await rows(sha)).toHaveLength(0);
      expect(await get(sha)).toBeUndefined();
      await put(content);
      expect((await get(sha))?.equals(content)).toBe(true);
    });

    it('refuses to read content over maxBytes (BlobTooLargeError) and reads it within the limit', async () => {
      const content = uniqueContent(1000);
      const { sha256 } = await put(content);
      await expect(get(sha256, 999)).rejects.toBeInstanceOf(BlobTooLargeError);
      expect((await get(sha256, 1000))?.equals(content)).toBe(true);
    });

    it('streams a file of several chunks byte for byte, with its size and content type, after its transaction ended', async () => {
      const content = uniqueContent(4 * BLOB_CHUNK_BYTES + 12_345); // 1 MB and a partial last chunk
      const { sha256 } = await put(content, 'application/pdf');
      const opened = await s.deps.db.transaction((tx) => store.open(tx, sha256));
      expect(opened).toMatchObject({ sha256, contentType: 'application/pdf', sizeBytes: content.length });
      const read = await readAll(opened!.stream);
      expect(read.length).toBe(content.length);
      expect(read.equals(content)).toBe(true);
    });

    it('answers "no such file" for an unknown or malformed SHA-256', async () => {
      const unknown = sha256Hex(uniqueContent());
      for (const sha of [unknown, unknown.toUpperCase(), `${unknown.slice(0, 63)}/`, '../../../etc/passwd', '', `${unknown}0`]) {
        expect(await get(sha)).toBeUndefined();
        expect(await store.open(s.deps.db, sha)).toBeUndefined();
      }
    });

    it('removes the rows and the bytes of what it is told to remove, and nothing else', async () => {
      const gone = [uniqueContent(), uniqueContent()];
      const kept = uniqueContent();
      const shas = await Promise.all(gone.map(async (c) => (await put(c)).sha256));
      const keptSha = (await put(kept)).sha256;
      await s.deps.db.transaction((tx) => store.remove(tx, shas));
      for (const sha of shas) {
        expect(await rows(sha)).toHaveLength(0);
        expect(await get(sha)).toBeUndefined();
        expect(await store.open(s.deps.db, sha)).toBeUndefined();
      }
      expect((await get(keptSha))?.equals(kept)).toBe(true);
      await s.deps.db.transaction((tx) => store.remove(tx, []));
    });

    it('a rolled-back removal leaves the row (the garbage job tries again)', async () => {
      const content = uniqueContent();
      const { sha256 } = await put(content);
      await expect(s.deps.db.transaction(async (tx) => {
        await store.remove(tx, [sha256]);
        throw new Rollback();
      })).rejects.toBeInstanceOf(Rollback);
      expect(await rows(sha256)).toHaveLength(1);
      await s.deps.db.transaction((tx) => store.remove(tx, [sha256]));
      expect(await rows(sha256)).toHaveLength(0);
    });

    // PGlite runs one transaction at a time: a second transaction cannot start while the first holds the lock.
    it.runIf(process.env.MEDREG_TEST_ENGINE === 'postgres')(
      'a put of content that a concurrent garbage run is removing waits for the run and ends with the content stored (PostgreSQL only: PGlite serialises transactions)',
      async () => {
        const content = uniqueContent();
        const { sha256 } = await put(content);
        let release!: () => void;
        const released = new Promise<void>((resolve) => { release = resolve; });
        let locked!: () => void;
        const lockTaken = new Promise<void>((resolve) => { locked = resolve; });
        // Transaction A, as the garbage job: lock the candidate row, then remove it while holding the lock.
        const garbageRun = s.deps.db.transaction(async (a) => {
          await a.execute(sqlLockRow(sha256));
          locked();
          await released;
          await store.remove(a, [sha256]);
        });
        await lockTaken;
        // Transaction B: the same content stored again, by a request that needs it.
        const repeat = s.deps.db.transaction((b) => store.put(b, content, 'image/png'));
        await waitUntilBlockedOnLock(s.engine);
        release();
        await garbageRun;
        await repeat;
        expect(await rows(sha256)).toHaveLength(1);
        expect((await get(sha256))?.equals(content)).toBe(true);
      },
    );
  });
}

function sqlLockRow(sha256: string) {
  return sql`SELECT sha256 FROM blobs WHERE sha256 = ${sha256} FOR UPDATE`;
}

/** Waits until some backend of this database waits for a row lock (the put in transaction B). */
async function waitUntilBlockedOnLock(engine: Engine): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const waiting = await engine.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if ((waiting[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the second transaction never waited for the row lock');
}
