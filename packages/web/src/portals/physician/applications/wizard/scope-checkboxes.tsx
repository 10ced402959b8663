/** 执业范围 of a 执业类别 from the catalogue (卫医发〔2001〕169号), as check boxes; `only` narrows them (e.g. to the registered ones). */
import { Checkbox } from 'antd';
import { useScopeCatalogue } from '../applications-api';

export interface ScopeCheckboxesProps {
  category: string | null | undefined;
  value?: string[];
  onChange?: (codes: string[]) => void;
  id?: string;
  only?: readonly string[];
  /** Scopes shown ticked and fixed (e.g. those already registered when adding). */
  fixed?: readonly string[];
}

export function ScopeCheckboxes({ category, value, onChange, id, only, fixed = [] }: ScopeCheckboxesProps) {
  const catalogue = useScopeCatalogue();
  const scopes = (catalogue.data?.categories.find((c) => c.category === category)?.scopes ?? []).filter((s) => !only || only.includes(s.code));
  return (
    <div id={id}>
      <Checkbox.Group className="application-scope-grid" value={[...fixed, ...(value ?? []).filter((v) => !fixed.includes(v))]}
        onChange={(v) => onChange?.((v as string[]).filter((c) => !fixed.includes(c)))}>
        {scopes.map((s) => <Checkbox key={s.code} value={s.code} disabled={fixed.includes(s.code)}>{s.label}</Checkbox>)}
      </Checkbox.Group>
    </div>
  );
}

/** The catalogue's maximum for an institution (卫医发〔2001〕169号: 基层医疗机构 up to three clinical scopes). */
export function useScopeLimit(category: string | null | undefined, grassroots: boolean) {
  const catalogue = useScopeCatalogue();
  const max = grassroots && category === 'clinical' ? catalogue.data?.rules.maxGrassroots ?? 3 : catalogue.data?.rules.maxDefault ?? 1;
  return { max, texts: catalogue.data?.rules.texts ?? [], error: catalogue.error };
}
