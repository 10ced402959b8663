/** The answer of 医师验证 (verification.ts): the physician's registrations checked against the institution. */
import { z } from 'zod';
import { PHYSICIAN_LEVELS, PRACTICE_CATEGORIES, REGISTRATION_STATUSES } from '@medreg/domain';
import { Day } from '../applications/responses';

const CheckedRegistration = z.object({
  id: z.uuid(),
  level: z.enum(PHYSICIAN_LEVELS),
  levelLabel: z.string(),
  category: z.enum(PRACTICE_CATEGORIES),
  categoryLabel: z.string(),
  scopes: z.array(z.string()).describe('执业范围名称'),
  practiceLocationCode: z.string(),
  practiceLocation: z.string().describe('执业地点'),
  mainInstitutionName: z.string().describe('主要执业机构'),
  status: z.enum(REGISTRATION_STATUSES),
  statusLabel: z.string(),
  current: z.boolean().describe('是否仍在有效或中止状态'),
  licenceCode: z.string().nullable().describe('执业证书编码'),
  approvedOn: Day.describe('批准日期'),
  authorityName: z.string().describe('审批机关'),
  institutionMatches: z.boolean().describe('主要执业机构是否与本机构标准名称一致'),
  locationMatches: z.boolean().describe('执业地点是否与本机构所在地一致'),
  message: z.string(),
});

const NotFound = z.object({ found: z.literal(false), message: z.string() });

const Found = z.object({
  found: z.literal(true),
  physician: z.object({ name: z.string(), sexLabel: z.string(), idNumberMasked: z.string() }),
  institution: z.object({ name: z.string(), areaName: z.string() }).describe('本机构'),
  registrations: z.array(CheckedRegistration),
  summary: z.object({
    result: z.enum(['match', 'mismatch', 'no_current_registration']).describe('一致 / 不一致 / 无有效注册'),
    message: z.string(),
  }),
});

export const PhysicianVerification = z.discriminatedUnion('found', [NotFound, Found]);
