import { defineErrors, spec } from '@medreg/domain';

/** Refusals of the 医疗机构管理 register (authority administrators). */
export const InstitutionRegistryErrors = defineErrors({
  INSTITUTION_NOT_FOUND_IN_JURISDICTION: spec(404, '未找到该医疗机构，或不在本部门辖区内', 'Institution not found in your jurisdiction'),
  INSTITUTION_AREA_OUTSIDE_JURISDICTION: spec(403, '所在地区不在本部门辖区内', 'The area is outside your jurisdiction'),
  INSTITUTION_APPROVER_OUT_OF_REACH: spec(400, '审批机关须为本部门或其下级部门，且其辖区包含机构所在地区', 'The approving authority is out of reach'),
  INSTITUTION_NAME_TAKEN: spec(409, '同一地区已有同名医疗机构', 'An institution of that name exists in the area'),
  INSTITUTION_CREDIT_CODE_TAKEN: spec(409, '该统一社会信用代码已登记', 'Credit code already registered'),
  INSTITUTION_ADMIN_LOGIN_TAKEN: spec(409, '该登录名已被使用，请换一个', 'Login name taken'),
  INSTITUTION_VERSION_CONFLICT: spec(409, '该医疗机构信息已被他人修改，请刷新后重试', 'The institution was changed meanwhile'),
  INSTITUTION_REGISTRY_CURSOR_INVALID: spec(400, '翻页位置无效，请重新查询', 'Invalid page cursor'),
  // 批量导入医疗机构
  INSTITUTION_IMPORT_INVALID: spec(400, '导入文件有误，未导入任何医疗机构', 'The import file has errors; nothing was imported'),
  INSTITUTION_IMPORT_UNREADABLE: spec(400, '无法读取导入文件', 'The import file cannot be read'),
  INSTITUTION_IMPORT_TOO_LARGE: spec(413, '导入文件过大', 'The import file is too large'),
});
