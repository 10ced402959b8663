import { z } from 'zod';
import { FILING_STATUSES, normalizePhysicianName, plainText } from '@medreg/domain';

/** Query-string values the browser leaves empty count as absent. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

/** 多机构执业医师: filter by 备案状态 and 姓名, sorted by 有效期结束时间, keyset-paginated. */
export const MultiSiteQuery = z.object({
  /** 备案状态 as it reads today: an 有效 filing past its end date counts as 到期. */
  status: optional(z.enum(FILING_STATUSES, '未知的备案状态')),
  /** 姓名, exact. */
  name: optional(plainText().max(30, '姓名不超过30个字').transform(normalizePhysicianName)),
  /** 有效期结束时间: latest first (desc) or earliest first (asc). */
  sort: z.enum(['desc', 'asc'], '排序方式应为 asc 或 desc').default('desc'),
  cursor: optional(z.string().max(300)),
  limit: z.coerce.number('每页条数应为1–100').int('每页条数应为1–100').min(1, '每页条数应为1–100').max(100, '每页条数应为1–100').default(20),
});
export type MultiSiteQuery = z.output<typeof MultiSiteQuery>;

export const MultiSitePhysician = z.object({
  filingId: z.string(),
  physicianName: z.string(),
  /** 身份证号, masked: the institution never sees it in full. */
  idNumberMasked: z.string(),
  level: z.string(),
  levelLabel: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  licenceCode: z.string().nullable(),
  /** The physician's 主要执业机构 (of the registration the filing belongs to). */
  mainInstitutionName: z.string(),
  /** 备案执业范围. */
  scopes: z.array(z.object({ code: z.string(), name: z.string() })),
  validFrom: z.string(),
  validTo: z.string(),
  status: z.enum(FILING_STATUSES),
  statusLabel: z.string(),
  /** Whether the physician may practise here today (有效 and within 有效期). */
  inForce: z.boolean(),
});

export const MultiSitePage = z.object({
  items: z.array(MultiSitePhysician),
  /** How many filings match the filters (all pages). */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
  /** The day the statuses were read on (Beijing time). */
  today: z.string(),
});
export type MultiSitePage = z.infer<typeof MultiSitePage>;
