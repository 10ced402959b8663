// `npm run blobs:import`: the files an older version kept under MEDREG_DATA_DIR/blobs move into the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { blobs } from '../../src/db/schema/index';
import { importBlobFiles } from '../../src/storage/import-files';
import { samplePhotoPng } from '../../src/pdf/test-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let root: string;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function oldFile(content: Buffer, name = sha(content)): Promise<string> {
  const dir = path.join(root, name.slice(0, 2), name.slice(2, 4));
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, name), content);
  return name;
}

beforeAll(async () => {
  t = await createTestApp();
  root = await mkdtemp(path.join(os.tmpdir(), 'medreg-old-blobs-'));
});
afterAll(async () => {
  await t?.close();
  await rm(root, { recursive: true, force: true });
});

describe('importing an older data directory\'s files', () => {
  it('stores every file once, keeps the recorded content type, reports corrupt files, and can run again', async () => {
    const photo = samplePhotoPng(60, 84);
    const photoSha = await oldFile(photo);
    // The older version had written the index row (without bytes) for the photo.
    await t.deps.db.insert(blobs).values({ sha256: photoSha, contentType: 'image/png', sizeBytes: photo.length });
    expect(await t.deps.blobs.get(t.deps.db, photoSha)).toBeUndefined();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(300)]);
    const pdfSha = await oldFile(pdf);
    await oldFile(randomBytes(50), 'f'.repeat(64));

    const first = await importBlobFiles(t.deps, root);
    expect(first).toEqual({ found: 3, imported: 2, alreadyStored: 0, corrupt: [path.join('ff', 'ff', 'f'.repeat(64))] });
    expect(await t.deps.blobs.get(t.deps.db, photoSha)).toEqual(photo);
    expect(await t.deps.blobs.get(t.deps.db, pdfSha)).toEqual(pdf);
    const [row] = await t.deps.db.select({ contentType: blobs.contentType }).from(blobs).where(eq(blobs.sha256, pdfSha));
    expect(row!.contentType).toBe('application/pdf');

    const again = await importBlobFiles(t.deps, root);
    expect(again).toMatchObject({ found: 3, imported: 0, alreadyStored: 2 });
  });

  it('finds nothing to do in a directory that does not exist', async () => {
    expect(await importBlobFiles(t.deps, path.join(root, 'missing'))).toEqual({ found: 0, imported: 0, alreadyStored: 0, corrupt: [] });
  });
});
