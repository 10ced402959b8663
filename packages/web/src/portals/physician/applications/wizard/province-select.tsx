/** 执业地点（省份）: the provinces, those without e-registration shown but not selectable (seed question 六). */
import { Select } from 'antd';
import { useProvinces } from '../applications-api';

export interface ProvinceSelectProps {
  value?: string;
  onChange?: (code: string) => void;
  id?: string;
  /** Provinces that cannot be chosen here, with the reason shown after the name (e.g. 已有执业注册). */
  excluded?: Record<string, string>;
}

export function ProvinceSelect({ value, onChange, id, excluded = {} }: ProvinceSelectProps) {
  const provinces = useProvinces();
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="请选择省份"
      loading={provinces.isPending}
      style={{ maxWidth: 360 }}
      options={(provinces.data?.items ?? []).map((p) => {
        const why = p.eRegistrationEnabled === false ? '未实施电子化注册' : excluded[p.code];
        return { value: p.code, label: why ? `${p.name}（${why}）` : p.name, disabled: Boolean(why) };
      })}
    />
  );
}
