import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { isActivationCodeShape } from '@medreg/domain';
import { activationCodes, auditLog, institutions, outbox } from '../../src/db/schema/index';
import { sha256 } from '../../src/security/tokens';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { column, exportBoth } from '../helpers/export-files';
import { PASSWORD, makeInstitution } from '../helpers/factories';
import { makeRegisteredPhysician } from '../helpers/institutions-factories';

type Item = { physicianId: string; name: string; accountStatus: string; accountStatusLabel: string; canIssueCode: boolean; cannotIssueReason: string | null;
  licenceCode: string; idNumberMasked: string; lastCode: { state: string } | null };
type List = { items: Item[]; nextCursor: string | null };
type Issued = { issuedCount: number; issued: { physicianId: string; channels: string[] }[]; skipped: { physicianId: string; reason: string }[] };

let t: TestApp;
let admin: Agent;
let clerk: Agent;
let otherAdmin: Agent;
let inst: Awaited<ReturnType<typeof makeInstitution>>;
let other: Awaited<ReturnType<typeof makeInstitution>>;
const people: Record<string, Awaited<ReturnType<typeof makeRegisteredPhysician>>> = {};

beforeAll(async () => {
  t = await createTestApp();
  inst = await makeInstitution(t.deps, { name: '北京市激活测试医院' });
  other = await makeInstitution(t.deps, { name: '北京市其他医院' });
  people.none = await makeRegisteredPhysician(t.deps, inst, { name: '赵无号', account: 'none' });
  people.unverified = await makeRegisteredPhysician(t.deps, inst, { name: '钱未验', account: 'unverified' });
  people.verified = await makeRegisteredPhysician(t.deps, inst, { name: '孙已验', account: 'verified' });
  people.verified2 = await makeRegisteredPhysician(t.deps, inst, { name: '李已验', account: 'verified', email: false });
  people.active = await makeRegisteredPhysician(t.deps, inst, { name: '周已激', account: 'active' });
  people.cancelled = await makeRegisteredPhysician(t.deps, inst, { name: '吴注销', account: 'verified', status: 'cancelled' });
  people.elsewhere = await makeRegisteredPhysician(t.deps, other, { name: '郑外院', account: 'verified' });
  admin = await loggedIn(t.app, inst.adminLogin, PASSWORD);
  clerk = await loggedIn(t.app, inst.clerkLogin, PASSWORD);
  otherAdmin = await loggedIn(t.app, other.adminLogin, PASSWORD);
});

afterAll(async () => {
  await t.close();
});

async function list(query = ''): Promise<List> {
  const res = await admin.get(`/api/v1/institution/activation/physicians${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as List;
}

/** The codes that reached a physician's phone (the only place a clear code exists). */
async function smsCodes(phone: string | null): Promise<string[]> {
  const rows = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, phone!));
  return rows.filter((m) => m.template === 'activation.code').map((m) => /激活码为 (\w{8})/.exec(m.body)![1]!);
}

describe('医师账户激活 list', () => {
  it('lists the physicians whose main institution is this one, with a current registration, and their account status', async () => {
    const { items } = await list();
    expect(items.map((i) => i.name).sort()).toEqual(['孙已验', '周已激', '李已验', '赵无号', '钱未验'].sort());
    const byName = Object.fromEntries(items.map((i) => [i.name, i]));
    expect(byName['赵无号']!.accountStatusLabel).toBe('未注册账户');
    expect(byName['钱未验']!.accountStatusLabel).toBe('已注册未校验');
    expect(byName['孙已验']!.accountStatusLabel).toBe('已校验');
    expect(byName['周已激']!.accountStatusLabel).toBe('已激活');
    expect(byName['孙已验']!.canIssueCode).toBe(true);
    expect(byName['钱未验']!.cannotIssueReason).toBe('contact_unverified');
    expect(byName['孙已验']!.licenceCode).toHaveLength(15);
    expect(byName['孙已验']!.idNumberMasked).toContain('********');
  });

  it('filters by name and pages by key without duplicates', async () => {
    expect((await list('?name=孙已验')).items.map((i) => i.name)).toEqual(['孙已验']);
    expect((await list('?status=no_account')).items.map((i) => i.name)).toEqual(['赵无号']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: List = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.physicianId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('exports the list as Excel and CSV with the same rows, its filters and order, 身份证号 masked; another institution sees none of them', async () => {
    const { items } = await list();
    const rows = await exportBoth(admin, '/api/v1/institution/activation/physicians/export');
    expect(column(rows, '姓名')).toEqual(items.map((i) => i.name));
    expect(column(rows, '身份证号')).toEqual(items.map((i) => i.idNumberMasked));
    expect(column(rows, '身份证号').every((id) => id.includes('********'))).toBe(true);
    for (const p of Object.values(people)) expect(JSON.stringify(rows)).not.toContain(p.idNumber);
    expect(column(await exportBoth(admin, '/api/v1/institution/activation/physicians/export', 'status=no_account'), '姓名')).toEqual(['赵无号']);
    expect(column(await exportBoth(otherAdmin, '/api/v1/institution/activation/physicians/export'), '姓名')).not.toContain('孙已验');
    expectProblem(await admin.get('/api/v1/institution/activation/physicians/export.xlsx?status=nonsense'), 400, 'VALIDATION_FAILED');
  });

  it('is the admin\'s: a clerk gets 403 on every activation route', async () => {
    expectProblem(await clerk.get('/api/v1/institution/activation/physicians'), 403, 'FORBIDDEN');
    expectProblem(await clerk.get('/api/v1/institution/activation/physicians/export.xlsx'), 403, 'FORBIDDEN');
    expectProblem(await clerk.post('/api/v1/institution/activation/codes', { physicianIds: [people.verified!.physicianId] }), 403, 'FORBIDDEN');
    expectProblem(await clerk.post('/api/v1/institution/activation/codes/all-pending'), 403, 'FORBIDDEN');
    expectProblem(await clerk.put('/api/v1/institution/activation/auto-activation', { enabled: true }), 403, 'FORBIDDEN');
    expectProblem(await clerk.get('/api/v1/institution/activation/settings'), 403, 'FORBIDDEN');
  });
});

describe('【生成激活码】', () => {
  it('issues one code: 8 unambiguous characters sent by SMS and e-mail, stored only as its hash, valid 7 days', async () => {
    t.setNow('2026-05-01T02:00:00Z');
    const p = people.verified!;
    const res = await admin.post('/api/v1/institution/activation/codes', { physicianIds: [p.physicianId] });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Issued;
    expect(body.issuedCount).toBe(1);
    expect(body.issued[0]!.channels).toEqual(['sms', 'email']);
    const [code] = await smsCodes(p.phone);
    expect(isActivationCodeShape(code!)).toBe(true);
    const mails = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, p.email!));
    expect(mails.map((m) => m.body).join()).toContain(code!);
    const stored = await t.deps.db.select().from(activationCodes).where(eq(activationCodes.physicianId, p.physicianId));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.codeHash.equals(sha256(code!.toUpperCase()))).toBe(true);
    expect(stored[0]!.institutionId).toBe(inst.institution.id);
    expect(stored[0]!.expiresAt.toISOString()).toBe('2026-05-08T02:00:00.000Z');
    // The clear code is nowhere but in the messages.
    const codeRows = JSON.stringify(stored);
    const audits = JSON.stringify(await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, p.physicianId)));
    expect(codeRows).not.toContain(code!);
    expect(audits).not.toContain(code!);
    expect(audits).toContain('activation_code.issue');
  });

  it('invalidates the physician\'s older unused code when a new one is issued', async () => {
    t.setNow('2026-05-02T02:00:00Z');
    const p = people.verified!;
    await admin.post('/api/v1/institution/activation/codes', { physicianIds: [p.physicianId] });
    const stored = await t.deps.db.select().from(activationCodes).where(eq(activationCodes.physicianId, p.physicianId));
    const now = new Date('2026-05-02T02:00:00Z').getTime();
    expect(stored.filter((s) => s.expiresAt.getTime() > now)).toHaveLength(1);
    expect(stored).toHaveLength(2);
    const { items } = await list('?name=孙已验');
    expect(items[0]!.lastCode?.state).toBe('valid');
  });

  it('refuses one physician it cannot send a code to, with the reason', async () => {
    expectProblem(await admin.post('/api/v1/institution/activation/codes', { physicianIds: [people.none!.physicianId] }), 409, 'ACTIVATION_NO_ACCOUNT');
    expectProblem(await admin.post('/api/v1/institution/activation/codes', { physicianIds: [people.unverified!.physicianId] }), 409, 'ACTIVATION_CONTACT_UNVERIFIED');
    expectProblem(await admin.post('/api/v1/institution/activation/codes', { physicianIds: [people.active!.physicianId] }), 409, 'ACTIVATION_ALREADY_ACTIVE');
    expectProblem(await admin.post('/api/v1/institution/activation/codes', { physicianIds: [people.elsewhere!.physicianId] }), 404, 'ACTIVATION_PHYSICIAN_NOT_FOUND');
    expectProblem(await admin.post('/api/v1/institution/activation/codes', { physicianIds: [people.cancelled!.physicianId] }), 404, 'ACTIVATION_PHYSICIAN_NOT_FOUND');
    expectProblem(await otherAdmin.post('/api/v1/institution/activation/codes', { physicianIds: [people.verified!.physicianId] }), 404, 'ACTIVATION_PHYSICIAN_NOT_FOUND');
    expectProblem(await admin.post('/api/v1/institution/activation/codes', { physicianIds: [] }), 400, 'VALIDATION_FAILED');
  });

  it('issues codes to the selected physicians in one batch and reports the ones skipped', async () => {
    const ids = [people.verified!.physicianId, people.verified2!.physicianId, people.none!.physicianId, people.elsewhere!.physicianId];
    const res = await admin.post('/api/v1/institution/activation/codes', { physicianIds: ids });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Issued;
    expect(body.issued.map((i) => i.physicianId).sort()).toEqual([people.verified!.physicianId, people.verified2!.physicianId].sort());
    expect(body.issued.find((i) => i.physicianId === people.verified2!.physicianId)!.channels).toEqual(['sms']);
    expect(Object.fromEntries(body.skipped.map((s) => [s.physicianId, s.reason]))).toEqual({
      [people.none!.physicianId]: 'no_account', [people.elsewhere!.physicianId]: 'not_found',
    });
    const codes = [...await smsCodes(people.verified!.phone), ...await smsCodes(people.verified2!.phone)];
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('issues codes to all physicians with an account that is not active yet', async () => {
    const before = await t.deps.db.select().from(activationCodes).where(inArray(activationCodes.physicianId, [people.verified!.physicianId, people.verified2!.physicianId]));
    const res = await admin.post('/api/v1/institution/activation/codes/all-pending');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Issued;
    expect(body.issuedCount).toBe(2);
    expect(body.skipped.map((s) => s.reason)).toEqual(['contact_unverified']);
    const after = await t.deps.db.select().from(activationCodes).where(inArray(activationCodes.physicianId, [people.verified!.physicianId, people.verified2!.physicianId]));
    expect(after.length - before.length).toBe(2);
  });
});

describe('自动激活 switch', () => {
  it('is off by default and switches on and off for this institution only', async () => {
    expect((await admin.get('/api/v1/institution/activation/settings')).json()).toMatchObject({ autoActivate: false });
    const on = await admin.put('/api/v1/institution/activation/auto-activation', { enabled: true });
    expect(on.json()).toMatchObject({ autoActivate: true });
    const [row] = await t.deps.db.select().from(institutions).where(eq(institutions.id, inst.institution.id));
    expect(row!.autoActivate).toBe(true);
    const [otherRow] = await t.deps.db.select().from(institutions).where(eq(institutions.id, other.institution.id));
    expect(otherRow!.autoActivate).toBe(false);
    expect((await admin.put('/api/v1/institution/activation/auto-activation', { enabled: false })).json()).toMatchObject({ autoActivate: false });
    expectProblem(await admin.put('/api/v1/institution/activation/auto-activation', { enabled: 'yes' }), 400, 'VALIDATION_FAILED');
  });
});
