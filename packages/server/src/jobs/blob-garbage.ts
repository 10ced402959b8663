import { sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { rowsOf } from '../db/rows';
import type { Job } from './runner';

const HOUR = 3_600_000;
/** Blobs removed per run: small enough to hold the row locks briefly. */
export const BLOB_GC_BATCH = 500;

/**
 * Where blobs are referenced. Every column but the array is also a foreign key to blobs(sha256), so the
 * database itself refuses to remove a referenced blob; the job's NOT EXISTS only keeps it from trying.
 * A new place that keeps a sha256 must be added here (test/storage/blob-garbage.test.ts checks the schema).
 */
export const BLOB_REFERENCES = [
  sql`EXISTS (SELECT 1 FROM applications a WHERE a.photo_sha256 = b.sha256)`,
  sql`EXISTS (SELECT 1 FROM applications a WHERE a.decision_document_sha256 = b.sha256)`,
  sql`EXISTS (SELECT 1 FROM physicians p WHERE p.photo_sha256 = b.sha256)`,
  sql`EXISTS (SELECT 1 FROM decision_documents d WHERE d.sha256 = b.sha256)`,
  sql`EXISTS (SELECT 1 FROM pdf_cache p WHERE p.sha256 = b.sha256)`,
  sql`EXISTS (SELECT 1 FROM qualification_corrections q WHERE q.attachments @> ARRAY[b.sha256])`,
  sql`EXISTS (SELECT 1 FROM application_attachments a WHERE a.sha256 = b.sha256)`,
  sql`EXISTS (SELECT 1 FROM info_edits e WHERE e.photo_sha256 = b.sha256)`,
  sql`EXISTS (SELECT 1 FROM info_edits e WHERE e.old_photo_sha256 = b.sha256)`,
  sql`EXISTS (SELECT 1 FROM registration_profiles p WHERE p.photo_sha256 = b.sha256)`,
];

/**
 * Removes blobs nobody refers to once `graceMs` has passed since they were last stored: a file uploaded and
 * abandoned, a replaced photo, an outdated PDF rendering. The candidates are locked (FOR UPDATE SKIP LOCKED):
 * a concurrent `put` of the same content waits for this run and then stores it anew; the S3 store deletes its
 * objects inside this transaction, before the rows' locks are released.
 */
export async function collectBlobGarbage(c: Ctx, graceMs: number): Promise<number> {
  const cutoff = new Date(c.now().getTime() - graceMs);
  const candidates = await rowsOf<{ sha256: string }>(c.tx, sql`
    SELECT b.sha256 FROM blobs b
    WHERE b.touched_at < ${cutoff.toISOString()}::timestamptz
      AND NOT (${sql.join(BLOB_REFERENCES, sql` OR `)})
    ORDER BY b.touched_at
    LIMIT ${BLOB_GC_BATCH}
    FOR UPDATE OF b SKIP LOCKED`);
  const shas = candidates.map((r) => r.sha256);
  await c.blobs.remove(c.tx, shas);
  return shas.length;
}

export function blobGarbageJob(graceHours: number): Job {
  return { name: 'blobs.collect_garbage', intervalMs: HOUR, run: (c) => collectBlobGarbage(c, graceHours * HOUR) };
}
