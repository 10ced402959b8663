// The scheduled rules of the registration lifecycle, each run by moving the clock, and twice at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import {
  accounts, applicationEvents, applications, authorityDueAlerts, outbox, registrationCancellations, registrationEvents, registrationLapseNotices, registrations,
} from '../../src/db/schema/index';
import { inTransaction, reading } from '../../src/context';
import { verifyAuditChain } from '../../src/modules/audit/verify';
import { dueDateAfter } from '../../src/modules/authority/calendar';
import { recordApplicationEvent } from '../../src/modules/applications/events';
import { createJobRunner } from '../../src/jobs/index';
import { deemAccepted } from '../../src/jobs/deemed-acceptance';
import { sendDueAlerts } from '../../src/jobs/due-alerts';
import { lapseFiledRegistrations } from '../../src/jobs/filed-lapse';
import { RecordOnlySender } from '../../src/modules/notifications/sender';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createPeerApp, type PeerApp } from '../helpers/peer-app';
import { makeAuthority, makeAuthorityStaff, makeInstitution } from '../helpers/factories';
import { makePendingApplication } from '../helpers/authority-factories';
import { makeRegisteredPhysician, setRegistrationStatus } from '../helpers/register-factories';

let t: TestApp;
let peer: PeerApp;
let county: Awaited<ReturnType<typeof makeAuthority>>;
let hospital: Awaited<ReturnType<typeof makeInstitution>>;
let reviewer: { id: string; phone: string };

const appOf = async (id: string) => (await t.deps.db.select().from(applications).where(eq(applications.id, id)))[0]!;
const messagesTo = (accountId: string, template: string) =>
  t.deps.db.select().from(outbox).where(and(eq(outbox.accountId, accountId), eq(outbox.template, template)));
const bothAtOnce = <T>(fn: (c: Parameters<typeof deemAccepted>[0]) => Promise<T>) =>
  Promise.all([inTransaction(t.deps, fn), inTransaction(peer.deps, fn)]);

beforeAll(async () => {
  t = await createTestApp();
  peer = await createPeerApp(t);
  county = await makeAuthority(t.deps, { areaCode: '110108', level: 'county', name: '北京市海淀区卫生健康委员会' });
  hospital = await makeInstitution(t.deps, { name: '北京市海淀医院', areaCode: '110108', authorityId: county.id });
  const staff = await makeAuthorityStaff(t.deps, county.id);
  await t.deps.db.update(accounts).set({ phone: '13900000001' }).where(eq(accounts.id, staff.id));
  reviewer = { id: staff.id, phone: '13900000001' };
});
afterAll(async () => {
  await peer?.close();
  await t?.close();
});

describe('applications.deem_accepted', () => {
  it('《行政许可法》第三十二条：五个工作日内未告知补正的，自收到申请材料之日起即为受理', async () => {
    t.setNow('2027-03-01T02:00:00Z'); // arrives 2027年3月1日（周一）10:00 北京时间
    const { application, doctor } = await makePendingApplication(t.deps, { institution: hospital.institution, authorityId: county.id }, { name: '景明远' });

    t.setNow('2027-03-08T15:00:00Z'); // 3月8日 23:00: the fifth working day after arrival has not ended
    expect(await inTransaction(t.deps, deemAccepted)).toBe(0);
    expect(await appOf(application.id)).toMatchObject({ state: 'pending_authority', deemedAcceptedOn: null });

    t.setNow('2027-03-08T16:30:00Z'); // 3月9日 00:30
    expect(await inTransaction(t.deps, deemAccepted)).toBe(1);
    const due = await inTransaction(t.deps, (c) => dueDateAfter(c, '2027-03-01', t.deps.config.DECISION_LIMIT_WORKING_DAYS));
    expect(await appOf(application.id)).toMatchObject({
      state: 'accepted', deemedAcceptedOn: '2027-03-01', acceptedAt: new Date('2027-03-01T02:00:00Z'), dueDate: due.dueDate, version: application.version + 1,
      // 《行政许可法》第八十二条: 2027's holidays are not entered in this test, so the due date is 暂定.
      dueDateProvisional: true, dueWorkingDays: t.deps.config.DECISION_LIMIT_WORKING_DAYS,
    });
    const events = await t.deps.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, application.id));
    expect(events).toEqual([expect.objectContaining({ action: 'deem_accept', fromState: 'pending_authority', toState: 'accepted', actorRole: 'system' })]);
    expect(events[0]!.reason).toContain('逾期未告知补正，视为受理');
    expect((await messagesTo(doctor.physician.account.id, 'authority.accepted')).length).toBeGreaterThan(0);

    expect(await inTransaction(t.deps, deemAccepted)).toBe(0); // a rerun changes nothing
  });

  it('shows the deemed acceptance with its date in the authority queue', async () => {
    const agent = await (await import('../helpers/authority-factories')).staffOf(t.app, t.deps, county.id);
    const res = await agent.get(`/api/v1/authority/queue?queue=accepted`);
    expect(res.statusCode).toBe(200);
    const row = res.json().items.find((i: { physicianName: string }) => i.physicianName === '景明远');
    expect(row).toMatchObject({ deemedAcceptedOn: '2027-03-01', deemedAcceptanceLabel: '逾期未告知补正，视为受理' });
  });

  it('deems an application accepted once when two processes run the rule at the same moment', async () => {
    t.setNow('2027-03-15T02:00:00Z');
    const made = [];
    for (const name of ['温知行', '华予安', '苗清和']) made.push((await makePendingApplication(t.deps, { institution: hospital.institution, authorityId: county.id }, { name })).application);
    t.setNow('2027-03-23T02:00:00Z');
    const counts = await bothAtOnce(deemAccepted);
    expect(counts[0] + counts[1]).toBe(3);
    const events = await t.deps.db.select().from(applicationEvents).where(inArray(applicationEvents.applicationId, made.map((a) => a.id)));
    expect(events).toHaveLength(3);
  });
  it('gives an application resubmitted after 补正 its own 5 working days from the resubmission', async () => {
    t.setNow('2027-07-01T02:00:00Z');
    const { application } = await makePendingApplication(t.deps, { institution: hospital.institution, authorityId: county.id }, { name: '骆清远' });
    await t.deps.db.update(applications).set({ state: 'returned_for_correction' }).where(eq(applications.id, application.id));
    t.setNow('2027-07-12T02:00:00Z'); // resubmitted on Monday 7月12日
    await t.deps.db.update(applications).set({ state: 'pending_authority' }).where(eq(applications.id, application.id));
    await inTransaction(t.deps, (c) => recordApplicationEvent(c, { accountId: null, role: 'institution_clerk' }, {
      applicationId: application.id, action: 'resubmit_correction', fromState: 'returned_for_correction', toState: 'pending_authority',
      actorRole: 'institution_clerk', createdAt: c.now(),
    }, {}));
    t.setNow('2027-07-19T08:00:00Z'); // the fifth working day after the resubmission
    await inTransaction(t.deps, deemAccepted);
    expect(await appOf(application.id)).toMatchObject({ state: 'pending_authority' });
    t.setNow('2027-07-20T01:00:00Z');
    await inTransaction(t.deps, deemAccepted);
    expect(await appOf(application.id)).toMatchObject({ state: 'accepted', deemedAcceptedOn: '2027-07-12', acceptedAt: new Date('2027-07-12T02:00:00Z') });
  });
});

describe('applications.due_alerts', () => {
  it('《医师法》第十三条：tells the deciding authority once when an application is due within 3 working days, and once when overdue', async () => {
    t.setNow('2027-08-16T02:00:00Z'); // Monday: 4 working days left to Friday 8月20日
    const { application } = await makePendingApplication(t.deps, { institution: hospital.institution, authorityId: county.id },
      { name: '方若谷', state: 'accepted', dueDate: '2027-08-20', acceptedAt: new Date('2027-07-23T02:00:00Z') });
    await inTransaction(t.deps, sendDueAlerts); // earlier tests' accepted applications
    const mine = () => t.deps.db.select().from(authorityDueAlerts).where(eq(authorityDueAlerts.applicationId, application.id));
    expect(await mine()).toEqual([]);

    t.setNow('2027-08-17T02:00:00Z'); // 3 working days left: 即将超期
    const before = (await messagesTo(reviewer.id, 'authority.due_soon')).length;
    await inTransaction(t.deps, sendDueAlerts);
    expect((await mine()).map((a) => a.level)).toEqual(['due_soon']);
    const soon = await messagesTo(reviewer.id, 'authority.due_soon');
    expect(soon.length).toBe(before + 1);
    expect(soon.at(-1)!.body).toContain('方若谷');
    expect(soon.at(-1)!.body).toContain('即将超期');

    const queue = await (await (await import('../helpers/authority-factories')).staffOf(t.app, t.deps, county.id)).get('/api/v1/authority/queue?queue=accepted');
    expect(queue.json().counts).toMatchObject({ dueSoon: expect.any(Number), overdue: expect.any(Number) });
    expect(queue.json().counts.dueSoon).toBeGreaterThanOrEqual(1);

    await inTransaction(t.deps, sendDueAlerts); // again the same day: nothing twice
    expect((await messagesTo(reviewer.id, 'authority.due_soon')).length).toBe(before + 1);

    t.setNow('2027-08-23T02:00:00Z'); // past the due date: 已超期
    const [a, b] = await bothAtOnce(sendDueAlerts);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect((await mine()).map((x) => x.level).sort()).toEqual(['due_soon', 'overdue']);
    const overdue = (await messagesTo(reviewer.id, 'authority.overdue')).filter((m) => m.body.includes('方若谷'));
    expect(overdue).toHaveLength(1);
    await inTransaction(t.deps, sendDueAlerts);
    expect((await messagesTo(reviewer.id, 'authority.overdue')).filter((m) => m.body.includes('方若谷'))).toHaveLength(1);
  });
});

describe('registrations.lapse_filed', () => {
  async function filedDoctor(name: string, since: Date) {
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name });
    await setRegistrationStatus(t.deps, d.registration.id, 'filed', since);
    return d;
  }
  const statusOf = async (id: string) => (await t.deps.db.select().from(registrations).where(eq(registrations.id, id)))[0]!.status;

  it('domain §2.2 BT-06 [S6]: 备案满二年未继续执业的予以注销 — told 30 days before, once, then cancelled', async () => {
    t.setNow('2027-07-01T02:00:00Z');
    const d = await filedDoctor('郑怀瑾', new Date('2025-09-01T02:00:00Z')); // 备案 since 2025年9月1日
    t.setNow('2027-08-01T02:00:00Z');
    expect(await inTransaction(t.deps, lapseFiledRegistrations)).toEqual({ noticed: 0, lapsed: 0 });

    t.setNow('2027-08-02T02:00:00Z'); // 30 days before 2027年9月1日
    expect(await inTransaction(t.deps, lapseFiledRegistrations)).toEqual({ noticed: 1, lapsed: 0 });
    const notices = await messagesTo(d.physician.account.id, 'registration.lapse_notice');
    expect(notices.map((m) => m.channel)).toContain('sms');
    expect(notices[0]!.body).toContain('2027年9月1日');
    expect(await t.deps.db.select().from(registrationLapseNotices).where(eq(registrationLapseNotices.registrationId, d.registration.id)))
      .toEqual([expect.objectContaining({ lapsesOn: '2027-09-01' })]);
    expect(await inTransaction(t.deps, lapseFiledRegistrations)).toEqual({ noticed: 0, lapsed: 0 });

    t.setNow('2027-08-31T02:00:00Z');
    expect(await inTransaction(t.deps, lapseFiledRegistrations)).toEqual({ noticed: 0, lapsed: 0 });
    expect(await statusOf(d.registration.id)).toBe('filed');

    t.setNow('2027-09-01T02:00:00Z');
    expect(await inTransaction(t.deps, lapseFiledRegistrations)).toEqual({ noticed: 0, lapsed: 1 });
    expect(await statusOf(d.registration.id)).toBe('cancelled');
    const [cancellation] = await t.deps.db.select().from(registrationCancellations).where(eq(registrationCancellations.registrationId, d.registration.id));
    expect(cancellation).toMatchObject({ event: 'lapse_filed', ground: 'practice_stopped_two_years', initiator: 'schedule', effectiveOn: '2027-09-01' });
    expect(await inTransaction(t.deps, lapseFiledRegistrations)).toEqual({ noticed: 0, lapsed: 0 });
  });

  it('leaves a filed registration alone once the physician has registered again', async () => {
    t.setNow('2027-10-01T02:00:00Z');
    const d = await filedDoctor('沈砚秋', new Date('2025-10-01T02:00:00Z'));
    const { makeRegistration } = await import('../helpers/register-factories');
    await makeRegistration(t.deps, { physicianId: d.physician.id, qualificationId: d.qualification.id, institution: hospital.institution });
    t.setNow('2027-11-01T02:00:00Z');
    await inTransaction(t.deps, lapseFiledRegistrations);
    expect(await statusOf(d.registration.id)).toBe('filed');
  });

  it('notices and cancels each registration once when two processes run the rule at the same moment', async () => {
    t.setNow('2028-01-01T02:00:00Z');
    const ds = [await filedDoctor('严以宁', new Date('2026-02-10T02:00:00Z')), await filedDoctor('葛映川', new Date('2026-02-11T02:00:00Z'))];
    const ids = ds.map((d) => d.registration.id);
    t.setNow('2028-01-12T02:00:00Z');
    const noticed = await bothAtOnce(lapseFiledRegistrations);
    expect(noticed[0].noticed + noticed[1].noticed).toBe(2);
    t.setNow('2028-02-12T02:00:00Z');
    const lapsed = await bothAtOnce(lapseFiledRegistrations);
    expect(lapsed[0].lapsed + lapsed[1].lapsed).toBe(2);
    const events = await t.deps.db.select().from(registrationEvents).where(and(inArray(registrationEvents.registrationId, ids), eq(registrationEvents.event, 'lapse_filed')));
    expect(events).toHaveLength(2);
    for (const d of ds) expect((await messagesTo(d.physician.account.id, 'registration.lapse_notice')).filter((m) => m.channel === 'sms')).toHaveLength(1);
  });
});

describe('on the job queue', () => {
  it('runs every rule as one of the server\'s scheduled jobs, each once per interval', async () => {
    t.setNow('2028-03-01T02:00:00Z');
    const runner = createJobRunner(t.deps, { error: () => undefined }, new RecordOnlySender());
    const first = await runner.tick();
    for (const name of ['applications.deem_accepted', 'applications.due_alerts', 'registrations.lapse_filed', 'outbox.dispatch', 'cleanup.sessions']) {
      expect(first[name], name).toBe('ran');
    }
    const again = await runner.tick();
    expect(again['applications.due_alerts']).toBe('not_due');
    const runs = await t.engine.query<{ state: string }>("SELECT state FROM pgboss.job WHERE name = 'applications.due_alerts'");
    expect(runs.map((r) => r.state)).toContain('completed');
  });

  it('leaves the audit chain intact', async () => {
    expect(await verifyAuditChain(reading(t.deps))).toMatchObject({ ok: true, firstBreak: null });
  });
});
