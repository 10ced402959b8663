import { z } from 'zod';
import { ExOfficioCancellationForm, REGISTRATION_STATUSES, plainText } from '@medreg/domain';

export const RegistrationSearchQuery = z.object({
  name: plainText().trim().max(50).optional(),
  idNumber: z.string().trim().max(18).optional(),
  licenceCode: z.string().trim().max(30).optional(),
  status: z.enum(REGISTRATION_STATUSES, '注册状态无效').optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type RegistrationSearchQuery = z.infer<typeof RegistrationSearchQuery>;

const RegistrationRow = z.object({
  id: z.string(),
  name: z.string(),
  /** 身份证号, masked (e.g. 110101********1234). */
  idNumberMasked: z.string(),
  licenceCode: z.string().nullable(),
  levelLabel: z.string(),
  categoryLabel: z.string(),
  institutionName: z.string(),
  authorityName: z.string(),
  approvedOn: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  statusLabel: z.string(),
  canCancel: z.boolean(),
});

export const RegistrationSearchPage = z.object({ items: z.array(RegistrationRow), count: z.number().int(), nextCursor: z.string().nullable() });

export const RegistrationDetail = RegistrationRow.extend({
  scopes: z.array(z.string()),
  practiceLocation: z.string(),
  statusSince: z.string(),
  version: z.number().int(),
  cancellation: z.object({
    effectiveOn: z.string(), groundLabel: z.string(), initiatorLabel: z.string(), triggerOn: z.string().nullable(), documentNo: z.string().nullable(), note: z.string().nullable(),
  }).nullable(),
  history: z.array(z.object({ at: z.string(), event: z.string(), label: z.string(), fromStatusLabel: z.string().nullable(), toStatusLabel: z.string() })),
});

export const ExOfficioCancellationBody = ExOfficioCancellationForm.extend({
  /** The version the officer saw: a registration changed meanwhile is refused (409). */
  expectedVersion: z.number({ error: '缺少版本号，请刷新页面后重试' }).int().min(1),
});

export const ExOfficioCancellationResult = z.object({
  registrationId: z.string(), status: z.literal('cancelled'), effectiveOn: z.string(), voidedCertificate: z.boolean(),
  bar: z.object({ kind: z.string(), startsOn: z.string(), endsOn: z.string().nullable() }).nullable(),
});
