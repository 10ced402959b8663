/**
 * What follows when a registration stops holding its 执业地点 (注册备案, 注销): its 有效 multi-site filings end
 * (a filing hangs on its registration, domain §5.2) and the physician's current main institution moves to another
 * registration still held, or to none. Shared by the departure report and every path to 注销.
 */
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { FILING_TABLE, filingTransition, type LifecycleCause } from '@medreg/domain';
import type { Ctx } from '../../context';
import { filingEvents, multiSiteFilings, physicians, registrations } from '../../db/schema/index';
import { audit, type AuditActor } from '../audit/service';
import { LifecycleErrors } from './errors';

const REGISTRATION_CLOSED: LifecycleCause = { kind: 'registration_closed' };

/** FILING_TABLE `end` for each 有效 filing of the registration, guarded by its status like every lifecycle write. */
export async function endActiveFilings(c: Ctx, actor: AuditActor, registrationId: string): Promise<number> {
  const active = await c.tx.select({ id: multiSiteFilings.id, status: multiSiteFilings.status }).from(multiSiteFilings)
    .where(and(eq(multiSiteFilings.registrationId, registrationId), eq(multiSiteFilings.status, 'active')));
  for (const f of active) {
    const to = filingTransition(f.status, 'end');
    const [row] = await c.tx.update(multiSiteFilings).set({ status: to, statusSince: c.now() })
      .where(and(eq(multiSiteFilings.id, f.id), eq(multiSiteFilings.status, f.status))).returning({ id: multiSiteFilings.id });
    if (!row) throw LifecycleErrors.RECORD_CHANGED({ detail: '该备案已被其他操作更改，请刷新后重新办理' });
    await c.tx.insert(filingEvents).values({
      filingId: f.id, event: 'end', fromStatus: f.status, toStatus: to, cause: REGISTRATION_CLOSED, applicationId: null,
      actorAccountId: actor.accountId, changes: { registrationId }, createdAt: c.now(),
    });
    await audit(c, actor, 'filing.end', 'multi_site_filing', f.id, { from: f.status, to, label: FILING_TABLE.end.label });
  }
  return active.length;
}

/**
 * The physician's current main institution: the one of another registration still held (有效 or 中止, BT-02 in
 * another province), or none — an invalid registration leaves no current main institution (§3.3: activation codes).
 * Only moves it if it is the closed registration's institution.
 */
export async function moveMainInstitution(c: Ctx, physicianId: string, registrationId: string, institutionId: string): Promise<void> {
  const [other] = await c.tx.select({ institutionId: registrations.mainInstitutionId }).from(registrations)
    .where(and(eq(registrations.physicianId, physicianId), ne(registrations.id, registrationId), inArray(registrations.status, ['valid', 'suspended'])))
    .orderBy(desc(registrations.approvedOn)).limit(1);
  await c.tx.update(physicians).set({ mainInstitutionId: other?.institutionId ?? null })
    .where(and(eq(physicians.id, physicianId), eq(physicians.mainInstitutionId, institutionId)));
}
