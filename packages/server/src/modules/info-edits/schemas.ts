/** Request and response shapes of 个人信息修改 (domain §2.2 BT-11), for validation and OpenAPI. */
import { z } from 'zod';
import { INFO_EDIT_ACTIONS, INFO_EDIT_FIELDS, INFO_EDIT_STATUSES, isIsoDate, normalizePhysicianName, plainText } from '@medreg/domain';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const isoDate = z.string().refine(isIsoDate, '日期应为YYYY-MM-DD格式的真实日期');

export const InfoEditIdParams = z.object({ id: z.uuid('信息修改申请编号无效') });
export const RegistrationIdParams = z.object({ id: z.uuid('执业注册编号无效') });
export const PhotoSideQuery = z.object({ side: z.enum(['old', 'new'], '照片应为 old（修改前）或 new（修改后）').default('new') });

/** 信息修改审核: filter by 审核状态, 姓名 and 提交日期, newest first, keyset-paginated. */
export const InfoEditQueueQuery = z.object({
  status: optional(z.enum(INFO_EDIT_STATUSES, '未知的审核状态')),
  name: optional(plainText().max(30, '姓名不超过30个字').transform(normalizePhysicianName)),
  submittedFrom: optional(isoDate),
  submittedTo: optional(isoDate),
  cursor: optional(z.string().max(300)),
  limit: z.coerce.number('每页条数应为1–100').int('每页条数应为1–100').min(1, '每页条数应为1–100').max(100, '每页条数应为1–100').default(20),
});
export type InfoEditQueueQuery = z.output<typeof InfoEditQueueQuery>;

/** One field, 修改前 → 修改后; a photo comes as links instead of text. */
export const InfoEditRowView = z.object({
  field: z.enum(INFO_EDIT_FIELDS),
  label: z.string(),
  old: z.string().nullable(),
  new: z.string().nullable(),
  oldPhotoUrl: z.string().nullable(),
  newPhotoUrl: z.string().nullable(),
});

const AllowedAction = z.object({ action: z.enum(INFO_EDIT_ACTIONS), label: z.string(), requiresReason: z.boolean() });

const RegistrationBrief = z.object({
  registrationId: z.string(),
  licenceCode: z.string().nullable(),
  institutionName: z.string(),
  levelLabel: z.string(),
  categoryLabel: z.string(),
});

export const InfoEditView = z.object({
  id: z.string(),
  version: z.number().int(),
  registration: RegistrationBrief,
  physicianName: z.string(),
  idNumberMasked: z.string(),
  status: z.enum(INFO_EDIT_STATUSES),
  statusLabel: z.string(),
  rows: z.array(InfoEditRowView),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  allowedActions: z.array(AllowedAction),
});
export type InfoEditView = z.infer<typeof InfoEditView>;

export const InfoEditHistoryEntry = z.object({
  action: z.string(),
  label: z.string(),
  toStatusLabel: z.string(),
  actorName: z.string().nullable(),
  actorRoleLabel: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
});

export const InfoEditDetail = InfoEditView.extend({
  history: z.array(InfoEditHistoryEntry),
  /** Earlier approved edits of the same registration, newest first. */
  earlier: z.array(z.object({ id: z.string(), decidedAt: z.string().nullable(), rows: z.array(InfoEditRowView) })),
});

export const InfoEditPage = z.object({
  items: z.array(InfoEditView),
  /** How many requests match the filters (all pages). */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type InfoEditPage = z.infer<typeof InfoEditPage>;

export const OwnInfoEdits = z.object({ items: z.array(InfoEditView) });

const Values = z.object(Object.fromEntries(INFO_EDIT_FIELDS.map((f) => [f, z.string().nullable()])) as Record<(typeof INFO_EDIT_FIELDS)[number], z.ZodNullable<z.ZodString>>);

export const CurrentInfo = z.object({
  registrations: z.array(RegistrationBrief.extend({
    statusLabel: z.string(),
    /** The values as they stand; photoSha256 identifies the current photo. */
    values: Values,
    photoUrl: z.string().nullable(),
    /** Whether an edit may be filed now, and if not why. */
    canEdit: z.boolean(),
    blockedReason: z.string().nullable(),
    pendingId: z.string().nullable(),
    /** 是否修改过信息. */
    edited: z.boolean(),
  })),
});

export const UploadedPhoto = z.object({ photoSha256: z.string(), sizeBytes: z.number().int(), contentType: z.string() });
