import { defineErrors, spec } from '@medreg/domain';

/** Refusals of the reference look-ups (regions, institutions, catalogues). */
export const ReferenceErrors = defineErrors({
  REGION_NOT_FOUND: spec(404, '未找到该行政区划', 'Region not found'),
  PLACE_INVALID: spec(400, '请选择省份或县（区）后再查找机构', 'Choose a province or county to search in'),
  INSTITUTION_CURSOR_INVALID: spec(400, '翻页位置无效，请重新查询', 'Invalid page cursor'),
  INSTITUTION_NOT_FOUND: spec(404, '未找到该医疗机构，或该机构已停用，请重新查找', 'Institution not found or inactive'),
  /** The institution is 暂停 in the register (INSTITUTION_STATUS_TABLE): it receives no new applications. */
  INSTITUTION_SUSPENDED: spec(409, '该医疗机构已暂停接收执业注册申请，请选择其他医疗机构', 'The institution is suspended'),
});
