/** Response shapes of the generic business path: what the physician may apply for, and an application's evidence files. */
import { z } from 'zod';
import { FILING_STATUSES, PHYSICIAN_LEVELS, PRACTICE_CATEGORIES, QUALIFICATION_STATUSES, REGISTRATION_STATUSES } from '@medreg/domain';
import { Day, Instant } from '../applications/responses';
import { FORM_BUSINESS_TYPES } from './business-context';

const Scope = z.object({ code: z.string(), label: z.string() });
const InstitutionRef = z.object({ id: z.uuid(), name: z.string(), areaCode: z.string() });
const Refusal = z.object({ code: z.string().describe('不能办理的原因代码'), message: z.string() });

const RegistrationOption = z.object({
  id: z.uuid(),
  status: z.enum(REGISTRATION_STATUSES),
  statusLabel: z.string().describe('注册状态（变更中时注明）'),
  level: z.enum(PHYSICIAN_LEVELS),
  levelLabel: z.string(),
  category: z.enum(PRACTICE_CATEGORIES),
  categoryLabel: z.string(),
  scopes: z.array(Scope).describe('执业范围'),
  practiceLocation: z.object({ code: z.string(), name: z.string() }).describe('执业地点'),
  mainInstitution: InstitutionRef.describe('主要执业机构'),
  licenceCode: z.string().nullable().describe('执业证书编码'),
  approvedOn: Day.describe('批准日期'),
  authorityName: z.string().nullable().describe('审批机关'),
});

const FilingOption = z.object({
  id: z.uuid(),
  registrationId: z.uuid().describe('所属执业注册'),
  status: z.enum(FILING_STATUSES),
  statusLabel: z.string(),
  institution: InstitutionRef.describe('备案机构'),
  scopes: z.array(Scope),
  validFrom: Day.describe('备案有效期起'),
  validTo: Day.describe('备案有效期止'),
});

const QualificationOption = z.object({
  id: z.uuid(),
  level: z.enum(PHYSICIAN_LEVELS),
  levelLabel: z.string(),
  category: z.enum(PRACTICE_CATEGORIES),
  categoryLabel: z.string(),
  status: z.enum(QUALIFICATION_STATUSES),
  obtainedOn: Day.nullable().describe('取得资格日期'),
});

/** Whether the business may start from one registration (registrationId) or filing (filingId). */
const Subject = z.object({
  registrationId: z.uuid().optional().describe('可依据的执业注册'),
  filingId: z.uuid().optional().describe('可依据的备案'),
  eligible: z.boolean(),
  refusals: z.array(Refusal).describe('不能办理的原因'),
});

const BusinessOption = z.object({
  type: z.enum(FORM_BUSINESS_TYPES),
  id: z.string().describe('业务类型编号，如 BT-03'),
  label: z.string(),
  explanation: z.string().nullable().describe('业务说明'),
  statutoryWorkingDays: z.number().int().nullable().describe('法定办理时限（工作日；备案、补发换领无）'),
  subjects: z.array(Subject),
  available: z.boolean().describe('是否至少可依据一条注册或备案办理'),
  refusals: z.array(Refusal).describe('整项业务不能办理的原因'),
});

export const BusinessOptions = z.object({
  registrations: z.array(RegistrationOption).describe('我的执业注册'),
  filings: z.array(FilingOption).describe('我的多机构执业备案'),
  qualifications: z.array(QualificationOption).describe('我的医师资格'),
  businesses: z.array(BusinessOption),
});

export const Attachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  fileSha256: z.string().describe('文件 SHA-256'),
  uploadedAt: Instant,
  url: z.string().describe('下载地址'),
});

export const AttachmentList = z.object({ items: z.array(Attachment).describe('证明文件，最早上传在前') });
