// Text PostgreSQL cannot store (NUL) and names that hide or reverse text are refused with 400 and the field's
// path — on PGlite and on PostgreSQL alike — and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, expectProblem, loggedIn } from '../helpers/agent';
import { PASSWORD, makePhysician } from '../helpers/factories';
import { makeJurisdictions, staffOf, type Jurisdictions } from '../helpers/authority-factories';
import { accounts, calendarDays } from '../../src/db/schema/index';

let t: TestApp;
let j: Jurisdictions;
let reviewer: Agent;
let provinceAdmin: Agent;
let institutionAdmin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-09-29T02:00:00Z');
  j = await makeJurisdictions(t.deps);
  reviewer = await staffOf(t.app, t.deps, j.haidian.id);
  provinceAdmin = await staffOf(t.app, t.deps, j.beijing.id, 'authority_admin');
  institutionAdmin = await loggedIn(t.app, j.hdInstitution.adminLogin, PASSWORD);
});
afterAll(async () => t?.close());

/** A refusal naming exactly this field. */
function expectFieldRefused(res: Awaited<ReturnType<Agent['get']>>, code: string, field: string) {
  const body = expectProblem(res, 400, code);
  expect(body.errors?.map((e) => e.path)).toContainEqual([field]);
  return body;
}

const NUL = '\u0000';
const INVISIBLE = ['\u202E', '\u202A', '\u2066', '\u200B', '\u200F', '\uFEFF'];
const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();

describe('a NUL character', () => {
  it('in the public search is refused on the field, not answered with a 500', async () => {
    const anon = new Agent(t.app);
    const res = await anon.post('/api/v1/register/search', { provinceCode: '110000', name: '张三', institutionName: `北京${NUL}医院`, ...(await anon.captcha()) });
    const body = expectFieldRefused(res, 'TEXT_CONTROL_CHARACTER', 'institutionName');
    expect(body.detail).toBe('institutionName：不能包含控制字符');
  });

  it('in the login name is refused on the field', async () => {
    const anon = new Agent(t.app);
    expectFieldRefused(await anon.post('/api/v1/session', { loginName: `admin${NUL}`, password: PASSWORD, ...(await anon.captcha()) }), 'TEXT_CONTROL_CHARACTER', 'loginName');
  });

  it('in a staff display name is refused and creates no account', async () => {
    const res = await institutionAdmin.post('/api/v1/institution/staff', { loginName: 'nul_clerk', password: 'Clerk#2026a', displayName: `张${NUL}经办` });
    expectFieldRefused(res, 'TEXT_CONTROL_CHARACTER', 'displayName');
    expect(await t.deps.db.select().from(accounts).where(eq(accounts.loginName, 'nul_clerk'))).toEqual([]);
  });

  it('in each authority queue filter is refused on that filter', async () => {
    for (const field of ['name', 'businessCode']) {
      expectFieldRefused(await reviewer.get(`/api/v1/authority/queue?${qs({ [field]: `王${NUL}` })}`), 'TEXT_CONTROL_CHARACTER', field);
    }
  });

  it('in a calendar day name is refused and stores nothing', async () => {
    const res = await provinceAdmin.post('/api/v1/authority/calendar/days', { date: '2031-10-01', kind: 'holiday', name: `国庆${NUL}节` });
    expectFieldRefused(res, 'TEXT_CONTROL_CHARACTER', 'name');
    expect(await t.deps.db.select().from(calendarDays).where(eq(calendarDays.day, '2031-10-01'))).toEqual([]);
  });

  it('in the reason of a 资格补改 request (multipart form) is refused on the field', async () => {
    const doctor = await makePhysician(t.deps, { activated: false });
    const physician = await loggedIn(t.app, doctor.loginName, PASSWORD);
    const boundary = '----medregtest';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="reason"\r\n\r\n姓名有误${NUL}\r\n--${boundary}--\r\n`;
    const res = await physician.request('POST', '/api/v1/physician/qualification-corrections', payload, { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expectFieldRefused(res, 'TEXT_CONTROL_CHARACTER', 'reason');
  });

  it('in the institution search and a list filter is refused on the field', async () => {
    expectFieldRefused(await reviewer.get(`/api/v1/reference/institutions?${qs({ place: '110000', q: `海淀${NUL}` })}`), 'TEXT_CONTROL_CHARACTER', 'q');
    expectFieldRefused(await institutionAdmin.get(`/api/v1/institution/applications?${qs({ name: `王${NUL}明` })}`), 'TEXT_CONTROL_CHARACTER', 'name');
  });
});

describe('invisible and direction-changing characters in names shown to others', () => {
  it('are refused in a staff display name, like a name starting with a combining mark', async () => {
    for (const [i, name] of [...INVISIBLE.map((ch) => `张${ch}经办`), '\u0301张经办'].entries()) {
      const res = await institutionAdmin.post('/api/v1/institution/staff', { loginName: `bidi_clerk${i}`, password: 'Clerk#2026a', displayName: name });
      const body = expectFieldRefused(res, 'TEXT_INVISIBLE_CHARACTER', 'displayName');
      expect(body.detail).toBe('displayName：不能包含不可见字符或改变文字方向的字符');
    }
    expect((await institutionAdmin.post('/api/v1/institution/staff', { loginName: 'plain_clerk', password: 'Clerk#2026a', displayName: '张经办' })).statusCode).toBe(201);
  });

  it('are refused in a calendar day name', async () => {
    for (const ch of INVISIBLE) {
      const res = await provinceAdmin.post('/api/v1/authority/calendar/days', { date: '2031-10-02', kind: 'holiday', name: `国庆${ch}节` });
      expectFieldRefused(res, 'TEXT_INVISIBLE_CHARACTER', 'name');
    }
    expect(await t.deps.db.select().from(calendarDays).where(eq(calendarDays.day, '2031-10-02'))).toEqual([]);
  });

  it('are refused in the institution name of the public search', async () => {
    const anon = new Agent(t.app);
    const res = await anon.post('/api/v1/register/search', { provinceCode: '110000', name: '张三', institutionName: '北京\u202E院医', ...(await anon.captcha()) });
    expectFieldRefused(res, 'TEXT_INVISIBLE_CHARACTER', 'institutionName');
  });
});
