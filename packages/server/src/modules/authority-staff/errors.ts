import { defineErrors, spec } from '@medreg/domain';

/** Refusals of 人员账户 (authority staff accounts). */
export const AuthorityStaffErrors = defineErrors({
  STAFF_ACCOUNT_NOT_FOUND: spec(404, '未找到该人员账户，或该账户不在本辖区内', 'Staff account not found'),
  STAFF_AUTHORITY_OUT_OF_REACH: spec(403, '所选卫生健康行政部门不存在或不在本辖区内，不能在该部门设立或调入账户', 'The authority is outside your jurisdiction'),
  STAFF_ROLE_NOT_GRANTABLE: spec(403, '不能授予高于本人的角色', 'The role is above your own'),
  STAFF_OWN_ACCOUNT: spec(409, '不能对本人的账户进行此操作，请由其他管理员办理', 'Not on your own account'),
  STAFF_LOGIN_NAME_TAKEN: spec(409, '该登录名已被使用，请换一个', 'Login name taken'),
  STAFF_VERSION_CONFLICT: spec(409, '该账户已被其他管理员修改，请刷新后重试', 'The account was changed meanwhile'),
  STAFF_ACTION_NOT_ALLOWED: spec(409, '该账户当前状态不允许此操作', 'The action is not allowed in this status'),
  STAFF_SAME_AUTHORITY: spec(400, '该账户已属于所选卫生健康行政部门，请选择其他部门', 'Already in this authority'),
  STAFF_CURSOR_INVALID: spec(400, '翻页位置无效，请重新查询', 'Invalid page cursor'),
});
