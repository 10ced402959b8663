import bwipjs from 'bwip-js/node';
import QRCode from 'qrcode';
import { COLOR, setFont } from './layout';

/** Machine-readable marks, the photo and the drawn seal. */

/** A Code 128 barcode with its human-readable text, as a PNG (bwip-js). */
export function code128Png(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scale: 3,
    height: 9, // bar height in millimetres at scale 1
    includetext: true,
    textxalign: 'center',
    textsize: 9,
    textyoffset: 1,
  });
}

/**
 * Draws a QR code as vector squares (crisp at any zoom), `size` points wide including a
 * two-module quiet zone. Error correction M (15 %) survives a creased or smudged print.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      // One rectangle per horizontal run, slightly overlapping, so viewers show no hairline seams.
      doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (col - start) * cell + 0.05, cell + 0.05);
    }
  }
  doc.fill('#000000').restore();
}

/** pdfkit embeds JPEG and PNG only; anything else is treated as no photo. */
export function isEmbeddableImage(bytes: Buffer | null | undefined): bytes is Buffer {
  if (!bytes || bytes.length < 8) return false;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return jpeg || png;
}

/** Draws the image; false (nothing drawn) for a file pdfkit cannot read — it fails while opening, before drawing. */
function placeImage(doc: PDFKit.PDFDocument, image: Buffer, at: { x: number; y: number; width: number; height: number }): boolean {
  try {
    doc.image(image, at.x, at.y, { fit: [at.width, at.height], align: 'center', valign: 'center' });
    return true;
  } catch {
    return false;
  }
}

/** The 2-inch photo (35 × 49 mm, width : height = 5 : 7), or a labelled empty frame. */
export function drawPhoto(
  doc: PDFKit.PDFDocument,
  photo: Buffer | null | undefined,
  box: { x: number; y: number; width: number; height: number },
): void {
  const width = Math.min(box.width, (box.height * 5) / 7);
  const height = (width * 7) / 5;
  const x = box.x + (box.width - width) / 2;
  const y = box.y + (box.height - height) / 2;
  if (isEmbeddableImage(photo) && placeImage(doc, photo, { x, y, width, height })) {
    doc.save().lineWidth(0.5).strokeColor(COLOR.muted).rect(x, y, width, height).stroke().restore();
    return;
  }
  doc.save().lineWidth(0.6).dash(3, { space: 2 }).strokeColor(COLOR.muted).rect(x, y, width, height).stroke().undash().restore();
  setFont(doc, 12, { color: COLOR.muted }).text('照片', x, y + height / 2 - 16, { width, align: 'center', lineBreak: false });
  setFont(doc, 6.5, { color: COLOR.muted }).text('2寸白底免冠', x, y + height / 2 + 2, { width, align: 'center', lineBreak: false });
}

/** A five-pointed star centred on (cx, cy), pointing up. */
function star(doc: PDFKit.PDFDocument, cx: number, cy: number, outer: number): void {
  const inner = outer * 0.382;
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  doc.polygon(...points).fill();
}

/**
 * A seal-like mark: a red ring, the authority's name along the upper arc and a star. It marks
 * where the official seal goes; it is a drawing, not an electronic signature.
 */
export function drawSeal(doc: PDFKit.PDFDocument, name: string, cx: number, cy: number, radius: number): void {
  const chars = [...name];
  const ring = Math.max(1.6, radius * 0.045);
  doc.save().fillOpacity(0.85).strokeOpacity(0.85).fillColor(COLOR.red).strokeColor(COLOR.red);
  doc.lineWidth(ring).circle(cx, cy, radius - ring / 2).stroke();
  star(doc, cx, cy, radius * 0.28);

  // Size the characters so that they fill at most ~250° of the arc and no more than 0.3 r each.
  const maxSweep = (250 * Math.PI) / 180;
  let size = radius * 0.3;
  const textRadius = () => radius - ring - size * 0.7;
  while (size > 4 && (chars.length * size * 1.05) / textRadius() > maxSweep) size -= 0.25;
  const r = textRadius();
  const step = Math.min((size * 1.15) / r, maxSweep / Math.max(chars.length - 1, 1));
  const first = (-step * (chars.length - 1)) / 2;
  setFont(doc, size, { bold: true, color: COLOR.red });
  doc.fillOpacity(0.85);
  chars.forEach((ch, i) => {
    const angle = first + i * step;
    doc.save();
    doc.translate(cx + r * Math.sin(angle), cy - r * Math.cos(angle));
    doc.rotate((angle * 180) / Math.PI);
    // pdfkit places the top of the line box at y; an ideograph's centre sits ~0.78 em below it.
    doc.text(ch, -size, -size * 0.78, { width: size * 2, align: 'center', lineBreak: false });
    doc.restore();
  });
  doc.restore();
}
