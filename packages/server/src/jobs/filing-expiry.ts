import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { FILING_TABLE, filingTransition, scheduled, todayInChina, type IsoDate } from '@medreg/domain';
import type { Ctx } from '../context';
import { accounts, filingEvents, institutions, multiSiteFilings, physicians } from '../db/schema/index';
import { chineseDate } from '../pdf/layout';
import { audit, type AuditActor } from '../modules/audit/service';
import { notifyAccount } from '../modules/notifications/outbox';
import type { Job } from './runner';

const HOUR = 3_600_000;
/** Filings expired per batch: the row locks stay brief; a run takes batches until one comes back short. */
export const FILING_EXPIRY_BATCH = 200;
/** At most this many batches per run; the rest waits for the next run (the public views already read them as 到期). */
const MAX_BATCHES_PER_RUN = 10;

const SCHEDULER: AuditActor = { accountId: null, role: 'system' };
const CAUSE = scheduled('filing_end_date');

/**
 * domain §2.2 BT-05 "End": a multi-site filing ends at its 有效期结束时间 by itself. Moves every 有效 filing whose end
 * date is before today (北京时间) to 到期 through the filing lifecycle (`expire`), each with its history row, an audit
 * entry and a message to the physician, all in the job's transaction. The candidates come from
 * multi_site_filings_expiry_idx and are locked FOR UPDATE SKIP LOCKED, and the update is guarded by the status, so
 * a filing a decision is changing at that moment is left for the next run and none is expired twice.
 * Returns how many filings were expired.
 */
export async function expireFilings(c: Ctx): Promise<number> {
  const today = todayInChina(c.now());
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
    const { locked, expired } = await expireBatch(c, today);
    total += expired;
    if (locked < FILING_EXPIRY_BATCH) break;
  }
  return total;
}

async function expireBatch(c: Ctx, today: IsoDate): Promise<{ locked: number; expired: number }> {
  const due = await c.tx
    .select({
      id: multiSiteFilings.id,
      status: multiSiteFilings.status,
      validTo: multiSiteFilings.validTo,
      institutionName: institutions.name,
      accountId: accounts.id,
      phone: accounts.phone,
      email: accounts.email,
      disabled: accounts.disabled,
    })
    .from(multiSiteFilings)
    .innerJoin(institutions, eq(institutions.id, multiSiteFilings.institutionId))
    .innerJoin(physicians, eq(physicians.id, multiSiteFilings.physicianId))
    .leftJoin(accounts, eq(accounts.id, physicians.accountId))
    .where(and(eq(multiSiteFilings.status, 'active'), lt(multiSiteFilings.validTo, today)))
    .orderBy(asc(multiSiteFilings.validTo), asc(multiSiteFilings.id))
    .limit(FILING_EXPIRY_BATCH)
    .for('update', { of: multiSiteFilings, skipLocked: true });
  if (due.length === 0) return { locked: 0, expired: 0 };

  const to = filingTransition('active', 'expire');
  const now = c.now();
  const updated = await c.tx.update(multiSiteFilings)
    .set({ status: to, statusSince: now, version: sql`${multiSiteFilings.version} + 1` })
    .where(and(inArray(multiSiteFilings.id, due.map((f) => f.id)), eq(multiSiteFilings.status, 'active')))
    .returning({ id: multiSiteFilings.id });
  const done = new Set(updated.map((r) => r.id));
  const expired = due.filter((f) => done.has(f.id));
  if (expired.length === 0) return { locked: due.length, expired: 0 };

  await c.tx.insert(filingEvents).values(expired.map((f) => ({
    filingId: f.id, event: 'expire', fromStatus: f.status, toStatus: to, cause: CAUSE,
    applicationId: null, actorAccountId: null, changes: { validTo: f.validTo }, createdAt: now,
  })));
  for (const f of expired) {
    await audit(c, SCHEDULER, 'filing.expire', 'multi_site_filing', f.id, {
      from: f.status, to, label: FILING_TABLE.expire.label, validTo: f.validTo, rule: CAUSE,
    });
    if (f.accountId && !f.disabled) {
      await notifyAccount(c, { accountId: f.accountId, phone: f.phone, email: f.email }, 'filing.expired', '多机构备案已到期',
        `您在${f.institutionName}的多机构备案有效期已于${chineseDate(f.validTo)}届满，备案已到期。如需继续在该机构执业，请重新办理多机构备案。`);
    }
  }
  return { locked: due.length, expired: expired.length };
}

export function filingExpiryJob(): Job {
  return { name: 'filings.expire', intervalMs: HOUR, run: (c) => expireFilings(c) };
}
