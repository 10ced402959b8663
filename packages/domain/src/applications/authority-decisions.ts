/**
 * The registering authority's written decisions (domain BT-01 "Outcome"):
 *  - 不予注册 is written, with reasons (《医师法》第十六条: 不予注册的，应当自收到申请之日起二十个工作日内书面通知申请人和
 *    其所在医疗卫生机构，并说明理由) and notice of the appeal rights (《行政许可法》第三十八条);
 *  - each written decision carries a document number (文号) of the issuing authority.
 */
import { z } from 'zod';
import { plainText } from '../text/plain-text';
import type { JurisdictionLevel } from '../jurisdiction';
import { getRegion } from '../regions/regions';

/** The grounds of 《医师法》第十六条 a refusal may cite; the reviewer may add or write others. */
export const REFUSAL_GROUNDS = [
  { key: 'civil_capacity', text: '申请人无民事行为能力或者限制民事行为能力（《中华人民共和国医师法》第十六条第一项）' },
  { key: 'criminal_penalty', text: '申请人受刑事处罚，刑罚执行完毕不满二年或者被依法禁止从事医疗卫生服务工作的期限未满（《中华人民共和国医师法》第十六条第二项）' },
  { key: 'revoked', text: '申请人被吊销医师执业证书不满二年（《中华人民共和国医师法》第十六条第三项）' },
  { key: 'assessment_cancelled', text: '申请人因医师定期考核不合格被注销注册不满一年（《中华人民共和国医师法》第十六条第四项）' },
  { key: 'other_bar', text: '申请人有法律、行政法规规定不得从事医疗卫生服务的其他情形（《中华人民共和国医师法》第十六条第五项）' },
] as const;
export type RefusalGroundKey = (typeof REFUSAL_GROUNDS)[number]['key'];

export const REFUSAL_REASONS_MAX = 2000;

/** 不予注册: the reasons as they will be printed, one paragraph per line. */
export const RefusalDecision = z.object({
  reasons: plainText({ multiline: true, error: '不予注册必须说明理由' }).trim().min(1, '不予注册必须说明理由').max(REFUSAL_REASONS_MAX, `理由不超过${REFUSAL_REASONS_MAX}字`),
  expectedVersion: z.number().int().min(1).optional(),
});
export type RefusalDecision = z.infer<typeof RefusalDecision>;

/** Province abbreviations as used in document numbers (京卫…, 粤卫…), by the first two digits of GB/T 2260. */
const PROVINCE_ABBREVIATIONS: Record<string, string> = {
  '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑', '31': '沪', '32': '苏',
  '33': '浙', '34': '皖', '35': '闽', '36': '赣', '37': '鲁', '41': '豫', '42': '鄂', '43': '湘', '44': '粤', '45': '桂',
  '46': '琼', '50': '渝', '51': '川', '52': '黔', '53': '云', '54': '藏', '61': '陕', '62': '甘', '63': '青', '64': '宁',
  '65': '新', '71': '台', '81': '港', '82': '澳',
};

/** The first character of a region's own name (海淀区 → 海, 深圳市 → 深); '' for an unknown code. */
function localInitial(code: string): string {
  return getRegion(code)?.name.slice(0, 1) ?? '';
}

/**
 * The short name an authority puts before its document numbers: 国卫 (national), 京卫 (北京市), 粤深卫 (深圳市),
 * 京海卫 (北京市海淀区). Our convention [M]; real commissions use similar forms (京卫医, 粤卫函 …).
 */
export function authorityDocumentPrefix(authority: { areaCode: string; level: JurisdictionLevel }): string {
  if (authority.level === 'national') return '国卫';
  const province = PROVINCE_ABBREVIATIONS[authority.areaCode.slice(0, 2)] ?? '';
  return authority.level === 'province' ? `${province}卫` : `${province}${localInitial(authority.areaCode)}卫`;
}

/** 文号 of a 不予注册决定书: 京海卫不予注册〔2026〕3号 (serial counted per authority and year). */
export function refusalDocumentNo(authority: { areaCode: string; level: JurisdictionLevel }, year: number, serial: number): string {
  return `${authorityDocumentPrefix(authority)}不予注册〔${year}〕${serial}号`;
}
