import { createHash } from 'node:crypto';
import { DeleteObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config';
import { inTransaction } from '../../src/context';
import { collectBlobGarbage } from '../../src/jobs/blob-garbage';
import { sha256Hex } from '../../src/security/tokens';
import { CorruptObjectError, S3_DELETE_BATCH, S3_HEAD_BEFORE_UPLOAD_BYTES, S3BlobStore } from '../../src/storage/s3-blob-store';
import { createS3Client } from '../../src/storage/s3-client';
import { sampleJpeg } from '../helpers/upload-samples';
import { makeApplicant, startFirstRegistration, uploadPhoto, type PresentedApp } from '../helpers/applications-factories';
import { startLocalS3, type LocalS3 } from '../helpers/s3-server';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { blobStoreContract, readAll, uniqueContent } from './blob-store-contract';

let s3: LocalS3;
beforeAll(async () => { s3 = await startLocalS3(); });
afterAll(async () => { await s3?.stop(); });

blobStoreContract('S3BlobStore (bytes in an S3-compatible bucket)', async () => {
  const t = await createTestApp(s3.env);
  expect(t.deps.blobs.kind).toBe('s3');
  return t;
});

describe('S3BlobStore: the bucket', () => {
  let t: TestApp;
  let client: S3Client;
  beforeAll(async () => {
    t = await createTestApp(s3.env);
    client = createS3Client(ConfigSchema.parse(s3.env));
  });
  afterAll(async () => {
    client?.destroy();
    await t?.close();
  });

  const put = (content: Buffer, type = 'image/png') => t.deps.db.transaction((tx) => t.deps.blobs.put(tx, content, type));
  const get = (sha: string) => t.deps.blobs.get(t.deps.db, sha);
  const key = (sha: string) => `blobs/${sha}`;
  const head = (sha: string) => client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key(sha) })).catch((e: Error) => e);
  const requestsFor = (sha: string, method: string) => s3.requests.filter((r) => r.method === method && r.url.includes(key(sha)));
  const countRows = async (sha: string) => (await t.engine.query('SELECT 1 FROM blobs WHERE sha256 = $1', [sha])).length;

  it('keeps each file as the object <prefix><sha256> with its content type, its row without bytes', async () => {
    const content = uniqueContent(3000);
    const { sha256 } = await put(content, 'image/jpeg');
    expect(await head(sha256)).toMatchObject({ ContentType: 'image/jpeg', ContentLength: 3000 });
    const [row] = await t.engine.query<{ stored_bytes: boolean }>('SELECT content IS NOT NULL AS stored_bytes FROM blobs WHERE sha256 = $1', [sha256]);
    expect(row?.stored_bytes).toBe(false);
  });

  it('uploads with a Content-MD5 of the bytes (so that the store verifies them) and without aws-chunked framing', async () => {
    const content = uniqueContent(5000);
    const { sha256 } = await put(content);
    const [upload, ...again] = requestsFor(sha256, 'PUT');
    expect(again).toHaveLength(0);
    expect(upload?.headers['content-md5']).toBe(createHash('md5').update(content).digest('base64'));
    expect(upload?.headers['content-encoding'] ?? '').not.toMatch(/aws-chunked/);
    expect(Object.keys(upload?.headers ?? {}).filter((h) => h.startsWith('x-amz-checksum-'))).toEqual([]);
  });

  it.each([
    ['a small file', 2000],
    ['a file large enough to be looked for before uploading', S3_HEAD_BEFORE_UPLOAD_BYTES + 10],
  ])('answers "no such file" while the object is missing, and a put of the content uploads it again (%s)', async (_label, size) => {
    const content = uniqueContent(size);
    const { sha256 } = await put(content);
    await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: key(sha256) }));
    expect(await get(sha256)).toBeUndefined();
    expect(await t.deps.blobs.open(t.deps.db, sha256)).toBeUndefined();
    await put(content);
    expect((await get(sha256))?.equals(content)).toBe(true);
  });

  it('does not upload a large file again that the bucket already holds', async () => {
    const content = uniqueContent(S3_HEAD_BEFORE_UPLOAD_BYTES + 10);
    const { sha256 } = await put(content);
    await put(content);
    expect(requestsFor(sha256, 'PUT')).toHaveLength(1);
  });

  it('refuses to serve an object whose bytes are not the content its name says (a damaged or altered bucket)', async () => {
    const content = uniqueContent(2000);
    const { sha256 } = await put(content);
    const altered = Buffer.from(content);
    altered[1000] = altered[1000]! ^ 0xff;
    await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key(sha256), Body: altered }));
    await expect(get(sha256)).rejects.toBeInstanceOf(CorruptObjectError);
    const opened = await t.deps.blobs.open(t.deps.db, sha256);
    await expect(readAll(opened!.stream)).rejects.toBeInstanceOf(CorruptObjectError);
  });

  it('fails a put whose upload fails, and its transaction leaves no row', async () => {
    const wrongBucket = new S3BlobStore(client, 'no-such-bucket', 'blobs/');
    const content = uniqueContent();
    await expect(t.deps.db.transaction((tx) => wrongBucket.put(tx, content, 'image/png'))).rejects.toMatchObject({ name: 'NoSuchBucket' });
    expect(await countRows(sha256Hex(content))).toBe(0);
  });

  it(`removes more than ${S3_DELETE_BATCH} files in requests of at most ${S3_DELETE_BATCH} keys (S3's limit), with a Content-MD5`, async () => {
    const stored = [uniqueContent(), uniqueContent()];
    const storedShas = await Promise.all(stored.map(async (c) => (await put(c)).sha256));
    // Index rows whose objects were never uploaded: deleting a missing key is not an error.
    const indexOnly = Array.from({ length: S3_DELETE_BATCH }, () => sha256Hex(uniqueContent(16)));
    await t.engine.query(`INSERT INTO blobs (sha256, content_type, size_bytes) SELECT s, 'image/png', 16 FROM unnest($1::text[]) AS s`, [indexOnly]);
    const before = s3.requests.length;
    await t.deps.db.transaction((tx) => t.deps.blobs.remove(tx, [...storedShas, ...indexOnly]));
    const deletes = s3.requests.slice(before).filter((r) => r.method === 'POST' && r.url.includes('delete'));
    expect(deletes).toHaveLength(2);
    for (const d of deletes) {
      expect(d.headers['content-md5']).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Object.keys(d.headers).filter((h) => h.startsWith('x-amz-checksum-'))).toEqual([]);
    }
    for (const sha of storedShas) expect(await head(sha)).toMatchObject({ name: 'NotFound' });
    const left = await t.engine.query<{ n: number }>('SELECT count(*)::int AS n FROM blobs WHERE sha256 = ANY($1::text[])', [[...storedShas, ...indexOnly]]);
    expect(left[0]?.n).toBe(0);
  });

  it('the garbage job deletes an unreferenced file from the bucket', async () => {
    const { sha256 } = await put(uniqueContent());
    await t.engine.query(`UPDATE blobs SET touched_at = now() - interval '2 days' WHERE sha256 = $1`, [sha256]);
    await inTransaction(t.deps, (c) => collectBlobGarbage(c, 24 * 3_600_000));
    expect(await countRows(sha256)).toBe(0);
    expect(await head(sha256)).toMatchObject({ name: 'NotFound' });
  });

  it('serves a photo uploaded with MEDREG_BLOB_STORE=s3 back from the bucket (上传照片 → 查看照片)', async () => {
    const p = await makeApplicant(t.app, t.deps);
    const draft = await startFirstRegistration(p.agent);
    const res = await uploadPhoto(p.agent, draft.id, await sampleJpeg({ width: 100, height: 140 }), 'me.jpeg');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as PresentedApp & { form: { photoUrl: string } };
    const sha = body.payload.photoSha256 as string;
    const stored = (await t.deps.blobs.get(t.deps.db, sha))!;
    expect(await head(sha)).toMatchObject({ ContentType: 'image/jpeg', ContentLength: stored.length });
    const photo = await p.agent.get(body.form.photoUrl);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.rawPayload.equals(stored)).toBe(true);
  });
});
