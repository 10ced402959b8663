import { z } from 'zod';
import { CERTIFICATE_STATUSES, REGISTRATION_STATUSES, getRegion, isValidPhysicianName, nameText, normalizePhysicianName, plainText, PHYSICIAN_LEVELS, PRACTICE_CATEGORIES } from '@medreg/domain';
import { VERIFY_STATES } from './verification';

/** The opaque token in a certificate QR code (certificates.verify_token: base64url). */
export const VERIFY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export const RegisterSearchBody = z.object({
  provinceCode: z.string().trim()
    .regex(/^\d{2}0000$/, '请选择所在省份')
    .refine((code) => getRegion(code)?.level === 'province', '请选择所在省份'),
  name: plainText().trim().min(1, '请输入医师姓名').max(30, '医师姓名过长')
    .transform(normalizePhysicianName)
    .refine(isValidPhysicianName, '请输入医师的完整姓名（与身份证上的姓名一致）'),
  institutionName: nameText().trim().min(2, '请输入所在医疗机构名称').max(100, '医疗机构名称过长'),
  captchaId: z.uuid('验证码已失效，请刷新'),
  captchaAnswer: plainText().trim().min(1, '请输入验证码').max(10, '验证码错误'),
});

export const VerifyParams = z.object({
  token: z.string().regex(VERIFY_TOKEN_PATTERN, '证书核验码格式不正确'),
});

/**
 * The public projection as a response schema: the serializer keeps exactly these keys, so a column
 * added to a query by mistake cannot reach the public.
 */
export const PublicRegistrationSchema = z.object({
  name: z.string(),
  sex: z.enum(['男', '女']),
  level: z.enum(PHYSICIAN_LEVELS),
  levelLabel: z.string(),
  category: z.enum(PRACTICE_CATEGORIES),
  categoryLabel: z.string(),
  scopes: z.array(z.string()),
  practiceLocation: z.string(),
  institutionName: z.string(),
  licenceCode: z.string().nullable(),
  issuingAuthority: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  statusLabel: z.string(),
  statusSince: z.string().nullable(),
  /** 注销日期 and 注销原因 (《医师法》第二十一条) of a cancelled registration; null otherwise. */
  cancellation: z.object({ effectiveOn: z.string(), groundLabel: z.string().nullable() }).nullable(),
  /** 暂停执业活动 (running, 至 endsOn) or 吊销医师执业证书 (decidedOn, documentNo), with the deciding authority. */
  supervision: z.object({
    kind: z.enum(['suspension', 'revocation']),
    text: z.string(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    decidedOn: z.string().nullable(),
    documentNo: z.string().nullable(),
    authorityName: z.string(),
  }).nullable(),
  /** 备案机构 (domain §5.2): multi-site filings in force or to come; empty unless the registration is valid. */
  filings: z.array(z.object({
    institutionName: z.string(),
    scopes: z.array(z.string()),
    validFrom: z.string(),
    validTo: z.string(),
  })),
});

export const RegisterSearchResult = z.object({ items: z.array(PublicRegistrationSchema) });

/** A certificate record on the verification page: number, date of issue and status (never its token). */
const VerifiedCertificate = z.object({
  licenceCode: z.string().nullable(),
  /** 证书核发日期. */
  issuedOn: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  statusLabel: z.string(),
  /** When it was replaced (已换发) or voided (已废止); null while issued. */
  statusSince: z.string().nullable(),
});

export const VerifyResult = z.object({
  /** True only for the current certificate of a valid registration. */
  valid: z.boolean(),
  state: z.enum(VERIFY_STATES),
  /** The word shown large: 有效, 已换发, 已废止, or the registration's status (中止执业, 注册备案, 变更出, 已注销). */
  verdict: z.string(),
  reason: z.string(),
  checkedAt: z.string(),
  certificate: VerifiedCertificate,
  /** For a replaced certificate: the certificate to rely on now (the last of its replacements). */
  replacedBy: VerifiedCertificate.extend({ valid: z.boolean(), verdict: z.string() }).nullable(),
  /** Whose registration `registration` is: the certificate's own, or that of its replacement. */
  registrationOf: z.enum(['certificate', 'replacement']),
  registration: PublicRegistrationSchema,
});
