import { describe, it, expect } from 'vitest';
import { renderApplicationForm, type ApplicationFormData } from './application-form';
import { makeApplicationForm, readPdfText } from './test-fixtures';

/** 助理升执业 at a new main institution: the longest change of the generic path (five rows old → new and the place). */
function upgradeWithNewInstitution(): ApplicationFormData {
  return makeApplicationForm({
    businessCode: 'BT042026100800000019',
    businessTypeLabel: '助理升执业',
    education: undefined,
    change: {
      kindLabel: '同时变更主要执业机构（按首次注册填写，原助理注册一并转入）',
      current: { licenceCode: '210110108000045' },
      rows: [
        { label: '执业级别', old: '执业助理医师', new: '执业医师', changed: true },
        { label: '执业地点', old: '北京市海淀区', new: '北京市', changed: true },
        { label: '主要执业机构', old: '北京市海淀区四季青镇社区卫生服务中心', new: '北京市东城区和平里医院', changed: true },
        { label: '执业范围', old: '内科专业', new: '内科专业', changed: false },
        { label: '执业证书编码', old: '210110108000045', new: '准予后核发新编码（前9位 110110101）', changed: true },
      ],
      department: '内科',
      startDate: '2026-11-01',
      attachments: [],
    },
  });
}

/** 变更执业地点 with the physician's reason. */
function practiceLocationChange(): ApplicationFormData {
  return makeApplicationForm({
    businessCode: 'BT032026100800000020',
    businessTypeLabel: '变更注册',
    education: undefined,
    change: {
      kindLabel: '变更执业地点',
      current: { licenceCode: '110110108000123' },
      rows: [
        { label: '执业地点', old: '北京市', new: '广东省', changed: true },
        { label: '主要执业机构', old: '北京大学第三医院', new: '深圳市南山区人民医院', changed: true },
        { label: '执业证书编码', old: '110110108000123', new: '准予后核发新编码（前9位 110144030）', changed: true },
      ],
      department: '心血管内科',
      startDate: '2026-12-01',
      reason: '因家庭原因迁居深圳，已与深圳市南山区人民医院签订劳动合同，申请将执业地点变更至广东省。',
      attachments: ['劳动合同.pdf'],
    },
  });
}

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

  it('prints a change as 申请变更事项, 原注册信息 beside 申请变更为 (同左 when unchanged), and stays on one A4 page', async () => {
    const { pages, numPages } = await readPdfText(await renderApplicationForm(upgradeWithNewInstitution()));
    expect(numPages).toBe(1);
    const text = pages[0]!;
    for (const expected of [
      '三、申请变更事项（助理升执业：同时变更主要执业机构（按首次注册填写，原助理注册一并转入））',
      '原注册信息', '申请变更为', '执业助理医师', '北京市海淀区四季青镇社区卫生服务中心', '北京市东城区和平里医院', '同左',
      '准予后核发新编码（前9位 110110101）', '210110108000045', '拟执业起始日期', '医疗机构意见', '卫生健康行政部门意见', '第 1 页 / 共 1 页',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('拟注册信息');
    expect(text).not.toContain('毕业院校');
  });

  it('prints the reason and the evidence of a change, still on one page', async () => {
    const { pages, numPages } = await readPdfText(await renderApplicationForm(practiceLocationChange()));
    expect(numPages).toBe(1);
    for (const expected of ['三、申请变更事项（变更注册：变更执业地点）', '申请理由', '因家庭原因迁居深圳', '证明材料', '劳动合同.pdf', '深圳市南山区人民医院']) {
      expect(pages[0]).toContain(expected);
    }
  });
});

