import { z } from 'zod';
import { APPLICATION_STATES, INSTITUTION_GRADES, INSTITUTION_KINDS, INSTITUTION_STATUSES } from '@medreg/domain';

/** The declared success bodies of 医疗机构管理 reads (list.ts, detail.ts, history.ts). */

const NextCursor = z.string().nullable().describe('下一页游标（无更多时为空）');

/** An institution as its registry keeper sees it (presentInstitution). */
export const InstitutionView = z.object({
  id: z.string(),
  name: z.string().describe('标准名称'),
  creditCode: z.string().describe('统一社会信用代码'),
  licenceRegNo: z.string().describe('医疗机构执业许可证登记号'),
  kind: z.enum(INSTITUTION_KINDS).describe('机构类别'),
  kindLabel: z.string(),
  grade: z.enum(INSTITUTION_GRADES).describe('机构等级'),
  gradeLabel: z.string(),
  grassroots: z.boolean().describe('基层医疗机构'),
  address: z.string(),
  areaCode: z.string().describe('所在地区行政区划代码'),
  areaName: z.string().describe('所在地区（完整名称）'),
  approvingAuthority: z.object({ id: z.string(), name: z.string() }).describe('审批机关'),
  eRegistrationEnabled: z.boolean().describe('所在省份已开通电子化注册'),
  departments: z.array(z.string()).describe('设置的科室'),
  status: z.enum(INSTITUTION_STATUSES).describe('状态：正常、暂停'),
  statusLabel: z.string(),
  suspendedReason: z.string().nullable().describe('暂停原因'),
  version: z.number().int().describe('版本号（修改、暂停、恢复时回传）'),
  updatedAt: z.string().describe('最近修改时间（ISO 8601）'),
  abilities: z.object({
    edit: z.boolean(),
    suspend: z.boolean(),
    reopen: z.boolean(),
  }).describe('当前账户可执行的操作'),
});

export const InstitutionPage = z.object({
  items: z.array(InstitutionView),
  total: z.number().int().describe('符合筛选条件的总数'),
  nextCursor: NextCursor,
});

export const InstitutionDetail = InstitutionView.extend({
  openApplications: z.number().int().describe('在办申请数'),
  history: z.array(z.object({
    version: z.number().int(),
    event: z.enum(['register', 'edit', 'suspend', 'reopen']).describe('登记、修改、暂停、恢复'),
    eventLabel: z.string(),
    reason: z.string().nullable(),
    actor: z.string().describe('操作人（姓名和登录名，或“系统”）'),
    at: z.string().describe('操作时间（ISO 8601）'),
    changes: z.array(z.object({
      field: z.string(),
      label: z.string().describe('字段名称'),
      old: z.string().describe('修改前（显示文字）'),
      new: z.string().describe('修改后（显示文字）'),
    })),
  })).describe('变更记录（新 → 旧，最近200条）'),
});

export const PendingApplicationPage = z.object({
  institutionName: z.string(),
  items: z.array(z.object({
    id: z.string(),
    businessCode: z.string().nullable().describe('业务编号'),
    businessType: z.string().describe('业务类型'),
    businessTypeLabel: z.string(),
    physicianName: z.string(),
    state: z.enum(APPLICATION_STATES).describe('申请状态'),
    stateLabel: z.string(),
    submittedAt: z.string().nullable().describe('提交时间（ISO 8601）'),
    dueDate: z.string().nullable().describe('办理期限（YYYY-MM-DD）'),
    dueDateProvisional: z.boolean().describe('期限按尚未确认的工作日历计算'),
    dueDateNote: z.string().nullable(),
  })),
  total: z.number().int(),
  nextCursor: NextCursor,
});
