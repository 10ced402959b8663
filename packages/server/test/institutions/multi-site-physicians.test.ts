// 多机构执业医师: the physicians filed at an institution (domain §2.2 BT-05 "The institution sees its multi-site physicians").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, todayInChina } from '@medreg/domain';
import { multiSiteFilings, type MultiSiteFiling } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD, makeAuthorityStaff, makeInstitution, makePhysician } from '../helpers/factories';
import { makeRegistration } from '../helpers/register-factories';
import { decide, fillAndSubmit, startBusiness } from './generic-flow';

type Row = {
  filingId: string; physicianName: string; idNumberMasked: string; levelLabel: string; categoryLabel: string; licenceCode: string | null;
  mainInstitutionName: string; scopes: { code: string; name: string }[]; validFrom: string; validTo: string; status: string; statusLabel: string; inForce: boolean;
};
type Page = { items: Row[]; total: number; nextCursor: string | null; today: string };

let t: TestApp;
let main: Awaited<ReturnType<typeof makeInstitution>>;
let site: Awaited<ReturnType<typeof makeInstitution>>;
let elsewhere: Awaited<ReturnType<typeof makeInstitution>>;
let clerk: Agent;
let admin: Agent;
let mainClerk: Agent;
let today: string;
const filings: Record<string, MultiSiteFiling> = {};

const ROSTER = '/api/v1/institution/multi-site-physicians';

async function list(agent: Agent, query: Record<string, string | number> = {}): Promise<Page> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const res = await agent.get(`${ROSTER}${qs ? `?${qs}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}

/** A physician registered at the main institution with a filing at `at`, inserted directly. */
async function filed(name: string, at: typeof site, o: { status: MultiSiteFiling['status']; validFrom: string; validTo: string; scopes?: string[] }) {
  const doc = await makePhysician(t.deps, { name });
  const registration = await makeRegistration(t.deps, { physicianId: doc.physician.id, qualificationId: doc.qualification.id, institution: main.institution, scopes: ['11', '21'] });
  const [row] = await t.deps.db.insert(multiSiteFilings).values({
    physicianId: doc.physician.id, registrationId: registration.id, institutionId: at.institution.id, authorityId: at.authorityId,
    scopes: o.scopes ?? ['11'], validFrom: o.validFrom, validTo: o.validTo, status: o.status,
  }).returning();
  return { doc, registration, filing: row! };
}

beforeAll(async () => {
  t = await createTestApp();
  today = todayInChina(t.deps.now());
  main = await makeInstitution(t.deps, { name: '北京市海淀区主院', areaCode: '110108' });
  site = await makeInstitution(t.deps, { name: '北京市东城区备案医院', areaCode: '110101' });
  elsewhere = await makeInstitution(t.deps, { name: '北京市西城区另一医院', areaCode: '110102' });
  clerk = await loggedIn(t.app, site.clerkLogin, PASSWORD);
  admin = await loggedIn(t.app, site.adminLogin, PASSWORD);
  mainClerk = await loggedIn(t.app, main.clerkLogin, PASSWORD);
  const later = (days: number) => addCalendarDays(today, days);
  filings.active = (await filed('张有效', site, { status: 'active', validFrom: later(-30), validTo: later(300), scopes: ['11', '21'] })).filing;
  filings.ended = (await filed('李过期', site, { status: 'active', validFrom: later(-400), validTo: later(-1) })).filing;
  filings.expired = (await filed('王到期', site, { status: 'expired', validFrom: later(-500), validTo: later(-100) })).filing;
  filings.revoked = (await filed('赵撤销', site, { status: 'revoked', validFrom: later(-60), validTo: later(200) })).filing;
  filings.pending = (await filed('钱申请', site, { status: 'pending', validFrom: later(10), validTo: later(400) })).filing;
  filings.other = (await filed('孙别处', elsewhere, { status: 'active', validFrom: later(-10), validTo: later(100) })).filing;
});

afterAll(async () => {
  await t?.close();
});

describe('多机构执业医师', () => {
  it('lists the filings at this institution with the physician, the registration and the filing, latest end date first', async () => {
    const page = await list(clerk);
    expect(page.total).toBe(5);
    expect(page.today).toBe(today);
    expect(page.items.map((r) => r.physicianName)).toEqual(['钱申请', '张有效', '赵撤销', '李过期', '王到期']);
    const row = page.items.find((r) => r.filingId === filings.active!.id)!;
    expect(row).toMatchObject({
      levelLabel: '执业医师', categoryLabel: '临床', mainInstitutionName: '北京市海淀区主院', validFrom: filings.active!.validFrom, validTo: filings.active!.validTo,
      status: 'active', statusLabel: '有效', inForce: true, scopes: [{ code: '11', name: '内科专业' }, { code: '21', name: '全科医学专业' }],
    });
    expect(row.licenceCode).toMatch(/^\d{15}$/);
    expect(row.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(JSON.stringify(page)).not.toMatch(/\d{17}[\dX]/);
    expect(page.items.find((r) => r.filingId === filings.pending!.id)).toMatchObject({ statusLabel: '申请中', inForce: false });
  });

  it('reads a filing past its end date as 到期, even before the expiry job recorded it (filingStatusOn)', async () => {
    const page = await list(clerk);
    expect(page.items.find((r) => r.filingId === filings.ended!.id)).toMatchObject({ status: 'expired', statusLabel: '到期', inForce: false });
    const expired = await list(clerk, { status: 'expired' });
    expect(expired.items.map((r) => r.physicianName).sort()).toEqual(['李过期', '王到期'].sort());
    expect(expired.total).toBe(2);
    const active = await list(clerk, { status: 'active' });
    expect(active.items.map((r) => r.physicianName)).toEqual(['张有效']);
    expect((await list(clerk, { status: 'revoked' })).items.map((r) => r.statusLabel)).toEqual(['撤销']);
  });

  it('filters by name and by status together, and sorts by the end date either way', async () => {
    expect((await list(admin, { name: '张有效' })).items.map((r) => r.filingId)).toEqual([filings.active!.id]);
    expect((await list(admin, { name: '张有效', status: 'revoked' })).total).toBe(0);
    expect((await list(admin, { sort: 'asc' })).items.map((r) => r.physicianName)).toEqual(['王到期', '李过期', '赵撤销', '张有效', '钱申请']);
  });

  it('pages by key with the total on every page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let n = 0; n < 10; n++) {
      const page = await list(clerk, { limit: 2, sort: 'asc', ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(5);
      seen.push(...page.items.map((r) => r.filingId));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    // A cursor of the other sort order is refused rather than misread.
    const first = await list(clerk, { limit: 2, sort: 'asc' });
    expectProblem(await clerk.get(`${ROSTER}?sort=desc&cursor=${first.nextCursor}`), 400, 'QUEUE_CURSOR_INVALID');
  });

  it('refuses an unknown status and a broken cursor with the field named', async () => {
    const bad = expectProblem(await clerk.get(`${ROSTER}?status=valid`), 400, 'VALIDATION_FAILED');
    expect(bad.errors?.[0]?.path).toEqual(['status']);
    const cursor = expectProblem(await clerk.get(`${ROSTER}?cursor=not-a-cursor`), 400, 'QUEUE_CURSOR_INVALID');
    expect(cursor.errors?.[0]?.path).toEqual(['cursor']);
  });

  it('shows each institution only its own filings, and is for institution staff only', async () => {
    expect((await list(mainClerk)).total).toBe(0);
    const doc = await makePhysician(t.deps, { name: '周医师' });
    const physician = await loggedIn(t.app, doc.loginName, PASSWORD);
    expect((await physician.get(ROSTER)).statusCode).toBe(403);
    const reviewer = await loggedIn(t.app, (await makeAuthorityStaff(t.deps, site.authorityId)).loginName, PASSWORD);
    expect((await reviewer.get(ROSTER)).statusCode).toBe(403);
  });

  it('shows a filing applied for through 多机构备案 as 申请中, then 有效 once the authority filed it', async () => {
    const doc = await makePhysician(t.deps, { name: '吴备案' });
    const registration = await makeRegistration(t.deps, { physicianId: doc.physician.id, qualificationId: doc.qualification.id, institution: main.institution, scopes: ['11'] });
    const agent = await loggedIn(t.app, doc.loginName, PASSWORD);
    const draft = await startBusiness(agent, 'multi_site_filing', { registrationId: registration.id });
    const app = await fillAndSubmit(agent, draft, {
      action: 'add', registrationId: registration.id, institutionId: site.institution.id, scopes: ['11'], validFrom: today, validTo: addCalendarDays(today, 365),
    });
    expect((await list(clerk, { name: '吴备案' })).items).toEqual([expect.objectContaining({ statusLabel: '申请中', mainInstitutionName: '北京市海淀区主院' })]);

    const reviewer = await loggedIn(t.app, (await makeAuthorityStaff(t.deps, site.authorityId)).loginName, PASSWORD);
    const agreed = await decide(clerk, `/api/v1/institution/applications/${app.id}/approve`, app.version);
    const accepted = await decide(reviewer, `/api/v1/authority/applications/${app.id}/accept`, agreed.version);
    await decide(reviewer, `/api/v1/authority/applications/${app.id}/approve`, accepted.version);
    expect((await list(clerk, { name: '吴备案' })).items).toEqual([expect.objectContaining({ status: 'active', statusLabel: '有效', inForce: true })]);
  });
});
