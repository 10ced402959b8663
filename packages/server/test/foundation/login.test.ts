import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, expectProblem } from '../helpers/agent';
import { makeInstitution, PASSWORD } from '../helpers/factories';

describe('login, lockout and sessions', () => {
  let t: TestApp;
  let login: string;
  beforeAll(async () => {
    t = await createTestApp();
    login = (await makeInstitution(t.deps)).clerkLogin;
  });
  afterAll(async () => { await t.close(); });

  it('logs in with login name, password and captcha, setting an HttpOnly SameSite cookie', async () => {
    const agent = new Agent(t.app);
    const res = await agent.login(login, PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ authenticated: true, kind: 'institution', role: 'institution_clerk' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await agent.get('/api/v1/session')).json()).toMatchObject({ authenticated: true, loginName: login });
  });

  it('stores only a hash of the session token', async () => {
    const agent = new Agent(t.app);
    await agent.login(login, PASSWORD);
    const token = agent.cookie!.split('=')[1]!;
    const rows = await t.engine.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE encode(token_hash, \'escape\') = $1', [token]);
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses a wrong captcha', async () => {
    const agent = new Agent(t.app);
    const { captchaId } = await agent.captcha();
    const res = await agent.post('/api/v1/session', { loginName: login, password: PASSWORD, captchaId, captchaAnswer: 'zzzz' });
    expectProblem(res, 400, 'CAPTCHA_INVALID');
  });

  it('logs out: the cookie no longer opens a session', async () => {
    const agent = new Agent(t.app);
    await agent.login(login, PASSWORD);
    const cookie = agent.cookie;
    await agent.delete('/api/v1/session');
    const res = await t.app.inject({ url: '/api/v1/session', headers: { cookie: cookie! } });
    expect(res.json()).toEqual({ authenticated: false });
  });

  it('refuses an unsafe request from a cookie session without the CSRF token', async () => {
    const agent = new Agent(t.app);
    await agent.login(login, PASSWORD);
    agent.csrfToken = 'forged';
    expectProblem(await agent.delete('/api/v1/session'), 403, 'CSRF_INVALID');
  });

  it('does not tell whether a login name exists', async () => {
    const agent = new Agent(t.app);
    const res = await agent.login('nobody_here', PASSWORD);
    expectProblem(res, 401, 'INVALID_CREDENTIALS');
  });
});

describe('wrong passwords: the same answer for every login name, lockout per account and client', () => {
  let t: TestApp;
  let institution: Awaited<ReturnType<typeof makeInstitution>>;
  beforeAll(async () => {
    t = await createTestApp();
    institution = await makeInstitution(t.deps);
  });
  afterAll(async () => { await t.close(); });
  const from = (ip: string) => new Agent(t.app, { remoteAddress: ip });
  /** The refusal as a client sees it, minus the per-request id. */
  const answer = (res: { statusCode: number; json: () => unknown }): Record<string, unknown> => {
    const { instance: _instance, ...rest } = res.json() as Record<string, unknown>;
    return { ...rest, status: res.statusCode };
  };

  it('answers wrong passwords for an existing login name exactly as for an unknown one, up to and including the lock', async () => {
    t.setNow('2026-12-01T08:00:00Z');
    try {
      const existing = [];
      const unknown = [];
      for (let i = 0; i < 6; i++) existing.push(answer(await from('198.51.100.1').login(institution.adminLogin, 'wrong-password')));
      for (let i = 0; i < 6; i++) unknown.push(answer(await from('198.51.100.2').login('nobody_at_all', 'wrong-password')));
      expect(unknown).toEqual(existing);
      expect(existing.slice(0, 4).map((a) => [a.status, a.code, a.detail])).toEqual(Array(4).fill([401, 'INVALID_CREDENTIALS', '登录名或密码错误']));
      expect(existing[4]).toMatchObject({ status: 423, code: 'ACCOUNT_LOCKED' });
      expect(String(existing[4]!.detail)).not.toMatch(/再错/);
    } finally {
      t.setNow(new Date());
    }
  });

  it('locks out only the guessing client: the account holder logs in from elsewhere, the lock ends after 15 minutes', async () => {
    const { clerkLogin } = institution;
    const attacker = '203.0.113.66';
    for (let i = 1; i <= 4; i++) expectProblem(await from(attacker).login(clerkLogin, 'wrong-password'), 401, 'INVALID_CREDENTIALS');
    const locked = expectProblem(await from(attacker).login(clerkLogin, 'wrong-password'), 423, 'ACCOUNT_LOCKED');
    expect(locked.detail).toMatch(/请 15 分钟后再试/);
    expectProblem(await from(attacker).login(clerkLogin, PASSWORD), 423, 'ACCOUNT_LOCKED');

    expect((await from('198.51.100.20').login(clerkLogin, PASSWORD)).statusCode).toBe(200);
    expectProblem(await from(attacker).login(clerkLogin, PASSWORD), 423, 'ACCOUNT_LOCKED');

    t.setNow(new Date(Date.now() + 16 * 60_000));
    try {
      expect((await from(attacker).login(clerkLogin, PASSWORD)).statusCode).toBe(200);
    } finally {
      t.setNow(new Date());
    }
  });

  it('counts an IPv6 client by its /64, so that hopping between its addresses does not reset the count', async () => {
    const { adminLogin } = await makeInstitution(t.deps);
    for (let i = 1; i <= 4; i++) expectProblem(await from(`2001:db8:7:7::${i}`).login(adminLogin, 'wrong-password'), 401, 'INVALID_CREDENTIALS');
    expectProblem(await from('2001:db8:7:7:ffff::5').login(adminLogin, 'wrong-password'), 423, 'ACCOUNT_LOCKED');
    expect((await from('2001:db8:7:8::1').login(adminLogin, PASSWORD)).statusCode).toBe(200);
  });

  it('audits every failed login with the client address and the account when the name exists, never the password', async () => {
    const { admin, adminLogin } = await makeInstitution(t.deps);
    await from('192.0.2.41').login(adminLogin, 'Secret-Guess-1');
    await from('192.0.2.42').login('no_such_login', 'Secret-Guess-2');
    const rows = await t.engine.query<{ entity_id: string | null; actor_account_id: string | null; detail: Record<string, unknown> }>(
      "SELECT entity_id, actor_account_id, detail FROM audit_log WHERE action = 'account.login_failed' AND detail->>'ip' IN ('192.0.2.41', '192.0.2.42') ORDER BY id");
    expect(rows).toEqual([
      { entity_id: admin.id, actor_account_id: null, detail: { ip: '192.0.2.41', reason: 'wrong_password' } },
      { entity_id: null, actor_account_id: null, detail: { ip: '192.0.2.42', reason: 'unknown_login_name' } },
    ]);
    const all = await t.engine.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE detail::text LIKE '%Secret-Guess%' OR detail::text LIKE '%no_such_login%'");
    expect(all[0]!.n).toBe(0);
  });

  it('locks the account for everybody after 100 wrong passwords within an hour from many addresses', async () => {
    const { clerkLogin } = await makeInstitution(t.deps);
    for (let client = 1; client <= 20; client++) {
      for (let i = 0; i < 5; i++) await from(`100.64.0.${client}`).login(clerkLogin, 'wrong-password');
    }
    const res = expectProblem(await from('198.51.100.99').login(clerkLogin, PASSWORD), 423, 'ACCOUNT_LOCKED');
    expect(res.detail).toMatch(/该账户近期密码错误次数过多/);
  }, 60_000);
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('limits login attempts per client address', async () => {
    const agent = new Agent(t.app);
    let last = 0;
    for (let i = 0; i < 32; i++) {
      last = (await agent.post('/api/v1/session', { loginName: 'x_user', password: 'x', captchaId: '00000000-0000-4000-8000-000000000000', captchaAnswer: 'x' })).statusCode;
    }
    expect(last).toBe(429);
  });
});
