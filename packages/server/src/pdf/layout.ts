// pdfkit is loaded by the first PDF, not at start (docs/architecture.md § Runtime).
import { FONT, registerFonts } from './fonts';

/** Shared page set-up, type and small drawing helpers for the generated documents. */

export const COLOR = {
  ink: '#1a1a1a',
  muted: '#5f5f5f',
  rule: '#3a3a3a',
  shade: '#eeeeee',
  /** 印章红 — seal and 红头 red. */
  red: '#c8161d',
} as const;

/**
 * Letter-spacing for headings, in em. Wider gaps read as word breaks to text extraction
 * (pdf.js inserts a space above 0.102 em), which would break search and copy of a title.
 */
export const TRACKING = 0.09;

export interface PdfSetup {
  title: string;
  subject: string;
  /** Shown as the PDF author (the institution or authority the document is about). */
  author: string;
  layout?: 'portrait' | 'landscape';
  margins: { top: number; bottom: number; left: number; right: number };
}

export interface OpenPdf {
  doc: PDFKit.PDFDocument;
  /** Ends the document and resolves to its bytes. */
  finish(): Promise<Buffer>;
}

/** An A4 document with the CJK fonts registered; pages are buffered so footers can count them. */
export async function openPdf(setup: PdfSetup): Promise<OpenPdf> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    layout: setup.layout ?? 'portrait',
    margins: setup.margins,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: setup.title, Subject: setup.subject, Author: setup.author, Creator: 'medreg 医师电子化注册信息系统' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await registerFonts(doc);
  doc.fillColor(COLOR.ink).strokeColor(COLOR.rule);
  return {
    doc,
    finish: () => {
      doc.end();
      return ended;
    },
  };
}

/** Page content box of the current page. */
export function contentBox(doc: PDFKit.PDFDocument): { left: number; right: number; top: number; bottom: number; width: number } {
  const { width, height, margins } = doc.page;
  return {
    left: margins.left,
    right: width - margins.right,
    top: margins.top,
    bottom: height - margins.bottom,
    width: width - margins.left - margins.right,
  };
}

/** Sets the type for the next text: weight, size and colour. */
export function setFont(doc: PDFKit.PDFDocument, size: number, options: { bold?: boolean; color?: string } = {}): PDFKit.PDFDocument {
  return doc.font(options.bold ? FONT.bold : FONT.regular).fontSize(size).fillColor(options.color ?? COLOR.ink);
}

/** The largest size ≤ `size` (and ≥ `min`) at which `text` fits on one line of `width`. */
export function fitSize(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  size: number,
  min: number,
  options: { bold?: boolean; characterSpacing?: number } = {},
): number {
  let s = size;
  while (s > min) {
    setFont(doc, s, options);
    if (doc.widthOfString(text, { characterSpacing: options.characterSpacing }) <= width) break;
    s -= 0.5;
  }
  return s;
}

/**
 * Writes one line of text outside the flow, aligned within `width` from `x`. It never wraps
 * (pdfkit wraps whenever it is given a width, so the position is computed here) and never
 * starts a page.
 */
export function writeLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  options: { width?: number; align?: 'left' | 'center' | 'right'; characterSpacing?: number } = {},
): void {
  const { width, align = 'left', characterSpacing } = options;
  let left = x;
  if (width !== undefined && align !== 'left') {
    const free = width - doc.widthOfString(text, { characterSpacing });
    left = align === 'center' ? x + free / 2 : x + free;
  }
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0; // pdfkit would otherwise start a page for text below the margin
  doc.text(text, left, y, { lineBreak: false, characterSpacing });
  doc.page.margins.bottom = bottom;
}

/**
 * Writes a footer on every page: `left` at the left and the page count at the right, or the
 * 公文 style "— n —" centred (GB/T 9704-2012 §7.5) when `style` is 'gongwen'.
 */
export function stampFooters(doc: PDFKit.PDFDocument, left: string, style: 'count' | 'gongwen' = 'count'): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const box = contentBox(doc);
    const y = doc.page.height - doc.page.margins.bottom / 2 - 4;
    setFont(doc, 8, { color: COLOR.muted });
    if (style === 'gongwen') {
      writeLine(doc, `— ${i - start + 1} —`, box.left, y, { width: box.width, align: 'center' });
      continue;
    }
    if (left) writeLine(doc, left, box.left, y, { width: box.width * 0.75 });
    writeLine(doc, `第 ${i - start + 1} 页 / 共 ${count} 页`, box.left, y, { width: box.width, align: 'right' });
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const CHINA_UTC_OFFSET_MS = 8 * 3_600_000;

/** Date and minute of an ISO timestamp in 北京时间 (UTC+8, no DST); a timestamp without a zone is taken as 北京时间. */
function beijingParts(value: string): { date: string; time: string } | undefined {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return undefined;
  if (!m[3]) return { date: m[1]!, time: m[2]! };
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  const local = new Date(ms + CHINA_UTC_OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/**
 * A date for the signature line of an official document: '2026-10-08' or an ISO timestamp
 * becomes '2026年10月8日' (GB/T 9704-2012 §7.3.5.1: Arabic numerals, no leading zeros).
 * Anything else is printed as given.
 */
export function chineseDate(value: string): string {
  const m = ISO_DATE.exec(beijingParts(value)?.date ?? value);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : value;
}

/** An ISO timestamp as 'YYYY-MM-DD HH:mm' 北京时间; anything else is printed as given. */
export function displayDateTime(value: string): string {
  const parts = beijingParts(value);
  return parts ? `${parts.date} ${parts.time}` : value;
}
