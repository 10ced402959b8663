import { z } from 'zod';
import { isIsoDate } from '../calendar/iso-date';
import { plainText } from '../text/plain-text';
import { AUTHORITY_QUEUE_IDS } from './authority-queues';

/**
 * 审批工作台 query: one schema for the API (validation, OpenAPI) and the web (the query it sends).
 * Keyset-paginated by `cursor`.
 */
export const AuthorityQueueQuery = z.object({
  queue: z.enum(AUTHORITY_QUEUE_IDS).default('pending_authority'),
  /** A subordinate authority whose queue a superior looks at (read-only). */
  authorityId: z.uuid('审批机关无效').optional(),
  /** 已办结 tab: 准予注册 or 不予注册. */
  state: z.enum(['approved', 'refused']).optional(),
  name: plainText().trim().max(50).optional(),
  businessCode: plainText().trim().max(30).optional(),
  idNumber: z.string().trim().max(18).optional(),
  dueBefore: z.string().refine(isIsoDate, '日期应为YYYY-MM-DD格式的真实日期').optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
/** What the web sends. */
export type AuthorityQueueQueryInput = z.input<typeof AuthorityQueueQuery>;
/** What the server receives after validation. */
export type AuthorityQueueQuery = z.output<typeof AuthorityQueueQuery>;
