import { z } from 'zod';
import { ACTIVATION_METHODS, ACTIVATION_STATUSES, PHYSICIAN_LEVELS, PRACTICE_CATEGORIES, REGISTRATION_STATUSES } from '@medreg/domain';
import { QualificationCheckOutcome, QualificationShown } from '../qualifications/qualification-responses';

/** The declared success bodies of the physician's own account operations (signup, status, verification, 执业信息). */

export const SignupStarted = z.object({
  signupToken: z.string().describe('注册令牌（第二步提交）'),
  expiresAt: z.string().describe('令牌失效时间（ISO 8601）'),
  name: z.string(),
  idNumberMasked: z.string().describe('身份证号（脱敏）'),
});

export const SignupCompleted = z.object({
  loginName: z.string(),
  name: z.string().describe('账户姓名（已有执业注册记录的，以记录中的姓名为准）'),
  linkedExistingRecord: z.boolean().describe('关联到了已有的医师记录（已执业注册的医师）'),
});

const Channel = z.enum(['sms', 'email']).describe('校验渠道：短信或电子邮件');

export const VerificationSent = z.object({
  channel: Channel,
  target: z.string().describe('发送到的手机号或电子邮箱（脱敏）'),
  expiresAt: z.string().describe('校验码失效时间（ISO 8601）'),
  resendAfterSeconds: z.number().int().describe('多少秒后可重新获取'),
});

export const VerificationConfirmed = z.object({ channel: Channel, verified: z.literal(true) });

export const IdentityCorrected = z.object({
  name: z.string(),
  idNumberMasked: z.string().describe('身份证号（脱敏）'),
  qualificationCheck: QualificationCheckOutcome,
  qualificationCheckLabel: z.string(),
});

/** 执业信息: one registration as its owner sees it (presentRegistration). */
export const OwnRegistration = z.object({
  id: z.string(),
  practiceLocationCode: z.string().describe('执业地点行政区划代码'),
  practiceLocationName: z.string().describe('执业地点（完整地区名称）'),
  level: z.enum(PHYSICIAN_LEVELS),
  levelLabel: z.string(),
  category: z.enum(PRACTICE_CATEGORIES),
  categoryLabel: z.string(),
  scopes: z.array(z.object({ code: z.string(), label: z.string() })).describe('执业范围'),
  mainInstitutionId: z.string(),
  mainInstitutionName: z.string().nullable().describe('主要执业机构'),
  licenceCode: z.string().nullable().describe('执业证书编码'),
  authorityName: z.string().nullable().describe('发证机关'),
  approvedOn: z.string().describe('审核日期（YYYY-MM-DD）'),
  status: z.enum(REGISTRATION_STATUSES),
  statusLabel: z.string(),
  statusSince: z.string().describe('进入当前状态的时间（ISO 8601）'),
  training: z.boolean().describe('规范化培训期间的注册'),
  eRegistrationEnabled: z.boolean().describe('执业地点所在省份已实施电子化注册'),
  certificateUrl: z.string().nullable().describe('电子证书下载地址（有效注册）'),
});

export const OwnRegistrations = z.object({ items: z.array(OwnRegistration) });

/** What the activation screens show of a registration (summariseRegistration). */
const RegistrationSummary = OwnRegistration.pick({
  status: true, statusLabel: true, practiceLocationName: true, levelLabel: true, categoryLabel: true, training: true, eRegistrationEnabled: true,
});

/** 账户状态 (账户激活 screens and 系统首页). */
export const PhysicianStatusView = z.object({
  name: z.string(),
  idNumber: z.string().describe('本人的身份证号（完整，供核对）'),
  idNumberMasked: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string().describe('出生日期（YYYY-MM-DD）'),
  loginName: z.string(),
  phoneMasked: z.string().nullable().describe('手机号（脱敏）'),
  emailMasked: z.string().nullable().describe('电子邮箱（脱敏）'),
  hasEmail: z.boolean(),
  phoneVerified: z.boolean(),
  emailVerified: z.boolean(),
  activationStatus: z.enum(ACTIVATION_STATUSES).describe('账户状态：已注册未校验、已校验、已激活'),
  activationStatusLabel: z.string(),
  activationMethod: z.enum(ACTIVATION_METHODS).nullable().describe('激活方式'),
  activationMethodLabel: z.string().nullable(),
  activatedAt: z.string().nullable().describe('激活时间（ISO 8601）'),
  pendingActivationPath: z.literal('auto_on_approval').nullable().describe('等待审批通过后自动激活'),
  autoActivated: z.boolean().describe('本次打开时由机构自动激活'),
  businessUnlocked: z.boolean().describe('可办理业务（已激活，或等待审批通过后自动激活）'),
  availableActivationMethods: z.array(z.object({ method: z.enum(ACTIVATION_METHODS), label: z.string() })).describe('可用的激活方式'),
  institutionCodeOnly: z.boolean().describe('只能使用机构激活码激活'),
  mainInstitutionName: z.string().nullable().describe('主要执业机构（激活后）'),
  qualificationCheck: QualificationCheckOutcome,
  qualificationCheckLabel: z.string(),
  qualificationCheckMessage: z.string().nullable(),
  qualifications: z.array(QualificationShown).describe('资格信息（激活前为摘要）'),
  registrations: z.array(RegistrationSummary).describe('执业注册（摘要）'),
  canCorrectIdentity: z.boolean().describe('可修改姓名、身份证号'),
  nextStep: z.object({
    key: z.enum(['verify_phone', 'qualification_check', 'activate', 'apply', 'business']),
    text: z.string().describe('下一步提示'),
  }),
});
