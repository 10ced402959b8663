import { COLOR, fitSize, setFont } from './layout';

/** A bordered label/value grid, drawn row by row (the 审核表 layout). */

export interface Cell {
  text: string;
  width: number;
  /** A label cell: shaded, centred, slightly smaller. A value that is one token (a code, an e-mail) shrinks to fit one line. */
  label?: boolean;
  /** A value set in bold (a changed item on the 审核表). */
  bold?: boolean;
  /** A value set in grey (同左: unchanged). */
  muted?: boolean;
}

const PAD_X = 5;
const PAD_Y = 5;
const LABEL_SIZE = 9;
const VALUE_SIZE = 10;
const LINE_GAP = 1.5;

const MIN_FIT_SIZE = 7.5;
/** Codes, ID numbers, phone numbers and e-mail addresses: one token that should not break mid-way. */
const SINGLE_TOKEN = /^[\x21-\x7e]+$/;

function setCellType(doc: PDFKit.PDFDocument, cell: Cell): void {
  const color = cell.label ? '#333333' : cell.muted ? COLOR.muted : COLOR.ink;
  const bold = cell.bold === true;
  if (cell.label) setFont(doc, LABEL_SIZE, { color, bold });
  else if (SINGLE_TOKEN.test(cell.text)) setFont(doc, fitSize(doc, cell.text, cell.width - 2 * PAD_X, VALUE_SIZE, MIN_FIT_SIZE, { bold }), { color, bold });
  else setFont(doc, VALUE_SIZE, { color, bold });
}

/** The height a row needs so that every cell's text fits, and at least `min`. */
export function rowHeight(doc: PDFKit.PDFDocument, cells: Cell[], min: number): number {
  let height = min;
  for (const cell of cells) {
    if (!cell.text) continue;
    setCellType(doc, cell);
    const textHeight = doc.heightOfString(cell.text, { width: cell.width - 2 * PAD_X, lineGap: LINE_GAP });
    height = Math.max(height, textHeight + 2 * PAD_Y);
  }
  return height;
}

/** Draws one row of cells from (x, y): borders, label shading and vertically centred text. */
export function drawRow(doc: PDFKit.PDFDocument, x: number, y: number, cells: Cell[], height: number): void {
  let left = x;
  for (const cell of cells) {
    doc.save().lineWidth(0.6).strokeColor(COLOR.rule);
    if (cell.label) doc.rect(left, y, cell.width, height).fillAndStroke(COLOR.shade, COLOR.rule);
    else doc.rect(left, y, cell.width, height).stroke();
    doc.restore();
    if (cell.text) {
      setCellType(doc, cell);
      const options = { width: cell.width - 2 * PAD_X, lineGap: LINE_GAP, align: cell.label ? ('center' as const) : ('left' as const) };
      const textHeight = doc.heightOfString(cell.text, options);
      doc.text(cell.text, left + PAD_X, y + (height - textHeight) / 2 + 0.5, options);
    }
    left += cell.width;
  }
}

export const SECTION_HEIGHT = 20;

/** A full-width section heading row, e.g. 一、基本信息; returns its height. */
export function drawSectionRow(doc: PDFKit.PDFDocument, x: number, y: number, width: number, title: string): number {
  const height = SECTION_HEIGHT;
  doc.save().lineWidth(0.6).rect(x, y, width, height).fillAndStroke('#dcdcdc', COLOR.rule).restore();
  setFont(doc, 10, { bold: true }).text(title, x + PAD_X, y + 4, { width: width - 2 * PAD_X, lineBreak: false });
  return height;
}
