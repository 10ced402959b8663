/** 科室: one of the departments the institution set up in 「科室设置」. */
import { Select } from 'antd';
import { useDepartments } from '../applications-api';

export function DepartmentSelect({ institutionId, value, onChange, id }: { institutionId: string | undefined; value?: string; onChange?: (v: string) => void; id?: string }) {
  const departments = useDepartments(institutionId);
  const list = departments.data?.departments ?? [];
  return (
    <Select id={id} value={value} onChange={onChange} style={{ maxWidth: 360 }} placeholder={institutionId ? '请选择科室' : '请先选择机构'}
      loading={departments.isFetching} options={list.map((d) => ({ value: d, label: d }))} />
  );
}

/** The hint under the 科室 field. */
export function useDepartmentHint(institutionId: string | undefined): string {
  const departments = useDepartments(institutionId);
  if (!institutionId) return '选择机构后可选科室';
  return (departments.data?.departments.length ?? 0) === 0 && !departments.isPending
    ? '该机构尚未设置科室，请联系机构在「科室设置」中添加' : '科室为机构在「科室设置」中设置的科室';
}
