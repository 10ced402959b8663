import { describe, it, expect } from 'vitest';
import { renderCertificate } from './certificate';
import { makeCertificate, readPdfText } from './test-fixtures';

describe('renderCertificate', () => {
  it('renders the e-licence on one page with the holder, the licence code and the verification caption', async () => {
    const pdf = await renderCertificate(makeCertificate());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, numPages } = await readPdfText(pdf);
    expect(numPages).toBe(1);
    const text = pages[0]!;
    for (const expected of [
      '医师执业证书',
      '电子证照',
      '110110108000123',
      '欧阳晓燕',
      '110108********462X',
      '执业医师',
      '内科专业、全科医学专业',
      '北京市海淀区',
      '北京大学第三医院',
      '2026年10月20日',
      '核发日期 2026年10月21日',
      '扫码核验证书真伪',
      '北京市海淀区卫生健康委员会',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('11010819900307462X');
  });

  it('stays on one page with a long name, many scopes and a long authority name', async () => {
    const pdf = await renderCertificate(
      makeCertificate({
        physician: { name: '阿卜杜热合曼·买买提艾力·库尔班江', sex: '男', birthDate: '1985-12-31', idNumberMasked: '650102********1234' },
        scopes: Array.from({ length: 16 }, (_, i) => `第${i + 1}执业范围专业`),
        institutionName: '新疆医科大学第一附属医院（新疆维吾尔自治区临床医学研究院）',
        issuingAuthority: '新疆维吾尔自治区乌鲁木齐市天山区卫生健康委员会',
        photo: null,
      }),
    );
    const { pages, numPages } = await readPdfText(pdf);
    expect(numPages).toBe(1);
    expect(pages[0]).toContain('第16执业范围专业');
    expect(pages[0]).toContain('照片');
  });
});
