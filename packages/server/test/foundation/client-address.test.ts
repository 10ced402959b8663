import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, expectProblem } from '../helpers/agent';
import { makeInstitution, PASSWORD } from '../helpers/factories';

/** The address audited for the last successful login of the account. */
async function auditedLoginIp(t: TestApp, accountId: string): Promise<string | undefined> {
  const rows = await t.engine.query<{ ip: string }>(
    "SELECT detail->>'ip' AS ip FROM audit_log WHERE action = 'account.login' AND entity_id = $1 ORDER BY id DESC LIMIT 1", [accountId]);
  return rows[0]?.ip;
}

/** A login attempt from socket address `remoteAddress`, claiming `forwardedFor`. */
function attempt(t: TestApp, remoteAddress: string, forwardedFor: string, loginName = 'someone', password = 'x') {
  return t.app.inject({
    method: 'POST', url: '/api/v1/session', remoteAddress, headers: { 'x-forwarded-for': forwardedFor },
    payload: { loginName, password, captchaId: '00000000-0000-4000-8000-000000000000', captchaAnswer: 'x' },
  });
}

describe('client address without TRUST_PROXY: X-Forwarded-For is ignored', () => {
  const apps: TestApp[] = [];
  afterAll(async () => { await Promise.all(apps.map((a) => a.close())); });

  it('keeps counting one client against the login limit however the header varies', async () => {
    const t = await createTestApp();
    apps.push(t);
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await attempt(t, '198.51.100.7', `203.0.113.${i + 1}`)).statusCode;
    expect(last).toBe(429);
    // another real client is not affected
    expect((await attempt(t, '198.51.100.8', '203.0.113.1')).statusCode).toBe(400);
  });

  it('audits the socket address, not the forged one, for a login', async () => {
    const t = await createTestApp();
    apps.push(t);
    const { admin, adminLogin } = await makeInstitution(t.deps);
    const agent = new Agent(t.app, { remoteAddress: '198.51.100.9' });
    const res = await agent.request('POST', '/api/v1/session', { loginName: adminLogin, password: PASSWORD, ...(await agent.captcha()) },
      { headers: { 'x-forwarded-for': '203.0.113.250' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await auditedLoginIp(t, admin.id)).toBe('198.51.100.9');
  });
});

describe('client address with TRUST_PROXY', () => {
  const apps: TestApp[] = [];
  afterAll(async () => { await Promise.all(apps.map((a) => a.close())); });

  it('takes the forwarded address from a listed proxy, and only from it', async () => {
    const t = await createTestApp({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' });
    apps.push(t);
    const { admin, adminLogin } = await makeInstitution(t.deps);
    const viaProxy = new Agent(t.app, { remoteAddress: '10.1.2.3' });
    const res = await viaProxy.request('POST', '/api/v1/session', { loginName: adminLogin, password: PASSWORD, ...(await viaProxy.captcha()) },
      { headers: { 'x-forwarded-for': '198.51.100.77' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await auditedLoginIp(t, admin.id)).toBe('198.51.100.77');

    // Behind the proxy, clients are counted apart: one exhausts its limit, the next is still served.
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await attempt(t, '10.0.0.5', '198.51.100.10')).statusCode;
    expect(last).toBe(429);
    expect((await attempt(t, '10.0.0.5', '198.51.100.11')).statusCode).toBe(400);
    // A client that is not a listed proxy cannot claim another address.
    for (let i = 0; i < 31; i++) last = (await attempt(t, '192.0.2.1', `198.51.100.${100 + i}`)).statusCode;
    expect(last).toBe(429);
  });

  it('trusts a number of hops', async () => {
    const t = await createTestApp({ TRUST_PROXY: '1' });
    apps.push(t);
    const { admin, adminLogin } = await makeInstitution(t.deps);
    const agent = new Agent(t.app, { remoteAddress: '10.9.9.9' });
    const res = await agent.request('POST', '/api/v1/session', { loginName: adminLogin, password: PASSWORD, ...(await agent.captcha()) },
      { headers: { 'x-forwarded-for': '203.0.113.1, 198.51.100.55' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await auditedLoginIp(t, admin.id)).toBe('198.51.100.55');
  });

  it('refuses a value that is neither addresses nor a hop count', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1, proxy.example' })).toThrow(/TRUST_PROXY.*proxy\.example/s);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
  });
});

describe('429 answers say when to come back', () => {
  const apps: TestApp[] = [];
  afterAll(async () => { await Promise.all(apps.map((a) => a.close())); });

  it('limits captchas per client and answers 429 with Retry-After', async () => {
    const t = await createTestApp();
    apps.push(t);
    t.setNow('2026-12-01T08:00:30Z');
    const get = (remoteAddress: string) => t.app.inject({ method: 'GET', url: '/api/v1/captcha', remoteAddress });
    for (let i = 0; i < 60; i++) expect((await get('198.51.100.3')).statusCode).toBe(200);
    const refused = await get('198.51.100.3');
    const problem = expectProblem(refused, 429, 'RATE_LIMITED');
    expect(refused.headers['retry-after']).toBe('30');
    expect(problem).toMatchObject({ retryAfterSeconds: 30 });
    expect((await get('198.51.100.4')).statusCode).toBe(200);
    const rows = await t.engine.query<{ n: number }>('SELECT count(*)::int AS n FROM captchas');
    expect(rows[0]!.n).toBe(61);
  });

  it('sends Retry-After with the login limit too', async () => {
    const t = await createTestApp();
    apps.push(t);
    let res = await attempt(t, '198.51.100.5', '');
    for (let i = 0; i < 30; i++) res = await attempt(t, '198.51.100.5', '');
    expectProblem(res, 429, 'RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
