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

  it('locks the account after five wrong passwords, with a Chinese message, until the lock expires', async () => {
    const { adminLogin } = await makeInstitution(t.deps);
    const agent = new Agent(t.app);
    for (let i = 1; i <= 4; i++) {
      const body = expectProblem(await agent.login(adminLogin, 'wrong-password'), 401, 'INVALID_CREDENTIALS');
      expect(body.detail).toContain(`再错 ${5 - i} 次`);
    }
    const locked = expectProblem(await agent.login(adminLogin, 'wrong-password'), 423, 'ACCOUNT_LOCKED');
    expect(locked.detail).toMatch(/账户已锁定/);
    expectProblem(await agent.login(adminLogin, PASSWORD), 423, 'ACCOUNT_LOCKED');

    t.setNow(new Date(Date.now() + 16 * 60_000));
    try {
      expect((await agent.login(adminLogin, PASSWORD)).statusCode).toBe(200);
    } finally {
      t.setNow(new Date());
    }
  });

  it('does not tell whether a login name exists', async () => {
    const agent = new Agent(t.app);
    const res = await agent.login('nobody_here', PASSWORD);
    expectProblem(res, 401, 'INVALID_CREDENTIALS');
  });
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
