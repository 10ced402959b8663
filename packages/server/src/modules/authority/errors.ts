import { defineErrors, spec } from '@medreg/domain';

/** Refusals of the authority portal (受理, 补正, 准予/不予注册, materials, calendar). */
export const AuthorityErrors = defineErrors({
  MATERIALS_NOT_EDITABLE: spec(409, '当前状态不能登记纸质材料', 'Paper materials can only be recorded before the decision'),
  REGISTRATION_DATA_INVALID: spec(409, '申请数据不完整或有误，无法生成注册记录', 'The application lacks data needed for the registration'),
  APPROVAL_NOT_SUPPORTED: spec(409, '该业务类型暂不能在线准予注册', 'This business type cannot be approved online yet'),
  APPLICANT_QUALIFICATION_INVALID: spec(409, '申请人的医师资格无效，不能准予注册', 'The applicant holds no valid qualification'),
  DECISION_DOCUMENT_NOT_FOUND: spec(404, '该业务没有书面决定书', 'No written decision for this application'),
  QUEUE_CURSOR_INVALID: spec(400, '分页参数无效，请从第一页重新查询', 'Invalid page cursor'),
  CALENDAR_ADMIN_REQUIRED: spec(403, '只有国家或省级卫生健康行政部门的管理员可以维护工作日历', 'Only national or provincial administrators maintain the calendar'),
  CALENDAR_YEAR_KNOWN: spec(409, '该年度的节假日安排已录入，如有错误请逐日更正', 'This year is already entered; correct single days instead'),
  CALENDAR_DAY_UNCHANGED: spec(409, '该日期已是所选的安排，无需更正', 'The day already has this arrangement'),
  CALENDAR_DAY_EXISTS: spec(409, '该日期已有节假日或调休安排', 'This date already has an entry'),
  CALENDAR_DAY_NOT_FOUND: spec(404, '该日期没有手工维护的安排', 'No administrator entry for this date'),
});
