import { describe, it, expect } from 'vitest';
import { APPEAL_NOTICE, renderRefusalDecision } from './refusal-decision';
import { makeRefusalDecision, readPdfText } from './test-fixtures';

describe('renderRefusalDecision', () => {
  it('states the refusal, the reasons and the appeal rights on one page', async () => {
    const pdf = await renderRefusalDecision(makeRefusalDecision());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, numPages } = await readPdfText(pdf);
    expect(numPages).toBe(1);
    const text = pages[0]!;
    for (const expected of [
      '不予注册决定书',
      '京海卫医不注〔2026〕12号',
      '欧阳晓燕',
      '110108********462X',
      'BT012026100800000017',
      '首次注册',
      '不予注册',
      '《中华人民共和国医师法》第十六条',
      '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
      '《中华人民共和国行政复议法》第二十条',
      '《中华人民共和国行政诉讼法》第四十六条',
      '北京市海淀区卫生健康委员会',
      '2026年10月28日',
      '抄送：北京大学第三医院',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(APPEAL_NOTICE);
  });

  it('flows long reasons onto a second page and keeps the signature with the copy-to line', async () => {
    const reasons = Array.from({ length: 12 }, (_, i) => `第${i + 1}点：经核查，申请人不符合注册条件，依据《中华人民共和国医师法》第十六条不予注册。`).join('\n');
    const { pages, numPages } = await readPdfText(await renderRefusalDecision(makeRefusalDecision({ reasons })));
    expect(numPages).toBe(2);
    expect(pages.join('')).toContain('第12点');
    expect(pages[1]).toContain(APPEAL_NOTICE);
    expect(pages[1]).toContain('2026年10月28日');
    expect(pages[1]).toContain('抄送：北京大学第三医院');
  });
});
