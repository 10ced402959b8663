import { COLOR, contentBox, fitSize, setFont, writeLine } from './layout';

/** The signature parts of the 审核表: the applicant's declaration and the two review opinions. */

export interface OpinionBlock {
  title: string;
  /** Who gives the opinion (the institution or the authority), under the title. */
  party: string;
  label: string;
  /** Pre-filled opinion; empty leaves ruled lines for a handwritten one. */
  opinion: string;
  by: string;
  at: string;
}

const PAD = 8;
const GAP = 12;
const TEXT_SIZE = 10;
/** Pitch of the ruled lines; a pre-filled opinion is set on the same pitch. */
const RULE_PITCH = 20;
const HEAD = 46; // title bar and party line
const FOOT = 60; // 经办人 / 签章 / 日期
const MIN_RULES = 3;

/** Starts a new page when `height` does not fit below `y`; returns where to draw. */
function keepTogether(doc: PDFKit.PDFDocument, y: number, height: number): number {
  if (y + height <= contentBox(doc).bottom) return y;
  doc.addPage();
  return contentBox(doc).top;
}

/** 申请人承诺 with the signature and date lines. */
export function drawDeclaration(doc: PDFKit.PDFDocument, top: number): number {
  const box = contentBox(doc);
  const height = 46;
  const y = keepTogether(doc, top, height);
  doc.save().lineWidth(0.6).rect(box.left, y, box.width, height).stroke().restore();
  setFont(doc, TEXT_SIZE, { bold: true });
  writeLine(doc, '申请人承诺', box.left + PAD, y + 7);
  setFont(doc, TEXT_SIZE);
  writeLine(doc, '本人承诺所填信息真实有效，所附材料真实、合法；如有虚假，本人愿承担相应法律责任。', box.left + 78, y + 7);
  writeLine(doc, '申请人（签名）：', box.left + 250, y + 27);
  writeLine(doc, '日期：　　　年　　月　　日', box.right - 150, y + 27);
  return y + height;
}

/** The opinion blocks side by side, as tall as the longest pre-filled opinion needs. */
export function drawOpinions(doc: PDFKit.PDFDocument, top: number, blocks: OpinionBlock[]): void {
  const box = contentBox(doc);
  const width = (box.width - GAP * (blocks.length - 1)) / blocks.length;
  setFont(doc, TEXT_SIZE);
  const lineGap = RULE_PITCH - doc.currentLineHeight(true);
  const rules = Math.max(
    MIN_RULES,
    ...blocks.map((b) => {
      if (!b.opinion) return 0;
      const textWidth = width - 2 * PAD - doc.widthOfString(`${b.label}：`);
      return Math.ceil(doc.heightOfString(b.opinion, { width: textWidth, lineGap }) / RULE_PITCH);
    }),
  );
  const needed = HEAD + rules * RULE_PITCH + FOOT;
  const y = keepTogether(doc, top, needed);
  // Use the rest of the page for handwriting, within reason.
  const height = Math.max(needed, Math.min(needed + 60, contentBox(doc).bottom - y));
  blocks.forEach((block, i) => drawOpinion(doc, box.left + i * (width + GAP), y, width, height, block, lineGap));
}

function drawOpinion(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  width: number,
  height: number,
  block: OpinionBlock,
  lineGap: number,
): void {
  const inner = width - 2 * PAD;
  const bottom = y + height;
  doc.save().lineWidth(0.6);
  doc.rect(x, y, width, 22).fillAndStroke('#dcdcdc', COLOR.rule);
  doc.rect(x, y, width, height).stroke();
  doc.restore();
  setFont(doc, TEXT_SIZE, { bold: true });
  writeLine(doc, block.title, x + PAD, y + 5);
  setFont(doc, fitSize(doc, block.party, inner, 8.5, 6.5), { color: COLOR.muted });
  doc.text(block.party, x + PAD, y + 28, { width: inner, height: 12, ellipsis: true, lineBreak: false });

  setFont(doc, TEXT_SIZE);
  const label = `${block.label}：`;
  const labelW = doc.widthOfString(label);
  writeLine(doc, label, x + PAD, y + HEAD);
  if (block.opinion) doc.text(block.opinion, x + PAD + labelW, y + HEAD, { width: inner - labelW, lineGap });
  // Ruled lines under the opinion, down to the signature lines.
  doc.save().lineWidth(0.4).strokeColor('#9a9a9a');
  for (let ly = y + HEAD + 14; ly <= bottom - FOOT + 6; ly += RULE_PITCH) {
    doc.moveTo(x + PAD + labelW, ly).lineTo(x + width - PAD, ly).stroke();
  }
  doc.restore();

  setFont(doc, TEXT_SIZE);
  writeLine(doc, `经办人：${block.by}`, x + PAD, bottom - 44);
  writeLine(doc, '（签章）', x + PAD, bottom - 44, { width: inner, align: 'right' });
  writeLine(doc, `日期：${block.at || '　　　年　　月　　日'}`, x + PAD, bottom - 22, { width: inner, align: 'right' });
}
