// The applicant's photo is checked by its content, decoded completely and stored re-encoded without metadata;
// the application's files together stay within UPLOAD_LIMITS.applicationTotalBytes.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, UPLOAD_LIMITS } from '@medreg/domain';
import { reading } from '../../src/context';
import { assertApplicationFilesFit } from '../../src/modules/applications/application-files';
import { expectProblem } from '../helpers/agent';
import { makeApplicant, PNG_PHOTO, PNG_PHOTO_SIZE, startFirstRegistration, uploadPhoto, type PresentedApp } from '../helpers/applications-factories';
import { countRows } from '../helpers/physicians-factories';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { decoded, HTML, JPEG_SIGNATURE, noisePng, sampleJpeg } from '../helpers/upload-samples';

let t: TestApp;
let p: Awaited<ReturnType<typeof makeApplicant>>;
let draft: PresentedApp;
beforeAll(async () => {
  t = await createTestApp();
  p = await makeApplicant(t.app, t.deps);
  draft = await startFirstRegistration(p.agent);
});
afterAll(async () => { await t.close(); });

type Uploaded = PresentedApp & { form: { photoUrl: string } };

/** Uploads and returns the stored bytes, their recorded type, and what the photo address serves. */
async function uploadAndRead(content: Buffer, filename: string) {
  const res = await uploadPhoto(p.agent, draft.id, content, filename);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as Uploaded;
  const sha = body.payload.photoSha256 as string;
  const stored = (await t.deps.blobs.get(t.deps.db, sha))!;
  const [row] = await t.engine.query<{ content_type: string; size_bytes: number }>('SELECT content_type, size_bytes FROM blobs WHERE sha256 = $1', [sha]);
  const served = await p.agent.get(body.form.photoUrl);
  expect(served.rawPayload.equals(stored)).toBe(true);
  return { stored, row: row!, served };
}

/** Refused on the field `photo`, and nothing stored or changed. */
async function expectPhotoRefused(content: Buffer, filename: string, status: number, code: string) {
  const before = { rows: await countRows(t.deps, ['blobs']), app: (await p.agent.get(`/api/v1/applications/${draft.id}`)).json() as PresentedApp };
  const problem = expectProblem(await uploadPhoto(p.agent, draft.id, content, filename), status, code);
  expect(problem.errors?.[0]?.path).toEqual(['photo']);
  expect(await countRows(t.deps, ['blobs'])).toEqual(before.rows);
  const after = (await p.agent.get(`/api/v1/applications/${draft.id}`)).json() as PresentedApp;
  expect({ version: after.version, photo: after.payload.photoSha256 }).toEqual({ version: before.app.version, photo: before.app.payload.photoSha256 });
  return problem;
}

describe('the photo is stored as medreg re-encoded it', () => {
  it('《个人信息保护法》第六条: keeps no GPS position or camera data from the photo', async () => {
    const original = await sampleJpeg({ width: 120, height: 160, exif: true });
    expect(await decoded(original)).toMatchObject({ exif: true, gps: true });
    expect(original.includes('MedregPhone')).toBe(true);
    const { stored, row, served } = await uploadAndRead(original, 'IMG_0001.JPG');
    expect(row).toEqual({ content_type: 'image/jpeg', size_bytes: stored.length });
    expect(await decoded(stored)).toEqual({ format: 'jpeg', width: 120, height: 160, exif: false, gps: false });
    expect(stored.includes('MedregPhone')).toBe(false);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
  });

  it('turns a photo taken sideways upright before dropping its orientation tag', async () => {
    const sideways = await sampleJpeg({ width: 120, height: 160, orientation: 6 });
    const { stored } = await uploadAndRead(sideways, 'sideways.jpg');
    expect(await decoded(stored)).toMatchObject({ width: 160, height: 120, exif: false });
  });

  it('takes a PNG named .jpg as the PNG it is', async () => {
    const { stored, row } = await uploadAndRead(PNG_PHOTO, 'photo.jpg');
    expect(row.content_type).toBe('image/png');
    expect(await decoded(stored)).toMatchObject({ format: 'png', ...PNG_PHOTO_SIZE });
  });

  it('drops what a polyglot carries after the image: the HTML behind a PNG is not stored or served', async () => {
    const polyglot = Buffer.concat([PNG_PHOTO, HTML]);
    const { stored, served } = await uploadAndRead(polyglot, 'photo.png');
    expect(stored.includes('<script')).toBe(false);
    expect(served.rawPayload.includes('<html')).toBe(false);
    expect(await decoded(stored)).toMatchObject({ format: 'png', ...PNG_PHOTO_SIZE });
  });

  it('drops the HTML after the end of a JPEG likewise', async () => {
    const { stored } = await uploadAndRead(Buffer.concat([await sampleJpeg(), HTML]), 'photo.jpg');
    expect(stored.includes('<script')).toBe(false);
    expect((await decoded(stored)).format).toBe('jpeg');
  });
});

describe('a photo that only looks like one is refused, storing nothing', () => {
  it('refuses a JPEG signature followed by an HTML page', async () => {
    const problem = await expectPhotoRefused(Buffer.concat([JPEG_SIGNATURE, HTML]), 'photo.jpg', 400, 'PHOTO_INVALID');
    expect(problem.detail).toContain('已损坏或不完整');
  });

  it('refuses a truncated PNG', async () => {
    await expectPhotoRefused(PNG_PHOTO.subarray(0, PNG_PHOTO.length - 30), 'photo.png', 400, 'PHOTO_INVALID');
  });

  it('refuses an HTML page named photo.png, whatever type the browser declared', async () => {
    await expectPhotoRefused(HTML, 'photo.png', 400, 'PHOTO_INVALID');
  });

  it('refuses an image of more pixels than allowed (a decompression bomb in a small file)', async () => {
    const side = Math.ceil(Math.sqrt(UPLOAD_LIMITS.imageMaxPixels)) + 1;
    const bomb = await sharp({ create: { width: side, height: side, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(UPLOAD_LIMITS.photoBytes);
    const problem = await expectPhotoRefused(bomb, 'photo.png', 400, 'PHOTO_TOO_MANY_PIXELS');
    expect(problem.detail).toContain('4000万像素');
  });
});

describe('the files of one application together', () => {
  it('accept a photo near the single-file limit, counted by what is stored', async () => {
    const large = await noisePng(780, 780);
    expect(large.length).toBeGreaterThan(1.7 * 1024 * 1024);
    const { row } = await uploadAndRead(large, 'large.png');
    expect(row.size_bytes).toBeLessThanOrEqual(UPLOAD_LIMITS.photoBytes);
  });

  it('are summed from the blobs index, a file kept twice counting once, and refused past the limit', async () => {
    const c = reading(t.deps);
    const a = await t.deps.blobs.put(t.deps.db, Buffer.alloc(1000, 1), 'application/pdf');
    const b = await t.deps.blobs.put(t.deps.db, Buffer.alloc(1000, 2), 'application/pdf');
    const incoming = { sha256: 'c'.repeat(64), sizeBytes: 600 };
    await expect(assertApplicationFilesFit(c, [a.sha256, b.sha256], incoming, ['photo'], 2600)).resolves.toBeUndefined();
    const refusal = await assertApplicationFilesFit(c, [a.sha256, b.sha256, a.sha256], incoming, ['photo'], 2599).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'APPLICATION_FILES_TOO_LARGE', status: 413, path: ['photo'], extra: { totalBytes: 2600, limitBytes: 2599 } });
    // Replacing a file with itself adds nothing.
    await expect(assertApplicationFilesFit(c, [a.sha256, b.sha256], { sha256: a.sha256, sizeBytes: 1000 }, ['photo'], 2000)).resolves.toBeUndefined();
  });
});
