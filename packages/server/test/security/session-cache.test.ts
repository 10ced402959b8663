// Issue 11: a short in-process session cache that a logout or password change on any process invalidates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createPeerApp, type PeerApp } from '../helpers/peer-app';
import { Agent, loggedIn } from '../helpers/agent';
import { PASSWORD, makeInstitution } from '../helpers/factories';
import { sessionCache } from '../../src/security/session-cache';
import type { Deps } from '../../src/context';

let t: TestApp;
let peer: PeerApp;
let inst: Awaited<ReturnType<typeof makeInstitution>>;

beforeAll(async () => {
  t = await createTestApp();
  peer = await createPeerApp(t);
  t.setNow('2026-11-27T06:00:00Z');
  inst = await makeInstitution(t.deps, { name: '北京市缓存医院' });
});
afterAll(async () => {
  await peer?.close();
  await t?.close();
});

/** The other process reads the change log (it does so by itself every 100 ms). */
const pollOn = (deps: Deps) => sessionCache(deps.engine, deps.db).sync();

/** The same session cookie and CSRF token, sent to another server process. */
function sameSessionOn(app: PeerApp['app'], agent: Agent): Agent {
  const other = new Agent(app);
  other.cookie = agent.cookie;
  other.csrfToken = agent.csrfToken;
  return other;
}

const sessionQueries = (from: number) => t.statements.slice(from).filter((s) => /from "sessions"/i.test(s)).length;

describe('the session cache', () => {
  it('answers repeated reads of a session without looking the session up again', async () => {
    const admin = await loggedIn(t.app, inst.adminLogin, PASSWORD);
    expect((await admin.get('/api/v1/session')).statusCode).toBe(200);
    await pollOn(t.deps);
    expect((await admin.get('/api/v1/session')).statusCode).toBe(200);
    const from = t.statements.length;
    for (let i = 0; i < 5; i++) expect((await admin.get('/api/v1/institution/staff')).statusCode).toBe(200);
    expect(sessionQueries(from)).toBe(0);
    // A write is always authorised against the database.
    await admin.put('/api/v1/session/password', { currentPassword: 'wrong', newPassword: 'Another@2026x' });
    expect(sessionQueries(from)).toBe(1);
  });

  it('refuses a session ended by 退出登录 at once on the same process', async () => {
    const admin = await loggedIn(t.app, inst.adminLogin, PASSWORD);
    const cookie = admin.cookie;
    expect((await admin.get('/api/v1/institution/staff')).statusCode).toBe(200);
    await pollOn(t.deps);
    expect((await admin.get('/api/v1/institution/staff')).statusCode).toBe(200);
    expect((await admin.delete('/api/v1/session')).statusCode).toBe(200);
    admin.cookie = cookie;
    expect((await admin.get('/api/v1/institution/staff')).statusCode).toBe(401);
  });

  it('refuses a session ended by 退出登录 on another process within one poll of the change log', async () => {
    const admin = await loggedIn(t.app, inst.adminLogin, PASSWORD);
    const there = sameSessionOn(peer.app, admin);
    expect((await there.get('/api/v1/institution/staff')).statusCode).toBe(200);
    await pollOn(peer.deps);
    expect((await there.get('/api/v1/institution/staff')).statusCode).toBe(200);
    expect((await admin.delete('/api/v1/session')).statusCode).toBe(200);
    // A write on the other process is refused at once: writes never use the cache.
    expect((await there.post('/api/v1/institution/staff', { loginName: 'cache_clerk', displayName: '缓存', password: 'Clerk@2026abc' })).statusCode).toBe(401);
    await pollOn(peer.deps);
    expect((await there.get('/api/v1/institution/staff')).statusCode).toBe(401);
  });

  it('ends the other sessions of an account whose 经办人 is disabled by its administrator, on every process', async () => {
    const admin = await loggedIn(t.app, inst.adminLogin, PASSWORD);
    const clerk = await loggedIn(t.app, inst.clerkLogin, PASSWORD);
    const clerkThere = sameSessionOn(peer.app, clerk);
    expect((await clerkThere.get('/api/v1/session')).json()).toMatchObject({ authenticated: true });
    await pollOn(peer.deps);
    expect((await clerkThere.get('/api/v1/session')).json()).toMatchObject({ authenticated: true });
    expect((await admin.put(`/api/v1/institution/staff/${inst.clerk.id}/status`, { disabled: true })).statusCode).toBe(200);
    expect((await clerk.get('/api/v1/session')).json()).toMatchObject({ authenticated: false });
    await pollOn(peer.deps);
    expect((await clerkThere.get('/api/v1/session')).json()).toMatchObject({ authenticated: false });
    expect((await admin.put(`/api/v1/institution/staff/${inst.clerk.id}/status`, { disabled: false })).statusCode).toBe(200);
  });

  it('ends the other sessions of a password change on every process; the changing session goes on', async () => {
    const here = await loggedIn(t.app, inst.clerkLogin, PASSWORD);
    const elsewhere = await loggedIn(peer.app, inst.clerkLogin, PASSWORD);
    expect((await elsewhere.get('/api/v1/session')).json()).toMatchObject({ authenticated: true });
    await pollOn(peer.deps);
    expect((await elsewhere.get('/api/v1/session')).json()).toMatchObject({ authenticated: true });
    const changed = await here.put('/api/v1/session/password', { currentPassword: PASSWORD, newPassword: 'Changed@2026xy' });
    expect(changed.statusCode, changed.body).toBe(200);
    await pollOn(peer.deps);
    expect((await elsewhere.get('/api/v1/session')).json()).toMatchObject({ authenticated: false });
    expect((await here.get('/api/v1/session')).json()).toMatchObject({ authenticated: true });
  });
});
