import { DomainError } from '@medreg/domain';
import type { Ctx } from '../../context';
import { hitBatchedRateLimit } from '../../security/rate-limit';

/** Per-client quotas of the public register (domain §6: the national query throttles per IP, per minute and per day). */
export const PUBLIC_QUOTAS = {
  search: { perMinute: 10, perDay: 200, what: '查询' },
  verify: { perMinute: 30, perDay: 1000, what: '核验' },
  fhir: { perMinute: 60, perDay: 5000, what: '接口调用' },
  announcements: { perMinute: 30, perDay: 1000, what: '公告查询' },
} as const;

export type PublicQuota = keyof typeof PUBLIC_QUOTAS;

/**
 * Counts one request of the client against its minute and day windows. Refuses with RATE_LIMITED (429) and a
 * Chinese message. The hits are counted in this process and added to the shared counts in the database in
 * batches (every server process shares the count, to within one flush interval), so a public read costs no
 * write of its own; a hit stays counted even when the request then fails.
 */
export async function hitPublicQuota(c: Ctx, quota: PublicQuota, clientIp: string): Promise<void> {
  const q = PUBLIC_QUOTAS[quota];
  await rephrase(() => hitBatchedRateLimit(c, `public-${quota}:minute:${clientIp}`, q.perMinute, 60),
    (seconds) => `${q.what}过于频繁（每分钟最多 ${q.perMinute} 次），请 ${seconds} 秒后再试`);
  await rephrase(() => hitBatchedRateLimit(c, `public-${quota}:day:${clientIp}`, q.perDay, 86_400),
    () => `今日${q.what}次数已达上限（每日 ${q.perDay} 次），请明天再试`);
}

async function rephrase(hit: () => void, detail: (retryAfterSeconds: number) => string): Promise<void> {
  try {
    hit();
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'RATE_LIMITED') throw error;
    const seconds = Number(error.extra?.retryAfterSeconds ?? 60);
    throw new DomainError({ code: error.code, status: error.status, title: error.title, titleEn: error.titleEn, detail: detail(seconds), extra: error.extra });
  }
}
