import { defineErrors, spec } from '@medreg/domain';

export const DashboardErrors = defineErrors({
  DASHBOARD_OUT_OF_JURISDICTION: spec(403, '该卫生健康行政部门不在本部门辖区内，不能查看其统计', 'That authority is outside your jurisdiction'),
  DASHBOARD_AUTHORITY_ONLY: spec(403, '仅卫生健康行政部门工作人员可查看辖区统计', 'Only authority staff see jurisdiction statistics'),
});
