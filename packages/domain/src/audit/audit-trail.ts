/**
 * 审计日志 (audit trail) vocabulary and the list query, shared by the API (validation, OpenAPI) and the
 * authority portal's 审计日志 page.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/iso-date';
import { plainText } from '../text/plain-text';
import { WORKFLOW_TABLE, type WorkflowAction } from '../workflow/workflow-table';

const OTHER_ACTION_LABELS: Record<string, string> = {
  'account.login': '登录',
  'account.login_failed': '登录失败',
  'account.locked': '账户锁定',
  'account.password_changed': '修改密码',
  'account.admin_created': '创建首位管理员',
  'audit.export': '导出审计日志',
  'application.create': '创建申请',
  'application.print_form': '打印审核表',
  'application.materials': '登记纸质材料',
  'activation_code.issue': '发放激活码',
  'calendar.add': '新增节假日/调休',
  'calendar.remove': '删除节假日/调休',
  'calendar.correct': '更正工作日历',
  'calendar.enter_year': '录入年度节假日安排',
  'application.due_date_recomputed': '重新计算法定办结日期',
  'certificate.download': '下载电子证书',
  'institution.auto_activation.on': '开启自动激活',
  'institution.auto_activation.off': '关闭自动激活',
  'institution.staff.create': '新增工作人员',
  'institution.staff.disable': '停用工作人员',
  'institution.staff.enable': '启用工作人员',
  'institution.staff.reset_password': '重置工作人员密码',
  'authority.staff.create': '新建人员账户', 'authority.staff.disable': '停用人员账户', 'authority.staff.enable': '启用人员账户',
  'authority.staff.reset_password': '重置人员账户密码', 'authority.staff.reassign': '调整人员所属部门', 'authority.staff.export': '导出人员账户',
  'institution.register': '登记医疗机构', 'institution.edit': '修改医疗机构信息', 'institution.suspend': '暂停医疗机构',
  'institution.reopen': '恢复医疗机构', 'institution.export': '导出医疗机构名录',
  'institution.import': '批量导入医疗机构',
  'physician.signup': '医师注册账号',
  'physician.phone_verified': '验证手机号',
  'physician.email_verified': '验证电子邮箱',
  'physician.identity_corrected': '更正身份信息',
  'physician.verify': '医师验证',
  'physician.activated': '账户激活',
  'physician.activate': '审批后激活账户',
  'physician.activation_deferred': '暂缓激活',
  'pii.id_revealed': '查看完整身份证号',
  'qualification_correction.submitted': '提交资格补改',
  'qualification_import.start': '开始导入医师资格信息', 'qualification_import.finish': '医师资格信息导入完成', 'qualification_import.fail': '医师资格信息导入失败',
  'info_edit.submit': '提交个人信息修改', 'info_edit.approve': '同意个人信息修改', 'info_edit.refuse': '不同意个人信息修改',
  'info_edit.withdraw': '撤回个人信息修改', 'info_edit.export': '导出信息修改审核列表', 'registration.info_edited': '登记修改后的个人信息',
  'registration.create': '生成执业注册',
  'settings.decision_limit': '设置审批时限',
  'queue.export': '导出审批工作台', 'registration.export': '导出执业注册', 'assessment.export': '导出定期考核结果',
  'institution.roster_exported': '导出本机构医师', 'institution.multi_site_exported': '导出多机构执业医师',
  'institution.applications.export': '导出本机构业务申请', 'institution.staff.export': '导出工作人员',
  'qualification_correction.export': '导出资格补改申请', 'penalty.export': '导出暂停/吊销记录', 'activation.export': '导出待激活医师',
};

/** The Chinese name of an audited action (workflow actions use the workflow table's labels). */
export function auditActionLabel(action: string): string {
  if (OTHER_ACTION_LABELS[action]) return OTHER_ACTION_LABELS[action];
  const workflow = action.startsWith('application.') ? action.slice('application.'.length) : undefined;
  const rule = workflow ? (WORKFLOW_TABLE as Record<string, { label: string } | undefined>)[workflow as WorkflowAction] : undefined;
  return rule?.label ?? action;
}

/** Every action name with its label, for the page's action filter. */
export const AUDIT_ACTIONS: { action: string; label: string }[] = [
  ...Object.keys(WORKFLOW_TABLE).map((a) => `application.${a}`),
  ...Object.keys(OTHER_ACTION_LABELS),
].map((action) => ({ action, label: auditActionLabel(action) }));

export const AUDIT_ENTITY_TYPE_LABELS: Record<string, string> = {
  application: '业务申请',
  physician: '医师',
  account: '账户',
  registration: '执业注册',
  institution: '医疗机构',
  calendar_day: '工作日历',
  calendar_year: '年度节假日安排',
  setting: '系统设置',
  qualification_correction: '资格补改',
  qualification_import: '医师资格信息导入',
  info_edit: '个人信息修改',
};

const isoDate = z.string().refine(isIsoDate, '日期应为YYYY-MM-DD格式的真实日期');
/** A filter text: no control characters (a NUL cannot reach the database). */
const text = (max: number) => plainText().trim().max(max);

/** 审计日志 list and CSV export: filters, newest or oldest first, keyset-paginated by `cursor`. */
export const AuditTrailQuery = z.object({
  /** Login name of the account that acted (exact). */
  actor: text(50).optional(),
  action: text(80).optional(),
  entityType: text(40).optional(),
  entityId: text(100).optional(),
  /** China dates, both included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(['newest', 'oldest']).default('newest'),
  cursor: text(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type AuditTrailQueryInput = z.input<typeof AuditTrailQuery>;
export type AuditTrailQuery = z.output<typeof AuditTrailQuery>;
