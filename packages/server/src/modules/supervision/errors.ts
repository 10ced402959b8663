import { defineErrors, spec } from '@medreg/domain';

export const SupervisionErrors = defineErrors({
  SUPERVISION_SUBJECT_NOT_FOUND: spec(404, '未找到该医师的执业注册', 'No such registration within your remit'),
  ASSESSMENT_ALREADY_RECORDED: spec(409, '该医师本考核周期的结果已登记', 'The result of this cycle is already recorded'),
  ASSESSMENT_CYCLE_NOT_BEGUN: spec(400, '考核周期尚未开始', 'The cycle has not begun'),
  RESULTS_FILE_INVALID: spec(400, '考核结果文件有误，未导入任何结果', 'The results file has errors; nothing was imported'),
  RESULTS_FILE_UNREADABLE: spec(400, '无法读取考核结果文件', 'The results file cannot be read'),
  RESULTS_FILE_TOO_LARGE: spec(413, '考核结果文件过大', 'The results file is too large'),
  ASSESSMENT_NOT_FAILED: spec(409, '只有定期考核不合格的结果可以责令暂停执业活动', 'Only a failed periodic result leads to a suspension'),
  SUSPENSION_ALREADY_ORDERED: spec(409, '已就该考核结果责令暂停执业活动', 'A suspension was already ordered for this result'),
  SUSPENSION_VERSION_CONFLICT: spec(409, '该暂停执业活动已被其他操作更改，请刷新后重试', 'The suspension changed; reload'),
  DOCUMENT_NO_TAKEN: spec(409, '该文书编号已登记', 'This document number is already recorded'),
  DECISION_DATE_INVALID: spec(400, '决定日期不能晚于今天', 'The decision date is in the future'),
  SUPERVISION_CURSOR_INVALID: spec(400, '分页参数无效，请从第一页重新查询', 'Invalid cursor'),
});
