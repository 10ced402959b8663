import { COLOR, TRACKING, chineseDate, contentBox, displayDateTime, openPdf, setFont, stampFooters, writeLine } from './layout';
import { code128Png, drawPhoto, drawQrCode } from './marks';
import { drawDeclaration, drawOpinions } from './review-blocks';
import { type Cell, SECTION_HEIGHT, drawRow, drawSectionRow, rowHeight } from './table';

/**
 * 《医师执业注册申请审核表》 — the application and review form the institution prints for the
 * paper submission to the authority (domain §1.2 item 11, §2.1 paper step; BT-01 materials item 1).
 */

/** Raise when the layout changes, so that cached renderings (storage/pdf-cache.ts) are made anew. */
export const APPLICATION_FORM_LAYOUT_VERSION = 2;

/** One row of 申请变更事项: an item as registered now and as applied for. */
export interface ChangeRow {
  label: string;
  old: string | null;
  new: string | null;
  changed: boolean;
}

/**
 * A change of a registration (变更注册, 助理升执业, 增加执业地点, 多机构备案, 补发/换领 — the generic path): printed as
 * 申请变更事项, old beside new, instead of 拟注册信息.
 */
export interface ApplicationChange {
  /** e.g. 变更执业范围（增加执业范围）; null when the type has one kind only (增加执业地点). */
  kindLabel: string | null;
  rows: ChangeRow[];
  /** The registration the application starts from, as registered now. */
  current: { licenceCode: string | null } | null;
  department?: string;
  startDate?: string;
  /** 申请理由 as the physician stated it. */
  reason?: string;
  /** Evidence files uploaded with the application (names). */
  attachments: string[];
}

export interface ApplicationFormData {
  /** 业务编号, printed as text, Code 128 and QR. */
  businessCode: string;
  businessTypeLabel: string;
  submittedAt: string;
  physician: {
    name: string;
    sex: '男' | '女';
    birthDate: string;
    /** Shown in full: this form goes to the authority. */
    idNumber: string;
    phone: string;
    email?: string;
  };
  qualification: {
    certCode?: string | null;
    admissionTicketNo?: string | null;
    levelLabel: string;
    categoryLabel: string;
    obtainedDate?: string | null;
  };
  proposed: {
    /** 执业地点, e.g. 北京市 or 北京市海淀区. */
    practiceLocation: string;
    institutionName: string;
    categoryLabel: string;
    scopes: string[];
    department?: string;
    startDate?: string;
  };
  education?: { education?: string; degree?: string; school?: string; major?: string; graduationDate?: string };
  /** 任职资格 (professional title). */
  title?: string | null;
  /** JPEG or PNG. */
  photo?: Buffer | null;
  institutionOpinion?: { decision?: string; by?: string; at?: string } | null;
  /** Present for a change on the generic path; absent (or null) for 首次注册. */
  change?: ApplicationChange | null;
  authority: { name: string };
  generatedAt: string;
}

const MARGIN = { top: 36, bottom: 40, left: 40, right: 40 };
const LABEL_W = 78;
const PHOTO_W = 96;
const ROW_MIN = 24;

/** Renders the form: one A4 portrait page for ordinary data. */
export async function renderApplicationForm(data: ApplicationFormData): Promise<Buffer> {
  const { doc, finish } = await openPdf({
    title: `医师执业注册申请审核表 ${data.businessCode}`,
    subject: `${data.businessTypeLabel} — ${data.physician.name}`,
    author: data.proposed.institutionName,
    margins: MARGIN,
  });
  const box = contentBox(doc);
  let y = await drawHeader(doc, data, box);

  // Rows beside the photo share what the photo leaves; the rows below split the full width.
  const pair = (l1: string, v1: string, l2: string, v2: string, besidePhoto = false): Cell[] => {
    const valueW = (box.width - 2 * LABEL_W - (besidePhoto ? PHOTO_W : 0)) / 2;
    return [
      { text: l1, width: LABEL_W, label: true },
      { text: v1, width: valueW },
      { text: l2, width: LABEL_W, label: true },
      { text: v2, width: valueW },
    ];
  };
  const full = (label: string, value: string): Cell[] => [
    { text: label, width: LABEL_W, label: true },
    { text: value, width: box.width - LABEL_W },
  ];
  const startPageUnless = (height: number) => {
    if (y + height <= box.bottom) return;
    doc.addPage();
    y = contentBox(doc).top;
  };
  const rows = (cells: Cell[][]) => {
    for (const row of cells) {
      const h = rowHeight(doc, row, ROW_MIN);
      startPageUnless(h);
      drawRow(doc, box.left, y, row, h);
      y += h;
    }
  };
  const section = (title: string) => {
    startPageUnless(SECTION_HEIGHT + ROW_MIN); // never leave a heading alone at the foot of a page
    y += drawSectionRow(doc, box.left, y, box.width, title);
  };

  const { physician: p, qualification: q, proposed: r, change } = data;
  const edu = data.education ?? {};
  section('一、基本信息');
  const photoTop = y;
  rows([
    pair('姓名', p.name, '性别', p.sex, true),
    pair('出生日期', p.birthDate, '身份证号码', p.idNumber, true),
    pair('联系电话', p.phone, '电子邮箱', p.email ?? '', true),
    // A change: the certificate it starts from beside the photo (what changes is in 三); 首次注册: the education.
    ...(change
      ? [pair('执业证书编码', change.current?.licenceCode ?? '', '任职资格', data.title ?? '', true)]
      : [
          pair('学历', edu.education ?? '', '学位', edu.degree ?? '', true),
          pair('毕业院校', edu.school ?? '', '所学专业', edu.major ?? '', true),
        ]),
  ]);
  doc.save().lineWidth(0.6).strokeColor(COLOR.rule).rect(box.right - PHOTO_W, photoTop, PHOTO_W, y - photoTop).stroke().restore();
  drawPhoto(doc, data.photo, { x: box.right - PHOTO_W + 6, y: photoTop + 6, width: PHOTO_W - 12, height: y - photoTop - 12 });
  if (!change) rows([pair('毕业时间', edu.graduationDate ?? '', '任职资格', data.title ?? '')]);

  section('二、医师资格信息');
  rows(change
    // Two rows, so that a change with its old and new values stays on one page.
    ? [
        pair('资格证书编码', q.certCode ?? '', '资格级别/类别', [q.levelLabel, q.categoryLabel].filter(Boolean).join(' · ')),
        pair('准考证号', q.admissionTicketNo ?? '', '取得资格日期', q.obtainedDate ?? ''),
      ]
    : [
        pair('资格证书编码', q.certCode ?? '', '准考证号', q.admissionTicketNo ?? ''),
        pair('资格级别', q.levelLabel, '资格类别', q.categoryLabel),
        full('取得资格日期', q.obtainedDate ?? ''),
      ]);

  if (change) {
    // What is applied for names the section: 三、申请变更事项（变更注册：变更执业范围（增加执业范围））.
    section(`三、申请变更事项（${change.kindLabel ? `${data.businessTypeLabel}：${change.kindLabel}` : data.businessTypeLabel}）`);
    rows(changeRows(change, box.width, pair, full));
  } else {
    section('三、拟注册信息');
    rows([
      pair('执业地点', r.practiceLocation, '执业类别', r.categoryLabel),
      full('主要执业机构', r.institutionName),
      full('执业范围', r.scopes.join('、')),
      pair('科室', r.department ?? '', '拟执业起始日期', r.startDate ?? ''),
    ]);
  }

  y = drawDeclaration(doc, y + 10);
  drawOpinions(doc, y + 10, [
    {
      title: '医疗机构意见',
      party: data.proposed.institutionName,
      label: '意见',
      opinion: data.institutionOpinion?.decision ?? '',
      by: data.institutionOpinion?.by ?? '',
      at: data.institutionOpinion?.at ? chineseDate(data.institutionOpinion.at) : '',
    },
    { title: '卫生健康行政部门意见', party: data.authority.name, label: '审核意见', opinion: '', by: '', at: '' },
  ]);
  stampFooters(doc, [`业务编号：${data.businessCode}`, `生成时间：${displayDateTime(data.generatedAt)}`].join('\u3000\u3000'));
  return finish();
}

type Box = ReturnType<typeof contentBox>;

/** 「同左」: the item stays as registered. */
const SAME = '同左';
const NONE = '—';

/**
 * 申请变更事项: 项目 | 原注册信息 | 申请变更为 for each row of the 审核表 (a changed value in bold, an unchanged one 同左),
 * then the place details, the reason and the evidence.
 */
function changeRows(
  change: ApplicationChange,
  width: number,
  pair: (l1: string, v1: string, l2: string, v2: string) => Cell[],
  full: (label: string, value: string) => Cell[],
): Cell[][] {
  const valueW = (width - LABEL_W) / 2;
  const head: Cell[] = [
    { text: '项目', width: LABEL_W, label: true },
    { text: '原注册信息', width: valueW, label: true },
    { text: '申请变更为', width: valueW, label: true },
  ];
  const items = change.rows.map((row): Cell[] => [
    { text: row.label, width: LABEL_W, label: true },
    { text: row.old ?? NONE, width: valueW },
    row.changed
      ? { text: row.new ?? NONE, width: valueW, bold: true }
      : { text: SAME, width: valueW, muted: true },
  ]);
  return [
    head,
    ...items,
    ...(change.department || change.startDate ? [pair('科室', change.department ?? '', '拟执业起始日期', change.startDate ?? '')] : []),
    ...(change.reason ? [full('申请理由', change.reason)] : []),
    ...(change.attachments.length > 0 ? [full('证明材料', change.attachments.join('、'))] : []),
  ];
}

/** Title, the business data at the left, the Code 128 barcode and the QR code at the right. */
async function drawHeader(doc: PDFKit.PDFDocument, data: ApplicationFormData, box: Box): Promise<number> {
  setFont(doc, 19, { bold: true });
  writeLine(doc, '医师执业注册申请审核表', box.left, box.top, { width: box.width, align: 'center', characterSpacing: 19 * TRACKING });

  const top = box.top + 38;
  const qrSize = 62;
  drawQrCode(doc, data.businessCode, box.right - qrSize, top - 4, qrSize);
  const barcode = await code128Png(data.businessCode);
  const barcodeW = 190;
  doc.image(barcode, box.right - qrSize - 10 - barcodeW, top, { fit: [barcodeW, 50], align: 'right', valign: 'center' });

  const lines: [string, string][] = [
    ['业务编号', data.businessCode],
    ['业务类型', data.businessTypeLabel],
    ['提交时间', displayDateTime(data.submittedAt)],
  ];
  lines.forEach(([label, value], i) => {
    setFont(doc, 9.5, { color: COLOR.muted });
    writeLine(doc, `${label}：`, box.left, top + i * 17);
    setFont(doc, 10, { bold: i === 0 });
    writeLine(doc, value, box.left + 50, top + i * 17 - 0.5);
  });
  return top + 66;
}
