// Garbage: blobs nobody refers to are removed after the grace period; a referenced blob never is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { inTransaction } from '../../src/context';
import { applications, blobs } from '../../src/db/schema/index';
import { rowsOf } from '../../src/db/rows';
import { BLOB_GC_BATCH, BLOB_REFERENCES, collectBlobGarbage } from '../../src/jobs/blob-garbage';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { makeInstitution } from '../helpers/factories';
import { makeApplicationAt } from '../helpers/institutions-factories';

const HOUR = 3_600_000;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function storedAt(content: Buffer, hoursAgo: number): Promise<string> {
  const { sha256 } = await t.deps.blobs.put(t.deps.db, content, 'application/octet-stream');
  await t.deps.db.update(blobs).set({ touchedAt: new Date(Date.now() - hoursAgo * HOUR) }).where(eq(blobs.sha256, sha256));
  return sha256;
}

const present = async (sha: string) => (await t.deps.blobs.get(t.deps.db, sha)) !== undefined;
const collect = (graceHours = 24) => inTransaction(t.deps, (c) => collectBlobGarbage(c, graceHours * HOUR));

describe('the blob garbage job', () => {
  it('removes an unreferenced blob once the grace period has passed, and keeps a recent one', async () => {
    const old = await storedAt(randomBytes(64), 30);
    const recent = await storedAt(randomBytes(64), 2);
    await collect();
    expect(await present(old)).toBe(false);
    expect(await present(recent)).toBe(true);
  });

  it('never removes a referenced blob, however old', async () => {
    const at = await makeInstitution(t.deps);
    const app = await makeApplicationAt(t.deps, at, { photo: true });
    const photo = (app.payload as { photoSha256: string }).photoSha256;
    await t.deps.db.update(blobs).set({ touchedAt: new Date(Date.now() - 1000 * HOUR) }).where(eq(blobs.sha256, photo));
    const orphan = await storedAt(randomBytes(64), 1000);
    await collect(0);
    expect(await present(photo)).toBe(true);
    expect(await present(orphan)).toBe(false);
  });

  it('is refused by the database itself when it would remove a referenced blob (foreign key)', async () => {
    const at = await makeInstitution(t.deps);
    const app = await makeApplicationAt(t.deps, at, { photo: true });
    const photo = (app.payload as { photoSha256: string }).photoSha256;
    await expect(inTransaction(t.deps, (c) => c.blobs.remove(c.tx, [photo]))).rejects.toThrow();
    expect(await present(photo)).toBe(true);
  });

  it('frees a replaced photo: the old one goes, the new one stays', async () => {
    const at = await makeInstitution(t.deps);
    const app = await makeApplicationAt(t.deps, at);
    const setPhoto = (sha: string) => t.deps.db.update(applications)
      .set({ payload: sql`${applications.payload} || ${JSON.stringify({ photoSha256: sha })}::jsonb` }).where(eq(applications.id, app.id));
    const first = await storedAt(randomBytes(128), 48);
    await setPhoto(first);
    await collect();
    expect(await present(first)).toBe(true);
    const second = await storedAt(randomBytes(128), 0);
    await setPhoto(second);
    await collect();
    expect(await present(first)).toBe(false);
    expect(await present(second)).toBe(true);
  });

  it('keeps a blob stored again during the grace period (a repeat upload of the same file)', async () => {
    const content = randomBytes(64);
    const sha = await storedAt(content, 30);
    await t.deps.blobs.put(t.deps.db, content, 'application/octet-stream');
    await collect();
    expect(await present(sha)).toBe(true);
  });

  it('removes at most one batch per run', async () => {
    expect(BLOB_GC_BATCH).toBeGreaterThan(0);
    const removed = await collect();
    expect(removed).toBeLessThanOrEqual(BLOB_GC_BATCH);
  });

  it('knows every column that keeps a sha256 (a new one must be added to BLOB_REFERENCES)', async () => {
    const columns = await rowsOf<{ table_name: string; column_name: string }>(t.deps.db, sql`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'blobs' AND (column_name LIKE '%sha256%' OR column_name = 'attachments')`);
    expect(columns.length).toBeGreaterThanOrEqual(6);
    const registry = BLOB_REFERENCES.map((s) => s.queryChunks.map((chunk) => (typeof chunk === 'object' && chunk && 'value' in chunk ? (chunk.value as string[]).join('') : '')).join('')).join('\n');
    for (const c of columns) expect(registry, `${c.table_name}.${c.column_name}`).toMatch(new RegExp(`FROM ${c.table_name} \\w+ WHERE[^\\n]*\\b\\w+\\.${c.column_name}\\b`));
  });
});
