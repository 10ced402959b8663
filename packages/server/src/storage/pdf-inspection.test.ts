import { createDeflate } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { inspectPdf } from './pdf-inspection';
import { UploadRefusedError } from './upload-refusal';

/** `megabytes` of spaces, deflated (about 1 kB per MB), streamed so the test never holds them. */
async function deflatedSpaces(megabytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < megabytes; i++) if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** A small PDF whose compressed object stream expands to `megabytes` when parsed (a decompression bomb). */
async function objectStreamBomb(megabytes: number): Promise<Buffer> {
  const body = await deflatedSpaces(megabytes);
  const head = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n'
    + `3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${body.length} >>\nstream\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body, Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n', 'latin1')]);
}

describe('the PDF check', () => {
  it('refuses a PDF that takes too long to parse, and the server goes on answering meanwhile', async () => {
    const bomb = await objectStreamBomb(600);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    let ticks = 0;
    const ticker = setInterval(() => { ticks++; }, 20);
    const started = Date.now();
    const refusal = await inspectPdf(bomb, { timeLimitMs: 1500 }).catch((e: unknown) => e);
    clearInterval(ticker);
    expect(refusal).toBeInstanceOf(UploadRefusedError);
    expect((refusal as UploadRefusedError).reason).toBe('too_complex');
    expect(Date.now() - started).toBeLessThan(4000);
    // The parse ran in a worker: the event loop kept its timers (about 75 in 1.5 s).
    expect(ticks).toBeGreaterThan(30);
  });

  it('returns a document that opens with the same pages', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 300]);
    doc.addPage([300, 200]);
    const out = await inspectPdf(Buffer.from(await doc.save()));
    const again = await PDFDocument.load(out);
    expect(again.getPages().map((p) => [p.getWidth(), p.getHeight()])).toEqual([[200, 300], [300, 200]]);
  });
});
