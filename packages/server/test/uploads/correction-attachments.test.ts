// 资格补改 attachments: JPEG, PNG or PDF by their content, decoded or parsed completely, stored rewritten; PDFs
// with active content, encrypted or empty refused; at most 3, each within 2 MB and together within 5 MB.
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '@medreg/domain';
import { qualificationCorrections } from '../../src/db/schema/index';
import { samplePhotoPng } from '../../src/pdf/test-fixtures';
import { expectProblem } from '../helpers/agent';
import { submitCorrection, type FormFile } from '../helpers/corrections-factories';
import { makeAuthority } from '../helpers/factories';
import { countRows, signUp } from '../helpers/physicians-factories';
import { createTestApp, type TestApp } from '../helpers/test-app';
import {
  decoded, HTML, JPEG_SIGNATURE, noisePng, pdfWithEmbeddedFile, pdfWithOpenActionScript, pdfWithPageAction, sampleJpeg, samplePdf,
  withEncryptDictionary,
} from '../helpers/upload-samples';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await makeAuthority(t.deps, { areaCode: '000000', level: 'national', name: '国家卫生健康委员会' });
});
afterAll(async () => { await t.close(); });

const PNG = samplePhotoPng(100, 140);
const png = (filename = '证书.png'): FormFile => ({ filename, type: 'image/png', data: PNG });

/** Files a request and returns the bytes stored for each attachment. */
async function filedAndStored(files: FormFile[]): Promise<Buffer[]> {
  const s = await signUp(t.app);
  const res = await submitCorrection(s.agent, '资格库中查不到我的记录', files);
  expect(res.statusCode, res.body).toBe(201);
  const [row] = await t.deps.db.select().from(qualificationCorrections).where(eq(qualificationCorrections.id, (res.json() as { id: string }).id));
  return Promise.all(row!.attachments.map(async (sha) => (await t.deps.blobs.get(t.deps.db, sha))!));
}

/** Refused with `code` on `path`, and no request and no file stored. */
async function expectRefused(files: FormFile[], code: string, path: (string | number)[]) {
  const s = await signUp(t.app);
  const before = await countRows(t.deps, ['qualification_corrections', 'blobs']);
  const problem = expectProblem(await submitCorrection(s.agent, '资格库中查不到我的记录', files), 400, code);
  expect(problem.errors?.[0]?.path).toEqual(path);
  expect(await countRows(t.deps, ['qualification_corrections', 'blobs'])).toEqual(before);
  return problem as typeof problem & { activeContent?: string };
}

describe('images among the attachments', () => {
  it('《个人信息保护法》第六条: are stored re-encoded, without the EXIF and GPS position of the phone that took them', async () => {
    const photo = await sampleJpeg({ width: 200, height: 150, exif: true });
    const [stored] = await filedAndStored([{ filename: '身份证.jpg', type: 'image/jpeg', data: photo }]);
    expect(await decoded(stored!)).toEqual({ format: 'jpeg', width: 200, height: 150, exif: false, gps: false });
  });

  it('refuse a JPEG signature followed by an HTML page, naming the file by its place', async () => {
    const problem = await expectRefused([png(), { filename: '证书.jpg', type: 'image/jpeg', data: Buffer.concat([JPEG_SIGNATURE, HTML]) }], 'ATTACHMENT_UNREADABLE', ['attachments', 1]);
    expect(problem.detail).toContain('证书.jpg');
  });

  it('refuse a truncated PNG', async () => {
    await expectRefused([{ filename: 'scan.png', type: 'image/png', data: PNG.subarray(0, 200) }], 'ATTACHMENT_UNREADABLE', ['attachments', 0]);
  });

  it('refuse an HTML page named like an image or a PDF, whatever the declared type', async () => {
    await expectRefused([png(), png('b.png'), { filename: 'scan.jpg', type: 'image/jpeg', data: HTML }], 'ATTACHMENT_TYPE_NOT_ALLOWED', ['attachments', 2]);
    await expectRefused([{ filename: 'scan.pdf', type: 'application/pdf', data: HTML }], 'ATTACHMENT_TYPE_NOT_ALLOWED', ['attachments', 0]);
  });

  it('lose what a polyglot carries after the image', async () => {
    const [stored] = await filedAndStored([{ filename: 'scan.png', type: 'image/png', data: Buffer.concat([PNG, HTML]) }]);
    expect(stored!.includes('<script')).toBe(false);
    expect(await decoded(stored!)).toMatchObject({ format: 'png', width: 100, height: 140 });
  });
});

describe('PDF attachments', () => {
  it('are stored re-saved: what followed %%EOF and the document information are gone, the pages stay', async () => {
    const pdf = await samplePdf({ pages: 2 });
    expect(pdf.includes('Scanner Operator')).toBe(false); // pdf-lib writes the author as UTF-16 hex
    const withTail = Buffer.concat([pdf, HTML]);
    const [stored] = await filedAndStored([{ filename: '证书.pdf', type: 'application/pdf', data: withTail }]);
    expect(stored!.includes('<script')).toBe(false);
    expect(stored!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const reopened = await PDFDocument.load(stored!, { updateMetadata: false });
    expect(reopened.getPageCount()).toBe(2);
    expect(reopened.getAuthor()).toBeUndefined();
    expect((await PDFDocument.load(pdf, { updateMetadata: false })).getAuthor()).toBe('Scanner Operator');
  });

  it('《网络安全法》第二十一条: refuse a PDF that runs JavaScript when opened', async () => {
    const problem = await expectRefused([{ filename: '证书.pdf', type: 'application/pdf', data: await pdfWithOpenActionScript() }], 'ATTACHMENT_ACTIVE_CONTENT', ['attachments', 0]);
    expect(problem.activeContent).toBe('javascript');
    expect(problem.detail).toContain('JavaScript');
  });

  it('see through an escaped name (/J#61vaScript is /JavaScript)', async () => {
    const escaped = Buffer.from((await pdfWithOpenActionScript()).toString('latin1').replace('/S /JavaScript', '/S /J#61vaScript'), 'latin1');
    expect(escaped.includes('/S /J#61vaScript')).toBe(true);
    const problem = await expectRefused([{ filename: 'a.pdf', data: escaped }], 'ATTACHMENT_ACTIVE_CONTENT', ['attachments', 0]);
    expect(problem.activeContent).toBe('javascript');
  });

  it('refuse a PDF with an embedded file, and one with an automatic page action', async () => {
    expect((await expectRefused([{ filename: 'a.pdf', data: await pdfWithEmbeddedFile() }], 'ATTACHMENT_ACTIVE_CONTENT', ['attachments', 0])).activeContent).toBe('embedded_file');
    expect((await expectRefused([png(), { filename: 'b.pdf', data: await pdfWithPageAction() }], 'ATTACHMENT_ACTIVE_CONTENT', ['attachments', 1])).activeContent).toBe('additional_actions');
  });

  it('refuse an encrypted PDF', async () => {
    const encrypted = withEncryptDictionary(await samplePdf({ classic: true }));
    await expectRefused([{ filename: 'locked.pdf', data: encrypted }], 'ATTACHMENT_ENCRYPTED', ['attachments', 0]);
  });

  it('refuse a PDF that does not parse, a truncated one, and one without a page', async () => {
    await expectRefused([{ filename: 'a.pdf', data: Buffer.from('%PDF-1.4\n% nothing else\n') }], 'ATTACHMENT_UNREADABLE', ['attachments', 0]);
    const pdf = await samplePdf({ classic: true });
    await expectRefused([{ filename: 'b.pdf', data: pdf.subarray(0, Math.floor(pdf.length / 2)) }], 'ATTACHMENT_UNREADABLE', ['attachments', 0]);
    const empty = await expectRefused([{ filename: 'c.pdf', data: await samplePdf({ pages: 0 }) }], 'ATTACHMENT_UNREADABLE', ['attachments', 0]);
    expect(empty.detail).toContain('没有任何页面');
  });
});

describe('the attachments of one request together', () => {
  it('are refused past 5 MB as stored, before anything is stored', async () => {
    const big = await noisePng(800, 800);
    expect(big.length).toBeLessThan(UPLOAD_LIMITS.attachmentBytes);
    expect(3 * big.length).toBeGreaterThan(UPLOAD_LIMITS.correctionTotalBytes);
    const files = [1, 2, 3].map((i) => ({ filename: `扫描${i}.png`, type: 'image/png', data: big }));
    const problem = await expectRefused(files, 'ATTACHMENTS_TOTAL_TOO_LARGE', ['attachments']);
    expect(problem.detail).toContain('5 MB');
  });

  it('are accepted within 5 MB', async () => {
    const big = await noisePng(800, 800);
    const stored = await filedAndStored([{ filename: '1.png', data: big }, { filename: '2.png', data: big }]);
    expect(stored.reduce((n, b) => n + b.length, 0)).toBeLessThanOrEqual(UPLOAD_LIMITS.correctionTotalBytes);
  });

  it('are at most 3', async () => {
    await expectRefused([png('1.png'), png('2.png'), png('3.png'), png('4.png')], 'TOO_MANY_ATTACHMENTS', ['attachments']);
  });
});
