// Files people upload, made in the test: real JPEGs and PNGs (with EXIF where asked), PDFs with or without
// active content, and the malformed ones an upload check must refuse.
import { randomBytes } from 'node:crypto';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import sharp from 'sharp';

export const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>\n');
export const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

/** A flat-coloured JPEG; with `exif`, camera and GPS tags (a position in Beijing) and the given orientation. */
export async function sampleJpeg(o: { width?: number; height?: number; exif?: boolean; orientation?: number } = {}): Promise<Buffer> {
  let image = sharp({ create: { width: o.width ?? 120, height: o.height ?? 160, channels: 3, background: { r: 240, g: 240, b: 250 } } }).jpeg({ quality: 95 });
  if (o.exif) {
    image = image.withExif({
      IFD0: { Make: 'MedregPhone', Model: 'Camera 12', Software: 'Gallery 1.0' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 27/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 17/1' },
    });
  }
  if (o.orientation) image = image.withMetadata({ orientation: o.orientation });
  return image.toBuffer();
}

/** A PNG of random pixels: it does not compress, so its size is about width × height × 3 bytes, stored or sent. */
export async function noisePng(width: number, height: number): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** Whether an EXIF block points to a GPS directory (tag 0x8825, in either byte order). */
function hasGpsDirectory(exif: Buffer | undefined): boolean {
  return exif !== undefined && (exif.includes(Buffer.from([0x88, 0x25, 0x00, 0x04])) || exif.includes(Buffer.from([0x25, 0x88, 0x04, 0x00])));
}

/** Width, height and format as a decoder reads them, and whether EXIF and a GPS position are there. */
export async function decoded(content: Buffer): Promise<{ format: string; width: number; height: number; exif: boolean; gps: boolean }> {
  const m = await sharp(content, { failOn: 'warning' }).metadata();
  // Decoding to the end proves the file is whole, not only its header.
  await sharp(content, { failOn: 'warning' }).raw().toBuffer();
  return { format: m.format, width: m.width, height: m.height, exif: m.exif !== undefined, gps: hasGpsDirectory(m.exif) };
}

/**
 * A PDF of `pages` pages (default 1) saying `text`, with an author in its document information; `classic`:
 * a plain cross-reference table and trailer instead of compressed object streams.
 */
export async function samplePdf(o: { text?: string; pages?: number; classic?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setAuthor('Scanner Operator');
  for (let i = 0; i < (o.pages ?? 1); i++) doc.addPage([300, 400]).drawText(o.text ?? 'Physician qualification certificate', { x: 20, y: 360, size: 12 });
  return Buffer.from(await doc.save({ useObjectStreams: !o.classic, addDefaultPage: false }));
}

/** A PDF that runs JavaScript when opened (/OpenAction), as an uncompressed file so a raw look can find it. */
export async function pdfWithOpenActionScript(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 400]);
  const action = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hi")') });
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A PDF with a file embedded in it (/Names /EmbeddedFiles). */
export async function pdfWithEmbeddedFile(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 400]);
  await doc.attach(Buffer.from('MZ pretend executable'), 'setup.exe', { mimeType: 'application/octet-stream' });
  return Buffer.from(await doc.save());
}

/** A PDF whose first page runs an action when opened (/AA on the page). */
export async function pdfWithPageAction(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 400]);
  const action = doc.context.obj({ S: 'URI', URI: PDFString.of('https://example.invalid/') });
  page.node.set(PDFName.of('AA'), doc.context.obj({ O: action }));
  return Buffer.from(await doc.save());
}

/** The PDF with its trailer naming an encryption dictionary (as a password-protected file does). */
export function withEncryptDictionary(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('trailer');
  if (at < 0) throw new Error('the sample must have a classic trailer (save with useObjectStreams: false)');
  return Buffer.from(`${text.slice(0, at)}trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>${text.slice(at + 'trailer\n<<'.length)}`, 'latin1');
}
