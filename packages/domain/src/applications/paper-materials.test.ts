import { describe, expect, it } from 'vitest';
import {
  CorrectionRequest, MaterialsUpdate, PAPER_MATERIALS, correctionItemsOf, materialsChecklist, missingMaterials, numberedList,
} from './paper-materials';

describe('paper materials (seed 注册需要提交的材料)', () => {
  it('lists the seven materials of the seed in its order', () => {
    expect(PAPER_MATERIALS).toHaveLength(7);
    expect(PAPER_MATERIALS[0].label).toBe('《注册申请表》一份');
    expect(PAPER_MATERIALS[3].label).toBe('近期免冠小2寸彩照3张');
    expect(new Set(PAPER_MATERIALS.map((m) => m.key)).size).toBe(7);
  });

  it('reports what has not arrived yet', () => {
    expect(missingMaterials({})).toHaveLength(7);
    const received = Object.fromEntries(PAPER_MATERIALS.map((m) => [m.key, true]));
    expect(missingMaterials(received)).toEqual([]);
    expect(missingMaterials({ ...received, photos: false })).toEqual(['photos']);
    expect(materialsChecklist({ photos: true }).filter((m) => m.received).map((m) => m.key)).toEqual(['photos']);
  });

  it('builds the one-time correction list in the seed order with the free text last', () => {
    const items = correctionItemsOf(['id_card', 'health_certificate'], ' 体检表须加盖医院公章 ');
    expect(items).toEqual(['二甲或二甲以上医疗机构的健康体检证明表', '身份证原件及复印件（审原件，收复印件）', '其他：体检表须加盖医院公章']);
    expect(numberedList(items).split('\n')[2]).toBe('3. 其他：体检表须加盖医院公章');
  });

  it('refuses a correction request that names nothing, and unknown materials', () => {
    const empty = CorrectionRequest.safeParse({ items: [], note: '  ' });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.path).toEqual(['items']);
    expect(CorrectionRequest.safeParse({ items: ['passport'] }).success).toBe(false);
    expect(CorrectionRequest.parse({ note: '请补交学位证' })).toMatchObject({ items: [], note: '请补交学位证' });
  });

  it('accepts a partial checklist update and refuses an empty or unknown one', () => {
    expect(MaterialsUpdate.parse({ items: { photos: true } }).items).toEqual({ photos: true });
    expect(MaterialsUpdate.safeParse({ items: {} }).success).toBe(false);
    expect(MaterialsUpdate.safeParse({ items: { passport: true } }).success).toBe(false);
  });
});
