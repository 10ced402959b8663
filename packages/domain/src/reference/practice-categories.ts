/**
 * 执业类别 (practice category). 《医师执业注册管理办法》(2017) 第七条: 临床、中医（含中医、民族医、中西医结合）、
 * 口腔、公共卫生 (§5.1). `statisticCode` is 医师执业类别代码 of the health-statistics survey (§4.9).
 * `categoryCode` is the 2-digit category of the 执业证书编码 (§4.2) and the default category digits
 * of a 资格证书编码 (§4.1): 10 临床, 20 口腔, 30 公共卫生, 40 中医. Real certificates show 10, 41 and 42;
 * 20/30 follow the exam codes 120/130, and 40 is the 2015 exam code 140 (具有规定学历中医) — our choice
 * for newly issued codes. When reading a code, any 4x counts as 中医 (§4.2, 41/42 seen).
 */
import type { PhysicianLevel } from './physician-levels';

export const PRACTICE_CATEGORIES = ['clinical', 'dental', 'public_health', 'tcm'] as const;
export type PracticeCategory = (typeof PRACTICE_CATEGORIES)[number];

export const PRACTICE_CATEGORY_INFO = {
  clinical: { label: '临床', fullLabel: '临床类别', statisticCode: '1', categoryCode: '10' },
  dental: { label: '口腔', fullLabel: '口腔类别', statisticCode: '2', categoryCode: '20' },
  public_health: { label: '公共卫生', fullLabel: '公共卫生类别', statisticCode: '3', categoryCode: '30' },
  tcm: { label: '中医', fullLabel: '中医类别', statisticCode: '4', categoryCode: '40' },
} as const satisfies Record<PracticeCategory, { label: string; fullLabel: string; statisticCode: string; categoryCode: string }>;

export function isPracticeCategory(value: unknown): value is PracticeCategory {
  return (PRACTICE_CATEGORIES as readonly unknown[]).includes(value);
}

/** The category of a 2-digit certificate category code: 1x 临床, 2x 口腔, 3x 公共卫生, 4x 中医. */
export function practiceCategoryFromCode(categoryCode: string): PracticeCategory | undefined {
  if (!/^\d{2}$/.test(categoryCode)) return undefined;
  return PRACTICE_CATEGORIES.find((c) => PRACTICE_CATEGORY_INFO[c].categoryCode[0] === categoryCode[0]);
}

/**
 * Level and category of a 3-digit exam category code (报考类别代码, §4.3):
 * 1xx/3xx 执业医师, 2xx/4xx 执业助理医师; x1x 临床, x2x 口腔, x3x 公共卫生, x4x/x5x 中医
 * (具有规定学历的中医/民族医, 中西医结合: 2005 table 141–145, 2015 table 140–150);
 * 3xx/4xx are 师承和确有专长 routes, all 中医. Codes outside these ranges (e.g. 乡村全科, code [U]) → undefined.
 * The same code meant different things in different years; the category is the same in both tables.
 */
export function examCategoryToLevelAndCategory(code: string): { level: PhysicianLevel; category: PracticeCategory } | undefined {
  const m = /^([1-4])(\d)(\d)$/.exec(code.trim());
  if (!m) return undefined;
  const level: PhysicianLevel = m[1] === '1' || m[1] === '3' ? 'physician' : 'assistant';
  if (m[1] === '3' || m[1] === '4') return { level, category: 'tcm' };
  const category = ({ '1': 'clinical', '2': 'dental', '3': 'public_health', '4': 'tcm', '5': 'tcm' } as const)[m[2] as '1' | '2' | '3' | '4' | '5'];
  return category ? { level, category } : undefined;
}
