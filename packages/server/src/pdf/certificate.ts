import { COLOR, TRACKING, chineseDate, contentBox, fitSize, openPdf, setFont, writeLine } from './layout';
import { drawPhoto, drawQrCode, drawSeal } from './marks';

/** 电子化医师执业证书 — the physician's practice certificate as an e-licence (BT-10, domain §4.2). */

/** Raise when the layout changes, so that cached renderings (storage/pdf-cache.ts) are made anew. */
export const CERTIFICATE_LAYOUT_VERSION = 2;

export interface CertificateData {
  /** 医师执业证书编码, 15 digits (§4.2). */
  licenceCode: string;
  physician: { name: string; sex: '男' | '女'; birthDate: string; idNumberMasked: string };
  levelLabel: string;
  categoryLabel: string;
  scopes: string[];
  practiceLocation: string;
  institutionName: string;
  issuingAuthority: string;
  approvedOn: string;
  /** Encoded in the QR code; the public verification page (§6). */
  verifyUrl: string;
  /** JPEG or PNG. */
  photo?: Buffer | null;
  /** 证书核发日期 (certificates.issued_on): printed under the issuer, as on the paper certificate. */
  issuedOn: string;
}

const DARK_RED = '#8a1c17';
const GOLD = '#b08d3c';

/** Renders the certificate on one A4 landscape page. */
export async function renderCertificate(data: CertificateData): Promise<Buffer> {
  const { doc, finish } = await openPdf({
    title: `医师执业证书 ${data.licenceCode}`,
    subject: `医师执业证书（电子证照） — ${data.physician.name}`,
    author: data.issuingAuthority,
    layout: 'landscape',
    margins: { top: 40, bottom: 40, left: 40, right: 40 },
  });
  const { width, height } = doc.page;
  drawFrame(doc, width, height);
  const box = contentBox(doc);

  setFont(doc, 34, { bold: true, color: DARK_RED });
  writeLine(doc, '医师执业证书', box.left, 54, { width: box.width, align: 'center', characterSpacing: 34 * TRACKING });
  setFont(doc, 12, { color: DARK_RED });
  writeLine(doc, '（电子证照）', box.left, 102, { width: box.width, align: 'center', characterSpacing: 12 * TRACKING });
  doc.save().lineWidth(0.8).strokeColor(GOLD).moveTo(width / 2 - 150, 126).lineTo(width / 2 + 150, 126).stroke().restore();

  // Three columns: the photo, the items, and the QR code above the issuer and seal.
  const top = 148;
  drawPhoto(doc, data.photo, { x: 66, y: top, width: 110, height: 154 });
  drawFields(doc, fieldRows(data), { x: 200, y: top - 2, width: 390, bottom: height - 84 });

  const column = { x: 603, width: 200 };
  const qrSize = 118;
  const qrX = column.x + (column.width - qrSize) / 2;
  drawQrCode(doc, data.verifyUrl, qrX, top, qrSize);
  doc.save().lineWidth(0.5).strokeColor(GOLD).rect(qrX - 4, top - 4, qrSize + 8, qrSize + 8).stroke().restore();
  setFont(doc, 10, { bold: true, color: DARK_RED });
  writeLine(doc, '扫码核验证书真伪', column.x, top + qrSize + 10, { width: column.width, align: 'center' });
  setFont(doc, 6.5, { color: COLOR.muted });
  doc.text(data.verifyUrl, column.x, top + qrSize + 26, { width: column.width, align: 'center', height: 20, ellipsis: true });

  // Issuer and the date of issue with the seal pressing on them, as on the paper certificate.
  const issuerY = height - 150;
  drawSeal(doc, data.issuingAuthority, column.x + column.width / 2, issuerY + 14, 52);
  setFont(doc, fitSize(doc, data.issuingAuthority, column.width, 13, 7));
  writeLine(doc, data.issuingAuthority, column.x, issuerY, { width: column.width, align: 'center' });
  setFont(doc, 12);
  writeLine(doc, `核发日期 ${chineseDate(data.issuedOn)}`, column.x, issuerY + 24, { width: column.width, align: 'center' });

  setFont(doc, 8, { color: COLOR.muted });
  writeLine(doc, '本证照由医师电子化注册信息系统生成。证照信息以扫描二维码核验的结果为准。', 66, height - 66, {
    width: 400,
  });
  return finish();
}

/** A double border in dark red with a gold hairline inside, and corner marks. */
function drawFrame(doc: PDFKit.PDFDocument, width: number, height: number): void {
  doc.save();
  doc.rect(0, 0, width, height).fill('#fffdf7');
  doc.lineWidth(4).strokeColor(DARK_RED).rect(20, 20, width - 40, height - 40).stroke();
  doc.lineWidth(0.8).strokeColor(GOLD).rect(28, 28, width - 56, height - 56).stroke();
  const corner = 18;
  for (const [x, y, dx, dy] of [
    [34, 34, 1, 1],
    [width - 34, 34, -1, 1],
    [34, height - 34, 1, -1],
    [width - 34, height - 34, -1, -1],
  ] as const) {
    doc.lineWidth(1.2).strokeColor(GOLD).moveTo(x, y + dy * corner).lineTo(x, y).lineTo(x + dx * corner, y).stroke();
  }
  doc.restore();
}

type Field = [label: string, value: string];

/** The certificate's items, one or two to a line. */
function fieldRows(data: CertificateData): Field[][] {
  const p = data.physician;
  return [
    [['执业证书编码', data.licenceCode]],
    [['姓　　名', p.name], ['性　　别', p.sex]],
    [['出生日期', p.birthDate], ['身份证号', p.idNumberMasked]],
    [['医师级别', data.levelLabel], ['执业类别', data.categoryLabel]],
    [['执业范围', data.scopes.join('、')]],
    [['执业地点', data.practiceLocation]],
    [['主要执业机构', data.institutionName]],
    [['批准注册日期', chineseDate(data.approvedOn)]],
  ];
}

/** Label widths: six-character labels on the left, four-character ones in the right-hand column. */
const LABEL_W = [84, 60] as const;
const COLUMN_GAP = 12;
/** Codes and ID numbers shrink to stay on one line rather than break. */
const SINGLE_TOKEN = /^[\x21-\x7e]+$/;
const EMPHASISED = new Set(['执业证书编码', '姓　　名']);

/**
 * Draws label : value lines with a hairline under each value, at the largest value size
 * (12 pt down to 8.5 pt) at which all of them fit above `bottom`; a long scope list or
 * institution name shrinks the type instead of running into the seal.
 */
function drawFields(doc: PDFKit.PDFDocument, rows: Field[][], area: { x: number; y: number; width: number; bottom: number }): void {
  let size = 12;
  while (size > 8.5 && area.y + layoutFields(doc, rows, area, size, false) > area.bottom) size -= 0.5;
  layoutFields(doc, rows, area, size, true);
}

/** Measures (and with `draw`, draws) the fields at a value size; returns their height. */
function layoutFields(doc: PDFKit.PDFDocument, rows: Field[][], area: { x: number; y: number; width: number }, size: number, draw: boolean): number {
  const scale = size / 12;
  const half = (area.width - COLUMN_GAP) / 2;
  let top = area.y;
  for (const row of rows) {
    const cellW = row.length === 1 ? area.width : half;
    let lineH = 28 * scale;
    row.forEach(([label, value], i) => {
      const x = area.x + i * (half + COLUMN_GAP);
      const labelW = LABEL_W[i === 0 ? 0 : 1];
      const options = { width: cellW - labelW, lineGap: 2 * scale };
      const bold = EMPHASISED.has(label);
      setFont(doc, SINGLE_TOKEN.test(value) ? fitSize(doc, value, options.width, size, 7, { bold }) : size, { bold });
      lineH = Math.max(lineH, doc.heightOfString(value, options) + 12 * scale);
      if (!draw) return;
      doc.text(value, x + labelW, top + 7 * scale, options);
      setFont(doc, 10 * Math.max(scale, 0.9), { color: DARK_RED });
      writeLine(doc, label, x, top + 9 * scale);
    });
    if (draw) {
      doc.save().lineWidth(0.4).strokeColor('#c9b48a');
      row.forEach((_, i) => {
        const x = area.x + i * (half + COLUMN_GAP);
        doc.moveTo(x + LABEL_W[i === 0 ? 0 : 1], top + lineH).lineTo(x + cellW, top + lineH).stroke();
      });
      doc.restore();
    }
    top += lineH + 4 * scale;
  }
  return top - area.y;
}
