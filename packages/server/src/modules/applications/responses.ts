/**
 * Response shapes of 业务申请 (presenter.ts): the application as a viewer sees it, and the physician's 业务进度 list.
 * Declared on the routes so that Fastify serialises with them and OpenAPI publishes them; the institution's and the
 * authority's detail views extend `ApplicationAnswer`.
 */
import { z } from 'zod';
import {
  APPLICATION_STATES, BUSINESS_TYPES, DECLARATION_KEYS, PHYSICIAN_LEVELS, PRACTICE_CATEGORIES, WORKFLOW_ACTIONS,
} from '@medreg/domain';

/** An instant as the presenters print it (`Date#toISOString`). */
export const Instant = z.iso.datetime().describe('时间（ISO 8601，UTC）');
/** A calendar day. */
export const Day = z.iso.date().describe('日期（YYYY-MM-DD）');

export const ApplicationState = z.enum(APPLICATION_STATES).describe('业务状态');
export const BusinessType = z.enum(BUSINESS_TYPES).describe('业务类型');

/** What every queue row names first (医师申请业务办理 and 审批工作台 add their own columns). */
export const QueueItemBase = z.object({
  id: z.uuid(),
  businessCode: z.string().nullable(),
  businessType: BusinessType,
  businessTypeLabel: z.string(),
  kindLabel: z.string().nullable().describe('业务细类，如「变更执业范围（增加执业范围）」；首次注册为 null'),
});
export const Channel = z.enum(['web', 'app', 'institution']).describe('申请渠道：web 网页，app 医通办，institution 机构代办');

/** What the actor may do now (workflow table ∩ policy). */
export const AllowedAction = z.object({
  action: z.enum(WORKFLOW_ACTIONS),
  label: z.string().describe('按钮文字'),
  requiresReason: z.boolean().describe('是否须填写理由'),
});

/** The due date and whether it is provisional (a year of holidays not entered yet). */
const DueDateFlag = {
  dueDateProvisional: z.boolean().describe('法定办结日期是否暂定（涉及尚未录入节假日安排的年度）'),
  dueDateNote: z.string().nullable().describe('暂定法定办结日期的说明'),
};

export const Applicant = z.object({
  name: z.string(),
  sex: z.enum(['male', 'female']),
  sexLabel: z.string(),
  birthDate: Day,
  idNumber: z.string().describe('身份证号：申请人本人和卫生健康行政部门见全号，其他人见脱敏号'),
  idNumberMasked: z.string().describe('脱敏身份证号'),
});

const Qualification = z.object({
  id: z.uuid(),
  certCode: z.string().nullable().describe('资格证书编码（与身份证号同样脱敏）'),
  admissionTicketNo: z.string().nullable().describe('准考证号'),
  level: z.enum(PHYSICIAN_LEVELS),
  levelLabel: z.string(),
  category: z.enum(PRACTICE_CATEGORIES),
  categoryLabel: z.string(),
  obtainedDate: Day.nullable().describe('取得资格日期'),
});

const Education = z.object({
  education: z.string().optional().describe('学历'),
  degree: z.string().optional().describe('学位'),
  school: z.string().optional().describe('毕业院校'),
  major: z.string().optional().describe('所学专业'),
  graduationDate: z.string().optional().describe('毕业时间'),
});

/** The form in words (首次注册's wizard; the generic path fills `business` instead). */
const FormInWords = z.object({
  practiceLocation: z.object({ code: z.string(), name: z.string() }).nullable().describe('执业地点'),
  institution: z.object({
    id: z.uuid(), name: z.string(), areaCode: z.string(), areaName: z.string(), grassroots: z.boolean().describe('是否基层医疗卫生机构'),
  }).nullable().describe('主要执业机构'),
  category: z.enum(PRACTICE_CATEGORIES).nullable().describe('执业类别'),
  categoryLabel: z.string().nullable(),
  scopes: z.array(z.object({ code: z.string(), label: z.string() })).describe('执业范围'),
  startDate: z.string().nullable().describe('拟在该机构执业时间'),
  department: z.string().nullable().describe('科室'),
  education: Education.nullable(),
  title: z.string().nullable().describe('任职资格'),
  photoUrl: z.string().nullable().describe('照片地址'),
  declarations: z.array(z.object({ key: z.enum(DECLARATION_KEYS), text: z.string(), accepted: z.boolean() })).describe('申请人声明'),
});

const TimelineEntry = z.object({
  id: z.number().int(),
  at: Instant,
  action: z.string().describe('办理动作（工作流动作或 create）'),
  actionLabel: z.string(),
  fromState: z.string().nullable(),
  fromStateLabel: z.string().nullable(),
  toState: z.string(),
  stateLabel: z.string().nullable(),
  actor: z.object({ role: z.string(), roleLabel: z.string(), organization: z.string().nullable().describe('办理人所在机构或部门') }),
  reason: z.string().nullable().describe('意见或理由'),
});

const ReviewRow = z.object({
  field: z.string(), label: z.string(), old: z.string().nullable().describe('原内容'), new: z.string().nullable().describe('申请内容'), changed: z.boolean(),
});

/** 变更注册、助理升执业、增加执业地点、多机构备案、补发换领、注销 (lifecycle/business-view.ts). */
const Business = z.object({
  type: BusinessType,
  label: z.string(),
  kindLabel: z.string().nullable().describe('业务细类，如「变更执业范围（增加执业范围）」'),
  initiator: z.enum(['institution', 'physician']).describe('发起方：本人申请或机构报告'),
  initiatorLabel: z.string(),
  form: z.record(z.string(), z.unknown()).describe('申请表（各业务类型的表单，见 @medreg/domain business/）'),
  reason: z.string().nullable().describe('申请理由'),
  review: z.array(ReviewRow).describe('审核表：原内容 → 申请内容'),
  subjectRegistrationId: z.uuid().nullable().describe('所依据的执业注册'),
  subjectFilingId: z.uuid().nullable().describe('所依据的备案'),
  attachmentsUrl: z.string().describe('证明文件列表地址'),
});

const NextStep = z.object({
  title: z.string(),
  text: z.string(),
  items: z.array(z.string()).optional().describe('须准备或补正的材料'),
  notice: z.string().optional().describe('单独显示的告知（不予注册时的救济途径）'),
});

/** One application as its viewer sees it (GET /api/v1/applications/:id, and the answer of every command on it). */
export const ApplicationAnswer = z.object({
  id: z.uuid(),
  businessCode: z.string().nullable().describe('业务编号（草稿无）'),
  businessType: BusinessType,
  businessTypeLabel: z.string(),
  businessTypeId: z.string().nullable().describe('业务类型编号，如 BT-01'),
  state: ApplicationState,
  stateLabel: z.string().nullable(),
  version: z.number().int().describe('版本号（提交命令时作为 expectedVersion 送回）'),
  channel: Channel,
  createdAt: Instant,
  submittedAt: Instant.nullable(),
  institutionDecidedAt: Instant.nullable().describe('机构确认时间'),
  acceptedAt: Instant.nullable().describe('受理时间'),
  dueDate: Day.nullable().describe('法定办结日期'),
  ...DueDateFlag,
  decidedAt: Instant.nullable().describe('审批决定时间'),
  updatedAt: Instant,
  applicant: Applicant,
  qualification: Qualification.nullable().describe('所依据的医师资格'),
  level: z.enum(PHYSICIAN_LEVELS).nullable().describe('申请的执业级别'),
  levelLabel: z.string().nullable(),
  payload: z.record(z.string(), z.unknown())
    .describe('申请表原样存储的内容：首次注册为草稿字段加 qualificationId、level；其他业务为 form、reason、review 等'),
  form: FormInWords,
  institution: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('确认机构'),
  authority: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('审批机关'),
  correctionItems: z.array(z.string()).nullable().describe('退回补正的全部内容'),
  decisionReasons: z.string().nullable().describe('不同意、退回补正或不予注册的理由'),
  decisionDocument: z.object({ documentNo: z.string(), issuedOn: Day, url: z.string() }).nullable().describe('不予注册决定书'),
  appealNotice: z.string().nullable().describe('不予注册时告知的行政复议、行政诉讼途径'),
  timeline: z.array(TimelineEntry).describe('办理记录，最早在前'),
  business: Business.nullable().describe('通用业务路径的申请内容（首次注册为 null）'),
  allowedActions: z.array(AllowedAction).describe('当前用户现在可执行的操作'),
  editable: z.boolean().describe('当前用户现在能否修改申请表'),
  nextStep: NextStep.describe('下一步'),
});

/** One row of 业务进度. */
const OwnApplicationItem = z.object({
  id: z.uuid(),
  businessCode: z.string().nullable(),
  businessType: BusinessType,
  businessTypeLabel: z.string(),
  state: ApplicationState,
  stateLabel: z.string().nullable(),
  version: z.number().int(),
  institutionName: z.string().nullable(),
  authorityName: z.string().nullable(),
  submittedAt: Instant.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  dueDate: Day.nullable().describe('法定办结日期'),
  ...DueDateFlag,
  allowedActions: z.array(AllowedAction),
  editable: z.boolean(),
});

export const OwnApplicationsPage = z.object({
  items: z.array(OwnApplicationItem),
  nextCursor: z.string().nullable().describe('下一页的游标（没有更多时为 null）'),
});
