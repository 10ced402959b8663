import { defineErrors, spec } from '@medreg/domain';

/** Refusals of 个人信息修改 (domain §2.2 BT-11) beyond the workflow table's and the form's. */
export const InfoEditServerErrors = defineErrors({
  INFO_EDIT_NOT_FOUND: spec(404, '未找到该信息修改申请', 'No such edit request'),
  INFO_EDIT_REGISTRATION_NOT_FOUND: spec(404, '未找到该执业注册信息', 'No such registration of yours'),
  INFO_EDIT_REGISTRATION_NOT_VALID: spec(409, '该执业注册当前不是有效状态，不能修改个人信息', 'The registration is not valid'),
  INFO_EDIT_VERSION_CONFLICT: spec(409, '该信息修改申请已被他人处理，请刷新查看最新状态', 'The edit request changed meanwhile'),
  INFO_EDIT_PHOTO_MISSING: spec(400, '照片文件不存在，请重新上传', 'The photo was not uploaded'),
  INFO_EDIT_PHOTO_NOT_FOUND: spec(404, '没有该照片', 'No such photo'),
  INFO_EDIT_CURSOR_INVALID: spec(400, '分页参数无效，请从第一页重新查询', 'Invalid cursor'),
});
