import { defineErrors, spec } from '@medreg/domain';

/** Refusals of the 医疗机构端 (queues, handling, 医师验证, staff accounts). */
export const InstitutionErrors = defineErrors({
  QUEUE_CURSOR_INVALID: spec(400, '翻页位置无效，请重新查询', 'Invalid page cursor'),
  STATE_NOT_IN_QUEUE: spec(400, '所选状态不属于当前列表，请切换到相应的列表后查询', 'The status is not in this queue'),
  DATE_RANGE_INVALID: spec(400, '申请日期的结束日期不能早于开始日期', 'The end date is before the start date'),
  IDEMPOTENCY_KEY_INVALID: spec(400, '请求标识（Idempotency-Key）格式不正确', 'Invalid Idempotency-Key header'),
  REGISTRATION_NOT_FOUND: spec(404, '未找到该医师的执业注册，或本机构不是其主要执业机构', 'Registration not found at this institution'),
  DEPARTURE_DATE_IN_FUTURE: spec(400, '离职手续办理日期不能晚于今天', 'The departure date is in the future'),
  STAFF_NOT_FOUND: spec(404, '未找到该经办人账户', 'Clerk account not found'),
  STAFF_LOGIN_NAME_TAKEN: spec(409, '该登录名已被使用，请换一个', 'Login name taken'),
});
