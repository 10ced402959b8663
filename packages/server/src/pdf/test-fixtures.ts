import { crc32, deflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ApplicationFormData } from './application-form';
import type { CertificateData } from './certificate';
import type { RefusalDecisionData } from './refusal-decision';

/** Realistic sample data and PDF-reading helpers for the pdf tests (synthetic people, §4 formats). */

/** A small PNG portrait placeholder: white background, a grey head and shoulders (5 : 7). */
export function samplePhotoPng(width = 100, height = 140): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const head = (x - width / 2) ** 2 + (y - height * 0.38) ** 2 < (width * 0.2) ** 2;
      const shoulders = y > height * 0.62 && (x - width / 2) ** 2 / (width * 0.45) ** 2 + (y - height) ** 2 / (height * 0.36) ** 2 < 1;
      const [r, g, b] = head ? [214, 180, 150] : shoulders ? [40, 62, 96] : [250, 250, 250];
      raw.set([r, g, b], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (tag: string, body: Buffer) => {
    const out = Buffer.alloc(12 + body.length);
    out.writeUInt32BE(body.length, 0);
    out.write(tag, 4, 'latin1');
    body.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function makeApplicationForm(overrides: Partial<ApplicationFormData> = {}): ApplicationFormData {
  return {
    businessCode: 'BT012026100800000017',
    businessTypeLabel: '首次注册',
    submittedAt: '2026-10-08T02:15:00Z',
    physician: {
      name: '欧阳晓燕',
      sex: '女',
      birthDate: '1990-03-07',
      idNumber: '11010819900307462X',
      phone: '13911112222',
      email: 'ouyang.xiaoyan@example.cn',
    },
    qualification: {
      certCode: '20261111011010819900307462X',
      admissionTicketNo: '261101100123',
      levelLabel: '执业医师',
      categoryLabel: '临床',
      obtainedDate: '2026-09-15',
    },
    proposed: {
      practiceLocation: '北京市海淀区',
      institutionName: '北京大学第三医院',
      categoryLabel: '临床',
      scopes: ['内科专业', '全科医学专业'],
      department: '心血管内科',
      startDate: '2026-11-01',
    },
    education: { education: '研究生', degree: '医学博士', school: '北京大学医学部', major: '临床医学', graduationDate: '2025-07-01' },
    title: '住院医师',
    photo: samplePhotoPng(),
    institutionOpinion: { decision: '经核实，申请人信息属实，同意申请。', by: '王建国', at: '2026-10-09T01:30:00Z' },
    authority: { name: '北京市海淀区卫生健康委员会' },
    generatedAt: '2026-10-09T01:32:10Z',
    ...overrides,
  };
}

export function makeCertificate(overrides: Partial<CertificateData> = {}): CertificateData {
  return {
    licenceCode: '110110108000123',
    physician: { name: '欧阳晓燕', sex: '女', birthDate: '1990-03-07', idNumberMasked: '110108********462X' },
    levelLabel: '执业医师',
    categoryLabel: '临床',
    scopes: ['内科专业', '全科医学专业'],
    practiceLocation: '北京市海淀区',
    institutionName: '北京大学第三医院',
    issuingAuthority: '北京市海淀区卫生健康委员会',
    approvedOn: '2026-10-20',
    verifyUrl: 'https://medreg.example.cn/verify/110110108000123?t=8f3a91c2',
    photo: samplePhotoPng(),
    issuedOn: '2026-10-21',
    ...overrides,
  };
}

export function makeRefusalDecision(overrides: Partial<RefusalDecisionData> = {}): RefusalDecisionData {
  return {
    documentNo: '京海卫医不注〔2026〕12号',
    physicianName: '欧阳晓燕',
    idNumberMasked: '110108********462X',
    businessCode: 'BT012026100800000017',
    businessTypeLabel: '首次注册',
    institutionName: '北京大学第三医院',
    authorityName: '北京市海淀区卫生健康委员会',
    reasons:
      '经核查，你于2025年3月因犯罪受到刑事处罚，自刑罚执行完毕之日起至申请注册之日止不满二年。\n' +
      '根据《中华人民共和国医师法》第十六条第（二）项“受刑事处罚，刑罚执行完毕不满二年或者被依法禁止从事医师职业的期限未满”的规定，不予注册。',
    decidedAt: '2026-10-28',
    ...overrides,
  };
}

/** The text of each page (pdfjs-dist), items joined without separators, and the page count. */
export async function readPdfText(pdf: Buffer): Promise<{ pages: string[]; numPages: number }> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= document.numPages; i++) {
    const content = await (await document.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  const numPages = document.numPages;
  await document.destroy();
  return { pages, numPages };
}
