// 注册备案 reported by the main institution (domain §2.2 BT-06, §2.3 [S6]) and 本机构医师, the institution's roster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, certificates, filingEvents, multiSiteFilings, outbox, physicians, registrationEvents, registrations } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, expectProblem, loggedIn } from '../helpers/agent';
import { PASSWORD, makeAuthority, makeInstitution } from '../helpers/factories';
import { makeRegisteredPhysician } from '../helpers/register-factories';
import { makeFiling } from '../helpers/filing-factories';

type Roster = {
  items: { registrationId: string; physicianName: string; idNumberMasked: string; statusLabel: string; status: string; licenceCode: string | null;
    scopes: { code: string; name: string }[]; departure: { reasonLabel: string; leftOn: string; late: boolean; note: string | null } | null;
    abilities: { reportDeparture: boolean } }[];
  total: number; nextCursor: string | null;
};

let t: TestApp;
let hospital: Awaited<ReturnType<typeof makeInstitution>>;
let other: Awaited<ReturnType<typeof makeInstitution>>;
let clerk: Agent;
let ip = 0;

const report = (agent: Agent, registrationId: string, body: Record<string, unknown>) =>
  agent.post(`/api/v1/institution/registrations/${registrationId}/departure`, body);

async function roster(agent: Agent, qs = ''): Promise<Roster> {
  const res = await agent.get(`/api/v1/institution/physicians${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Roster;
}

async function search(name: string): Promise<Record<string, unknown>[]> {
  const agent = new Agent(t.app, { remoteAddress: `198.51.100.${++ip}` });
  const res = await agent.request('POST', '/api/v1/register/search', { provinceCode: '110000', name, institutionName: '北京市海淀备案测试医院', ...(await agent.captcha()) });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Record<string, unknown>[] }).items;
}

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-20T02:00:00Z');
  const county = await makeAuthority(t.deps, { areaCode: '110108', level: 'county' });
  hospital = await makeInstitution(t.deps, { name: '北京市海淀备案测试医院', areaCode: '110108', authorityId: county.id });
  other = await makeInstitution(t.deps, { name: '北京市海淀区另一医院', areaCode: '110108', authorityId: county.id });
  clerk = await loggedIn(t.app, hospital.clerkLogin, PASSWORD);
});
afterAll(async () => { await t?.close(); });

describe('注册备案 (domain §2.2 BT-06 [S6])', () => {
  it('an on-time report files the registration: 注册备案 with history, audit, the filing ended, the certificate kept and the physician told', async () => {
    const doc = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '蔡按时' });
    const filing = await makeFiling(t.deps, { registration: { id: doc.registration.id, physicianId: doc.physician.id }, institution: other.institution, validTo: '2027-06-30' });
    expect((await search('蔡按时')).length).toBe(1);

    const res = await report(clerk, doc.registration.id, { reason: 'retirement', leftOn: '2026-11-01', note: '到龄退休' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'filed', statusLabel: '注册备案', reasonLabel: '退休', leftOn: '2026-11-01', reportedOn: '2026-11-20', dueOn: '2026-12-01', late: false, endedFilings: 1 });

    const [reg] = await t.deps.db.select().from(registrations).where(eq(registrations.id, doc.registration.id));
    expect(reg).toMatchObject({ status: 'filed', statusReason: '注册备案', version: 2 });
    const events = await t.deps.db.select().from(registrationEvents).where(eq(registrationEvents.registrationId, doc.registration.id));
    expect(events.map((e) => [e.event, e.fromStatus, e.toStatus])).toContainEqual(['file_departure', 'valid', 'filed']);
    const filed = events.find((e) => e.event === 'file_departure')!;
    expect(filed.cause).toEqual({ kind: 'institution_report', report: 'departure' });
    expect(filed.changes).toEqual({ reason: 'retirement', leftOn: '2026-11-01', reportedOn: '2026-11-20', late: false, note: '到龄退休' });
    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, doc.registration.id));
    expect(audits.map((a) => a.action)).toContain('registration.file_departure');

    const [f] = await t.deps.db.select().from(multiSiteFilings).where(eq(multiSiteFilings.id, filing.id));
    expect(f!.status).toBe('revoked');
    const [fe] = await t.deps.db.select().from(filingEvents).where(eq(filingEvents.filingId, filing.id));
    expect(fe).toMatchObject({ event: 'end', cause: { kind: 'registration_closed' } });
    const certs = await t.deps.db.select().from(certificates).where(eq(certificates.registrationId, doc.registration.id));
    expect(certs.every((c) => c.status === 'issued')).toBe(true);
    const [p] = await t.deps.db.select().from(physicians).where(eq(physicians.id, doc.physician.id));
    expect(p!.mainInstitutionId).toBeNull();

    const notices = await t.deps.db.select().from(outbox).where(and(eq(outbox.accountId, doc.physician.account.id), eq(outbox.template, 'registration.departure_filed')));
    expect(notices.map((n) => n.channel).sort()).toEqual(['email', 'sms']);
    expect(notices[0]!.body).toContain('北京市海淀备案测试医院已报告您于2026-11-01退休');
    expect(notices[0]!.body).not.toContain('逾期');

    // The public register lists current registrations and cancellations, not 注册备案.
    expect(await search('蔡按时')).toEqual([]);
    // The physician's 执业信息 reads 注册备案.
    const physician = await loggedIn(t.app, doc.loginName, PASSWORD);
    const own = await physician.get('/api/v1/physician/registrations');
    expect(own.statusCode, own.body).toBe(200);
    const mine = (own.json() as { items: { id: string; statusLabel: string }[] }).items;
    expect(mine.map((r) => r.statusLabel)).toEqual(['注册备案']);
  });

  it('domain §2.3 BT-06: a report more than 30 days after the formalities is accepted and marked late', async () => {
    const doc = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '鲁逾期' });
    const res = await report(clerk, doc.registration.id, { reason: 'transfer', leftOn: '2026-10-20' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ late: true, dueOn: '2026-11-19', statusLabel: '注册备案' });
    const [notice] = await t.deps.db.select().from(outbox).where(and(eq(outbox.accountId, doc.physician.account.id), eq(outbox.channel, 'sms')));
    expect(notice!.body).toContain('逾期报告');

    const page = await roster(clerk, `?name=${encodeURIComponent('鲁逾期')}`);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ statusLabel: '注册备案', departure: { reasonLabel: '调离', leftOn: '2026-10-20', late: true, note: null }, abilities: { reportDeparture: false } });
  });

  it('the 30th day after the formalities is still on time (calendar days)', async () => {
    const doc = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '韩三十' });
    const res = await report(clerk, doc.registration.id, { reason: 'resignation', leftOn: '2026-10-21' });
    expect(res.json()).toMatchObject({ late: false, dueOn: '2026-11-20' });
  });

  it('another institution gets 404 for a registration that is not its own', async () => {
    const doc = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '邓别家' });
    const stranger = await loggedIn(t.app, other.clerkLogin, PASSWORD);
    expectProblem(await report(stranger, doc.registration.id, { reason: 'dismissal', leftOn: '2026-11-10' }), 404, 'REGISTRATION_NOT_FOUND');
    expect((await roster(stranger, `?name=${encodeURIComponent('邓别家')}`)).total).toBe(0);
    const [reg] = await t.deps.db.select().from(registrations).where(eq(registrations.id, doc.registration.id));
    expect(reg!.status).toBe('valid');
  });

  it('a registration that is not 有效 is refused with 409 naming its status', async () => {
    const doc = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '范中止', status: 'suspended' });
    const res = await report(clerk, doc.registration.id, { reason: 'expulsion', leftOn: '2026-11-10' });
    expectProblem(res, 409, 'REGISTRATION_EVENT_NOT_ALLOWED');
    expect((res.json() as { detail: string }).detail).toContain('当前状态「中止」不允许「注册备案」');
  });

  it('a repeated or concurrent report records one 注册备案', async () => {
    const doc = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '石两次' });
    const body = { reason: 'resignation', leftOn: '2026-11-15' };
    const results = await Promise.all([report(clerk, doc.registration.id, body), report(clerk, doc.registration.id, body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const again = await report(clerk, doc.registration.id, body);
    expectProblem(again, 409, 'REGISTRATION_EVENT_NOT_ALLOWED');
    const events = await t.deps.db.select().from(registrationEvents)
      .where(and(eq(registrationEvents.registrationId, doc.registration.id), eq(registrationEvents.event, 'file_departure')));
    expect(events).toHaveLength(1);
  });

  it('refuses a departure date in the future, a missing reason and an unknown reason, in Chinese with the field', async () => {
    const doc = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '毛未来' });
    const future = await report(clerk, doc.registration.id, { reason: 'retirement', leftOn: '2026-11-21' });
    expectProblem(future, 400, 'DEPARTURE_DATE_IN_FUTURE');
    expect(future.json()).toMatchObject({ detail: '离职手续办理日期不能晚于今天' });
    const bad = await report(clerk, doc.registration.id, { reason: 'holiday', leftOn: '2026-02-30' });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(bad.json())).toContain('请选择备案情形');
  });
});

describe('本机构医师', () => {
  it('lists the physicians whose main institution this is, filtered by status, keyset-paginated with a total', async () => {
    const all = await roster(clerk, '?limit=2');
    expect(all.total).toBeGreaterThanOrEqual(7);
    expect(all.items).toHaveLength(2);
    const seen = new Set(all.items.map((r) => r.registrationId));
    let cursor = all.nextCursor;
    while (cursor) {
      const next = await roster(clerk, `?limit=2&cursor=${encodeURIComponent(cursor)}`);
      next.items.forEach((r) => seen.add(r.registrationId));
      cursor = next.nextCursor;
    }
    expect(seen.size).toBe(all.total);
    const filed = await roster(clerk, '?status=filed');
    expect(filed.items.every((r) => r.statusLabel === '注册备案' && r.departure !== null)).toBe(true);
    const valid = await roster(clerk, '?status=valid');
    expect(valid.items.every((r) => r.abilities.reportDeparture)).toBe(true);
    expect(valid.items[0]!.idNumberMasked).toMatch(/\*/);
    expect(valid.items[0]!.licenceCode).toMatch(/^\d{15}$/);
    expectProblem(await clerk.get('/api/v1/institution/physicians?cursor=nonsense'), 400, 'QUEUE_CURSOR_INVALID');
  });
});
