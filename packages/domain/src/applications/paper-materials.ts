/**
 * 纸质材料 — the paper materials the applicant brings to the registering authority after the institution has
 * confirmed online (seed guide, 「注册需要提交的材料」 1–7, and 第五步: 「由医疗机构医师机构端打印出来的带编码表格，
 * 并准备其他相关文件」). The authority ticks them as they arrive and, when some are missing, tells the applicant
 * ALL missing items at once: 《行政许可法》第三十二条 (申请材料不齐全 … 应当当场或者在五日内一次告知申请人需要补正的全部内容).
 */
import { z } from 'zod';
import { plainText } from '../text/plain-text';

export const PAPER_MATERIALS = [
  { key: 'application_form', label: '《注册申请表》一份', short: '注册申请表' },
  {
    key: 'qualification_documents',
    label: '《医师资格证》、身份证、毕业证和（或）职称证原件、复印件一份（审原件，收复印件）',
    short: '资格证、身份证、毕业证/职称证',
  },
  { key: 'health_certificate', label: '二甲或二甲以上医疗机构的健康体检证明表', short: '健康体检证明' },
  { key: 'photos', label: '近期免冠小2寸彩照3张', short: '2寸彩照3张' },
  { key: 'employment_proof', label: '执业机构单位聘用证明1份（一般为合同复印件）', short: '聘用证明' },
  { key: 'institution_licence_copy', label: '医疗机构执业许可证副本复印件（加盖公章）1份', short: '机构执业许可证副本复印件' },
  { key: 'id_card', label: '身份证原件及复印件（审原件，收复印件）', short: '身份证原件及复印件' },
] as const;

export type PaperMaterial = (typeof PAPER_MATERIALS)[number];
export type PaperMaterialKey = PaperMaterial['key'];
export const PAPER_MATERIAL_KEYS = PAPER_MATERIALS.map((m) => m.key) as [PaperMaterialKey, ...PaperMaterialKey[]];

export function isPaperMaterialKey(value: unknown): value is PaperMaterialKey {
  return (PAPER_MATERIAL_KEYS as readonly unknown[]).includes(value);
}

export function paperMaterial(key: PaperMaterialKey): PaperMaterial {
  return PAPER_MATERIALS.find((m) => m.key === key)!;
}

/** The checklist as stored (`applications.materials`): every material with whether it has arrived. */
export function materialsChecklist(received: Record<string, boolean> | null | undefined): (PaperMaterial & { received: boolean })[] {
  return PAPER_MATERIALS.map((m) => ({ ...m, received: received?.[m.key] === true }));
}

/** The materials not yet ticked as received, in the seed's order. */
export function missingMaterials(received: Record<string, boolean> | null | undefined): PaperMaterialKey[] {
  return PAPER_MATERIALS.filter((m) => received?.[m.key] !== true).map((m) => m.key);
}

/** `PUT …/materials { items: { key: boolean } }` — a partial update of the checklist. */
export const MaterialsUpdate = z.object({
  items: z
    .strictObject(
      Object.fromEntries(PAPER_MATERIAL_KEYS.map((k) => [k, z.boolean('应为是或否').optional()])) as Record<PaperMaterialKey, z.ZodOptional<z.ZodBoolean>>,
      { error: (issue) => (issue.code === 'unrecognized_keys' ? `未知的材料项目：${issue.keys.join('、')}` : '请勾选材料') },
    )
    .refine((v) => Object.keys(v).length > 0, '请至少勾选或取消一项材料'),
  expectedVersion: z.number().int().min(1).optional(),
});
export type MaterialsUpdate = z.infer<typeof MaterialsUpdate>;

export const CORRECTION_NOTE_MAX = 500;

/**
 * 退回补正 — the missing paper materials (chosen from the seven) plus anything else in free text.
 * At least one of the two; the whole list is sent at once (第三十二条 一次性告知).
 */
export const CorrectionRequest = z
  .object({
    items: z.array(z.enum(PAPER_MATERIAL_KEYS, '未知的材料项目')).max(PAPER_MATERIALS.length).default([]),
    note: plainText({ multiline: true }).trim().max(CORRECTION_NOTE_MAX, `补正说明不超过${CORRECTION_NOTE_MAX}字`).optional(),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .refine((v) => v.items.length > 0 || (v.note ?? '').length > 0, { message: '请选择需要补正的材料或填写补正说明', path: ['items'] });
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

/**
 * What `correction_items` stores and the notice lists: the labels of the chosen materials in the seed's order,
 * then the free text — e.g. ['二甲或二甲以上医疗机构的健康体检证明表', '其他：体检表须加盖医院公章'].
 */
export function correctionItemsOf(items: readonly PaperMaterialKey[], note?: string | null): string[] {
  const chosen = PAPER_MATERIALS.filter((m) => items.includes(m.key)).map((m) => m.label);
  const other = note?.trim();
  return other ? [...chosen, `其他：${other}`] : chosen;
}

/** The items numbered one per line, as the notice and the history entry state them. */
export function numberedList(items: readonly string[]): string {
  return items.map((text, i) => `${i + 1}. ${text}`).join('\n');
}
