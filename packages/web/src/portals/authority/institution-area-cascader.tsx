/**
 * 所在地区 (GB/T 2260) as a cascader limited to the administrator's jurisdiction: provinces → cities → counties,
 * each level loaded from the reference API when opened. The value is the chosen county-level code.
 */
import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';

interface Region { code: string; name: string; level: 'province' | 'city' | 'county' }
interface Option { value: string; label: string; isLeaf: boolean; children?: Option[]; loading?: boolean }

const PREFIX = { national: 0, province: 2, city: 4, county: 6 } as const;

function toOption(r: Region): Option {
  return { value: r.code, label: r.name, isLeaf: r.level === 'county' };
}

export interface AreaCascaderProps {
  jurisdiction: { areaCode: string; level: string };
  /** The current area's full name, shown until another is chosen. */
  currentName?: string;
  onChange: (code: string | undefined) => void;
  /** The form's value (the county code); the cascader shows the chosen path instead. */
  value?: string;
  id?: string;
  'aria-label'?: string;
}

export function AreaCascader({ jurisdiction, currentName, onChange, value: _code, ...rest }: AreaCascaderProps) {
  const [path, setPath] = useState<string[]>([]);
  const prefix = jurisdiction.areaCode.slice(0, PREFIX[jurisdiction.level as keyof typeof PREFIX] ?? 0);
  // A region is offered when it lies inside the jurisdiction or encloses it (the way down to it).
  const offered = (r: Region) => r.code.startsWith(prefix) || prefix.startsWith(r.code.slice(0, PREFIX[r.level]));
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    void api.get<{ items: Region[] }>('/api/v1/reference/regions/provinces')
      .then((r) => setOptions(r.items.filter(offered).map(toOption)));
  }, [prefix]);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1]!;
    target.loading = true;
    const r = await api.get<{ items: Region[] }>(`/api/v1/reference/regions/${target.value}/children`);
    target.loading = false;
    const children = r.items.filter(offered).map(toOption);
    if (children.length === 0) target.isLeaf = true;
    else target.children = children;
    setOptions((o) => [...o]);
  };

  return (
    <Cascader<Option>
      {...rest}
      options={options}
      loadData={loadData}
      changeOnSelect={false}
      placeholder={currentName ?? '请选择省 / 市 / 区县'}
      value={path}
      onChange={(value) => {
        const chosen = (value ?? []).map(String);
        setPath(chosen);
        onChange(chosen.length ? chosen[chosen.length - 1] : undefined);
      }}
      style={{ width: '100%' }}
    />
  );
}
