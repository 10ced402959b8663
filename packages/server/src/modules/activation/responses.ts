import { z } from 'zod';
import { ACTIVATION_METHODS, ACTIVATION_STATUSES, PHYSICIAN_ACCOUNT_STATUSES } from '@medreg/domain';

/** The declared success bodies of 账户激活 (physician) and 医师账户激活 (institution). */

/** 【激活我的账户】: the account's activation after the attempt. */
export const ActivationOutcome = z.object({
  activationStatus: z.enum(ACTIVATION_STATUSES).describe('账户状态：已注册未校验、已校验、已激活'),
  activationMethod: z.enum(ACTIVATION_METHODS).nullable().describe('激活方式（已激活时）'),
  pendingActivationPath: z.literal('auto_on_approval').nullable().describe('等待审批通过后自动激活'),
});

const ActivationRow = z.object({
  physicianId: z.string(),
  name: z.string(),
  sexLabel: z.string(),
  idNumberMasked: z.string().describe('身份证号（脱敏）'),
  licenceCode: z.string().nullable().describe('执业证书编码'),
  levelLabel: z.string(),
  categoryLabel: z.string(),
  accountStatus: z.enum(PHYSICIAN_ACCOUNT_STATUSES).describe('医师账户状态：未注册账户、已注册未校验、已校验、已激活'),
  accountStatusLabel: z.string(),
  activationMethodLabel: z.string().nullable(),
  activatedAt: z.string().nullable().describe('激活时间（ISO 8601）'),
  lastCode: z.object({
    issuedAt: z.string().describe('生成时间（ISO 8601）'),
    expiresAt: z.string().describe('失效时间（ISO 8601）'),
    state: z.enum(['used', 'valid', 'expired']).describe('已使用、有效、已失效'),
  }).nullable().describe('本机构最近一次生成的激活码'),
  canIssueCode: z.boolean().describe('可生成激活码'),
  cannotIssueReason: z.enum(['no_account', 'already_active', 'contact_unverified']).nullable().describe('不能生成激活码的原因'),
});

export const ActivationPhysicianPage = z.object({
  items: z.array(ActivationRow),
  nextCursor: z.string().nullable().describe('下一页游标（无更多时为空）'),
});

const Channels = z.array(z.enum(['sms', 'email'])).describe('激活码送达渠道');

export const IssuedCodes = z.object({
  issuedCount: z.number().int(),
  expiresAt: z.string().describe('激活码失效时间（ISO 8601）'),
  issued: z.array(z.object({ physicianId: z.string(), name: z.string(), channels: Channels })),
  skipped: z.array(z.object({
    physicianId: z.string(),
    name: z.string().nullable().describe('医师姓名（不在本机构医师中时为空）'),
    reason: z.enum(['no_account', 'already_active', 'contact_unverified', 'not_found']),
    reasonText: z.string().describe('未生成的原因'),
  })).describe('未生成激活码的医师'),
});

export const ActivationSettings = z.object({
  autoActivate: z.boolean().describe('已开启自动激活'),
  institutionName: z.string(),
});
