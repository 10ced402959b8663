// domain §2.2 BT-05: a multi-site filing ends at its end date by itself — the scheduled job `filings.expire`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { auditLog, filingEvents, multiSiteFilings, outbox } from '../../src/db/schema/index';
import { inTransaction, reading } from '../../src/context';
import { verifyAuditChain } from '../../src/modules/audit/verify';
import { createJobRunner, JobRunner } from '../../src/jobs/index';
import { FILING_EXPIRY_BATCH, expireFilings, filingExpiryJob } from '../../src/jobs/filing-expiry';
import { RecordOnlySender } from '../../src/modules/notifications/sender';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createPeerApp, type PeerApp } from '../helpers/peer-app';
import { makeAuthority, makeInstitution } from '../helpers/factories';
import { makeRegisteredPhysician } from '../helpers/register-factories';
import { makeFiling } from '../helpers/filing-factories';

const silent = { error: () => undefined };

let t: TestApp;
let peer: PeerApp;
let hospital: Awaited<ReturnType<typeof makeInstitution>>;
let clinic: Awaited<ReturnType<typeof makeInstitution>>;

async function filingOf(id: string) {
  const [row] = await t.deps.db.select().from(multiSiteFilings).where(eq(multiSiteFilings.id, id));
  return row!;
}
const eventsOf = (id: string) => t.deps.db.select().from(filingEvents).where(eq(filingEvents.filingId, id));

async function doctorWithFilings(name: string, validTos: string[]) {
  const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name });
  const registration = { id: d.registration.id, physicianId: d.physician.id };
  const filings = [];
  for (const validTo of validTos) filings.push(await makeFiling(t.deps, { registration, institution: clinic.institution, validFrom: '2026-01-01', validTo }));
  return { ...d, filings };
}

beforeAll(async () => {
  t = await createTestApp();
  peer = await createPeerApp(t);
  const county = await makeAuthority(t.deps, { areaCode: '110108', level: 'county', name: '北京市海淀区卫生健康委员会' });
  hospital = await makeInstitution(t.deps, { name: '北京市海淀医院', areaCode: '110108', authorityId: county.id });
  clinic = await makeInstitution(t.deps, { name: '北京市海淀区北太平庄社区卫生服务中心', areaCode: '110108', authorityId: county.id });
});
afterAll(async () => {
  await peer?.close();
  await t?.close();
});

describe('filings.expire', () => {
  it('is one of the server\'s scheduled jobs', async () => {
    t.setNow('2026-10-01T00:00:00Z');
    const outcomes = await createJobRunner(t.deps, silent, new RecordOnlySender()).tick();
    expect(outcomes['filings.expire']).toBe('ran');
  });

  it('domain §2.2 BT-05: expires in one tick a filing whose end date has passed, and leaves one still running', async () => {
    const now = new Date('2026-12-01T16:30:00Z'); // 2026年12月2日 00:30 北京时间
    t.setNow(now);
    const d = await doctorWithFilings('蒋知远', ['2026-12-01', '2026-12-02']);
    const [ended, running] = d.filings;
    const pending = await makeFiling(t.deps, { registration: { id: d.registration.id, physicianId: d.physician.id }, institution: clinic.institution, validTo: '2026-11-15', status: 'pending' });

    const runner = new JobRunner(t.deps, silent).register(filingExpiryJob());
    expect(await runner.runOnce('filings.expire')).toBe('ran');

    expect(await filingOf(ended!.id)).toMatchObject({ status: 'expired', statusSince: now, version: 2 });
    expect(await eventsOf(ended!.id)).toEqual([expect.objectContaining({
      event: 'expire', fromStatus: 'active', toStatus: 'expired', cause: { kind: 'schedule', rule: 'filing_end_date' }, actorAccountId: null, applicationId: null,
    })]);
    const [entry] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'filing.expire'), eq(auditLog.entityId, ended!.id)));
    expect(entry).toMatchObject({ actorRole: 'system', entityType: 'multi_site_filing', detail: expect.objectContaining({ from: 'active', to: 'expired', validTo: '2026-12-01' }) });
    const messages = await t.deps.db.select().from(outbox).where(and(eq(outbox.template, 'filing.expired'), eq(outbox.accountId, d.physician.account.id)));
    expect(messages.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    expect(messages.find((m) => m.channel === 'sms')).toMatchObject({ recipient: d.physician.account.phone });
    expect(messages[0]!.body).toContain('北京市海淀区北太平庄社区卫生服务中心');
    expect(messages[0]!.body).toContain('2026年12月1日');

    expect(await filingOf(running!.id)).toMatchObject({ status: 'active', version: 1 });
    expect(await eventsOf(running!.id)).toEqual([]);
    expect(await filingOf(pending.id)).toMatchObject({ status: 'pending' });
  });

  it('keeps a filing until its last day has ended in 北京时间', async () => {
    t.setNow('2026-12-10T15:59:00Z'); // 2026年12月10日 23:59 北京时间
    await inTransaction(t.deps, (c) => expireFilings(c)); // what earlier tests left due
    const { filings: [lastDay] } = await doctorWithFilings('陶书宁', ['2026-12-10']);
    expect(await inTransaction(t.deps, (c) => expireFilings(c))).toBe(0);
    expect(await filingOf(lastDay!.id)).toMatchObject({ status: 'active' });
    t.setNow('2026-12-10T16:00:00Z'); // 12月11日 00:00
    expect(await inTransaction(t.deps, (c) => expireFilings(c))).toBe(1);
    expect(await filingOf(lastDay!.id)).toMatchObject({ status: 'expired' });
  });

  it('expires a filing once when two server processes run the job at the same moment', async () => {
    t.setNow('2027-01-05T02:00:00Z');
    const { filings } = await doctorWithFilings('穆晨曦', ['2027-01-01', '2027-01-02']);
    const runners = [new JobRunner(t.deps, silent).register(filingExpiryJob()), new JobRunner(peer.deps, silent).register(filingExpiryJob())];
    const outcomes = await Promise.all(runners.map((r) => r.runOnce('filings.expire')));
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
    for (const f of filings) {
      expect(await filingOf(f.id)).toMatchObject({ status: 'expired', version: 2 });
      expect(await eventsOf(f.id)).toHaveLength(1);
    }
  });

  it('expires each filing once when two transactions run the expiry together (row locks, SKIP LOCKED)', async () => {
    t.setNow('2027-02-05T02:00:00Z');
    await inTransaction(t.deps, (c) => expireFilings(c));
    const { filings } = await doctorWithFilings('童若溪', ['2027-02-01', '2027-02-02', '2027-02-03']);
    const counts = await Promise.all([inTransaction(t.deps, (c) => expireFilings(c)), inTransaction(peer.deps, (c) => expireFilings(c))]);
    expect(counts[0]! + counts[1]!).toBe(3);
    const events = await t.deps.db.select().from(filingEvents).where(inArray(filingEvents.filingId, filings.map((f) => f.id)));
    expect(events).toHaveLength(3);
  });

  it(`works through more than one batch (${FILING_EXPIRY_BATCH} a batch) in a run`, async () => {
    t.setNow('2027-03-05T02:00:00Z');
    await inTransaction(t.deps, (c) => expireFilings(c));
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '易清扬' });
    const rows = Array.from({ length: FILING_EXPIRY_BATCH + 30 }, () => ({
      physicianId: d.physician.id, registrationId: d.registration.id, institutionId: clinic.institution.id, authorityId: clinic.authorityId,
      scopes: ['11'], validFrom: '2027-01-01', validTo: '2027-03-01', status: 'active' as const,
    }));
    const inserted = await t.deps.db.insert(multiSiteFilings).values(rows).returning({ id: multiSiteFilings.id });
    expect(await inTransaction(t.deps, (c) => expireFilings(c))).toBe(inserted.length);
    const left = await t.deps.db.select({ id: multiSiteFilings.id }).from(multiSiteFilings)
      .where(and(inArray(multiSiteFilings.id, inserted.map((r) => r.id)), eq(multiSiteFilings.status, 'active')));
    expect(left).toEqual([]);
  });

  it('leaves the audit chain intact after runs of several processes', async () => {
    expect(await verifyAuditChain(reading(t.deps))).toMatchObject({ ok: true, firstBreak: null });
  });
});
