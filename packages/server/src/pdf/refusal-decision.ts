import { COLOR, TRACKING, chineseDate, contentBox, fitSize, openPdf, setFont, stampFooters, writeLine } from './layout';
import { drawSeal } from './marks';

/**
 * 不予注册决定书 — the written refusal with reasons, sent to the applicant and their institution
 * (《医师法》第十六条, 《医师执业注册管理办法》; domain BT-01 "Refused").
 */
export interface RefusalDecisionData {
  /** 文号, e.g. 京海卫医不注〔2026〕12号. */
  documentNo: string;
  physicianName: string;
  idNumberMasked: string;
  businessCode: string;
  businessTypeLabel: string;
  institutionName: string;
  authorityName: string;
  /** The reasons with their legal basis, as decided; one paragraph per line. */
  reasons: string;
  decidedAt: string;
}

/** The notice of the right to reconsideration or litigation that a refusal must carry (《行政许可法》第三十八条). */
export const APPEAL_NOTICE =
  '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。';
const APPEAL_BASIS = '（《中华人民共和国行政复议法》第二十条、《中华人民共和国行政诉讼法》第四十六条）';

const BODY_SIZE = 12;
const SIGNATURE_HEIGHT = 36 + 12 + 56 + 8; // gap + centre offset + seal radius + air
const COPY_TO_HEIGHT = 40;
const BODY = { lineGap: 7, paragraphGap: 6, align: 'justify' as const, indent: BODY_SIZE * 2 };

/** Renders the decision in the layout of an official document (GB/T 9704-2012, simplified). */
export async function renderRefusalDecision(data: RefusalDecisionData): Promise<Buffer> {
  const { doc, finish } = await openPdf({
    title: `不予注册决定书 ${data.documentNo}`,
    subject: `${data.businessTypeLabel} ${data.businessCode} — ${data.physicianName}`,
    author: data.authorityName,
    margins: { top: 64, bottom: 64, left: 72, right: 72 },
  });
  const box = contentBox(doc);

  // 版头: the issuing authority in red, the document number, the red rule.
  const headSize = fitSize(doc, data.authorityName, box.width, 24, 12, { bold: true, characterSpacing: 24 * TRACKING });
  setFont(doc, headSize, { bold: true, color: COLOR.red });
  writeLine(doc, data.authorityName, box.left, box.top, { width: box.width, align: 'center', characterSpacing: headSize * TRACKING });
  setFont(doc, 11);
  writeLine(doc, data.documentNo, box.left, box.top + 46, { width: box.width, align: 'center' });
  doc.save().lineWidth(1.5).strokeColor(COLOR.red).moveTo(box.left, box.top + 68).lineTo(box.right, box.top + 68).stroke().restore();

  setFont(doc, 22, { bold: true });
  writeLine(doc, '不予注册决定书', box.left, box.top + 88, { width: box.width, align: 'center', characterSpacing: 22 * TRACKING });

  doc.x = box.left;
  doc.y = box.top + 140;
  // 主送: the applicant, identified by name and masked ID number.
  setFont(doc, BODY_SIZE);
  doc.text(`${data.physicianName}（公民身份号码：${data.idNumberMasked}）：`, { lineGap: BODY.lineGap, paragraphGap: BODY.paragraphGap });
  paragraph(
    doc,
    `你经${data.institutionName}提交的${data.businessTypeLabel}申请（业务编号：${data.businessCode}），` +
      '经本机关依法审查，不符合医师执业注册条件。本机关决定不予注册。',
  );
  paragraph(doc, '理由及依据如下：');
  for (const line of data.reasons.split(/\r?\n/).map((s) => s.trim()).filter(Boolean)) paragraph(doc, line);
  paragraph(doc, APPEAL_NOTICE + APPEAL_BASIS);
  paragraph(doc, '特此决定。');

  drawSignature(doc, data);
  drawCopyTo(doc, data.institutionName);
  stampFooters(doc, '', 'gongwen');
  return finish();
}

function paragraph(doc: PDFKit.PDFDocument, text: string): void {
  doc.text(text, contentBox(doc).left, doc.y, { width: contentBox(doc).width, ...BODY });
}

/** 发文机关署名 and 成文日期 at the right, with the seal pressing on both (GB/T 9704-2012 §7.3.5.1). */
function drawSignature(doc: PDFKit.PDFDocument, data: RefusalDecisionData): void {
  // Keep the signature, its seal and the 版记 on one page.
  if (doc.y + SIGNATURE_HEIGHT > contentBox(doc).bottom - COPY_TO_HEIGHT) doc.addPage();
  const box = contentBox(doc);
  const y = doc.y + 36;
  const width = 230;
  const x = box.right - width;
  // Drawn first, so the name and date stay legible through it as through stamp ink.
  drawSeal(doc, data.authorityName, x + width / 2, y + 12, 56);
  setFont(doc, fitSize(doc, data.authorityName, width, BODY_SIZE, 8));
  writeLine(doc, data.authorityName, x, y, { width, align: 'center' });
  setFont(doc, BODY_SIZE);
  writeLine(doc, chineseDate(data.decidedAt), x, y + 24, { width, align: 'center' });
  doc.y = y + SIGNATURE_HEIGHT - 36;
}

/** 版记: 抄送 the applicant's institution, between two rules at the foot of the last page. */
function drawCopyTo(doc: PDFKit.PDFDocument, institutionName: string): void {
  const box = contentBox(doc);
  const y = Math.max(doc.y + 10, box.bottom - COPY_TO_HEIGHT + 8);
  doc.save().lineWidth(0.6).strokeColor(COLOR.ink);
  doc.moveTo(box.left, y).lineTo(box.right, y).stroke();
  doc.moveTo(box.left, y + 28).lineTo(box.right, y + 28).stroke();
  doc.restore();
  setFont(doc, 10.5);
  doc.text(`抄送：${institutionName}。`, box.left + 12, y + 8, { width: box.width - 24, height: 16, ellipsis: true, lineBreak: false });
}
