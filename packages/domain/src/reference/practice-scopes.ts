/**
 * 执业范围 (practice scope) catalogue — 《关于医师执业注册中执业范围的暂行规定》(卫医发〔2001〕169号), domain §4.10.
 * `code` is the statistical code (医师执业范围代码, [S26]) where one exists. Codes are unique across
 * categories, which the source is not (it gives 57 to "其他" in both 临床 and 中医), so medreg assigns:
 *   57 临床 其他 (as in the source), 58 口腔 其他, 59 公共卫生 其他, 60 中医 其他, 61 中医类别 全科医学专业;
 *   32–34 口腔麻醉/口腔病理/口腔影像 (2016 system dictionary, no statistical code found).
 * `label` shows the sub-specialities the 2016 dictionary lists in brackets.
 */
import type { PracticeCategory } from './practice-categories';

const OTHER = '省级以上卫生行政部门规定的其他专业';

export const PRACTICE_SCOPES = [
  // 临床类别
  { code: '11', category: 'clinical', name: '内科专业', label: '内科专业（含老年医学专业、传染病专业）' },
  { code: '12', category: 'clinical', name: '外科专业', label: '外科专业（含运动医学专业、麻醉专业）' },
  { code: '13', category: 'clinical', name: '妇产科专业', label: '妇产科专业（含妇女保健专业）' },
  { code: '14', category: 'clinical', name: '儿科专业', label: '儿科专业（含儿童保健专业）' },
  { code: '15', category: 'clinical', name: '眼耳鼻咽喉科专业', label: '眼耳鼻咽喉科专业' },
  { code: '16', category: 'clinical', name: '皮肤病与性病专业', label: '皮肤病与性病专业' },
  { code: '17', category: 'clinical', name: '精神卫生专业', label: '精神卫生专业（含精神病专业、心理卫生专业）' },
  { code: '18', category: 'clinical', name: '职业病专业', label: '职业病专业（含放射病专业）' },
  { code: '19', category: 'clinical', name: '医学影像和放射治疗专业', label: '医学影像和放射治疗专业（含核医学专业）' },
  { code: '20', category: 'clinical', name: '医学检验、病理专业', label: '医学检验、病理专业' },
  { code: '21', category: 'clinical', name: '全科医学专业', label: '全科医学专业' },
  { code: '22', category: 'clinical', name: '急救医学专业', label: '急救医学专业' },
  { code: '23', category: 'clinical', name: '康复医学专业', label: '康复医学专业' },
  { code: '24', category: 'clinical', name: '预防保健专业', label: '预防保健专业' },
  { code: '25', category: 'clinical', name: '特种医学与军事医学专业', label: '特种医学与军事医学专业' },
  { code: '26', category: 'clinical', name: '计划生育技术服务专业', label: '计划生育技术服务专业' },
  { code: '57', category: 'clinical', name: OTHER, label: `${OTHER}（临床）` },
  // 口腔类别
  { code: '31', category: 'dental', name: '口腔专业', label: '口腔专业' },
  { code: '32', category: 'dental', name: '口腔麻醉专业', label: '口腔麻醉专业' },
  { code: '33', category: 'dental', name: '口腔病理专业', label: '口腔病理专业' },
  { code: '34', category: 'dental', name: '口腔影像专业', label: '口腔影像专业' },
  { code: '58', category: 'dental', name: OTHER, label: `${OTHER}（口腔）` },
  // 公共卫生类别
  { code: '41', category: 'public_health', name: '公共卫生类别专业', label: '公共卫生类别专业' },
  { code: '59', category: 'public_health', name: OTHER, label: `${OTHER}（公共卫生）` },
  // 中医类别（含中医、民族医、中西医结合）
  { code: '51', category: 'tcm', name: '中医专业', label: '中医专业' },
  { code: '52', category: 'tcm', name: '中西医结合专业', label: '中西医结合专业' },
  { code: '53', category: 'tcm', name: '蒙医专业', label: '蒙医专业' },
  { code: '54', category: 'tcm', name: '藏医专业', label: '藏医专业' },
  { code: '55', category: 'tcm', name: '维医专业', label: '维医专业' },
  { code: '56', category: 'tcm', name: '傣医专业', label: '傣医专业' },
  { code: '61', category: 'tcm', name: '全科医学专业', label: '全科医学专业（中医）' },
  { code: '60', category: 'tcm', name: OTHER, label: `${OTHER}（中医）` },
] as const satisfies readonly { code: string; category: PracticeCategory; name: string; label: string }[];

export type PracticeScope = (typeof PRACTICE_SCOPES)[number];
export type PracticeScopeCode = PracticeScope['code'];

const BY_CODE: ReadonlyMap<string, PracticeScope> = new Map(PRACTICE_SCOPES.map((s) => [s.code, s]));

/** The scopes of one category, in catalogue order. */
export function scopesOfCategory(category: PracticeCategory): PracticeScope[] {
  return PRACTICE_SCOPES.filter((s) => s.category === category);
}

export function getScope(code: string): PracticeScope | undefined {
  return BY_CODE.get(code);
}
