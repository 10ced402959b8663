import { describe, it, expect } from 'vitest';
import { renderApplicationForm } from './application-form';
import { makeApplicationForm, readPdfText } from './test-fixtures';

describe('renderApplicationForm', () => {
  it('renders the 审核表 on one A4 page with the applicant, the business number and every block', async () => {
    const pdf = await renderApplicationForm(makeApplicationForm());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, numPages } = await readPdfText(pdf);
    expect(numPages).toBe(1);
    const text = pages[0]!;
    for (const expected of [
      '医师执业注册申请审核表',
      'BT012026100800000017',
      '首次注册',
      '2026-10-08 10:15', // submittedAt 02:15Z in 北京时间
      '欧阳晓燕',
      '11010819900307462X', // the full ID number: this form goes to the authority
      '20261111011010819900307462X',
      '北京大学第三医院',
      '内科专业、全科医学专业',
      '本人承诺所填信息真实有效',
      '医疗机构意见',
      '经核实，申请人信息属实，同意申请。',
      '卫生健康行政部门意见',
      '北京市海淀区卫生健康委员会',
      '审核意见',
      '签章',
      '第 1 页 / 共 1 页',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('embeds the shipped CJK font as a subset with a ToUnicode map', async () => {
    const raw = (await renderApplicationForm(makeApplicationForm())).toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(raw).toContain('/ToUnicode');
  });

  it('draws an empty photo frame labelled 照片 when there is no usable photo', async () => {
    for (const photo of [null, Buffer.from('not an image at all')]) {
      const { pages } = await readPdfText(await renderApplicationForm(makeApplicationForm({ photo, institutionOpinion: null })));
      expect(pages[0]).toContain('照片');
      expect(pages[0]).not.toContain('王建国');
    }
  });

  it('continues on a second page instead of overprinting when the data is very long', async () => {
    const data = makeApplicationForm();
    data.proposed.scopes = Array.from({ length: 40 }, (_, i) => `第${i + 1}执业范围专业`);
    data.institutionOpinion = { decision: '同意。'.repeat(60), by: '王建国', at: '2026-10-09' };
    const { pages, numPages } = await readPdfText(await renderApplicationForm(data));
    expect(numPages).toBe(2);
    expect(pages.join('')).toContain('第40执业范围专业');
    expect(pages[1]).toContain('卫生健康行政部门意见');
    expect(pages[1]).toContain('第 2 页 / 共 2 页');
  });
});
