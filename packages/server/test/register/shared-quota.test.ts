import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createPeerApp, type PeerApp } from '../helpers/peer-app';
import { expectProblem } from '../helpers/agent';
import { makeAuthority, makeInstitution } from '../helpers/factories';
import { makeRegisteredPhysician } from '../helpers/register-factories';
import { sharedHitCounter } from '../../src/security/shared-hit-counter';
import type { Deps } from '../../src/context';

describe('公众查询 quotas without a write per request — still one limit for all server processes', () => {
  let t: TestApp;
  let peer: PeerApp;
  let token: string;
  const ip = '198.51.100.7';
  const verify = (app: TestApp['app'], from = ip) =>
    app.inject({ method: 'GET', url: `/api/v1/register/certificates/${token}`, remoteAddress: from });
  const flush = (deps: Deps) => sharedHitCounter(deps.engine, deps.db).flush();

  beforeAll(async () => {
    t = await createTestApp();
    peer = await createPeerApp(t);
    t.setNow('2026-11-27T06:00:05Z');
    const authority = await makeAuthority(t.deps, { areaCode: '440305', level: 'county', name: '深圳市南山区卫生健康局' });
    const hospital = await makeInstitution(t.deps, { name: '深圳市南山区人民医院', areaCode: '440305', authorityId: authority.id });
    token = (await makeRegisteredPhysician(t.deps, hospital.institution, { name: '郑一鸣' })).registration.verifyToken!;
  });
  afterAll(async () => {
    await peer.close();
    await t.close();
  });

  it('counts a client\'s verifications on two processes against the one 30-a-minute limit', async () => {
    for (let i = 0; i < 25; i++) expect((await verify(t.app)).statusCode).toBe(200);
    await flush(t.deps);
    // The other process learns the 25 with its first flush; until then it counts its own.
    expect((await verify(peer.app)).statusCode).toBe(200);
    await flush(peer.deps);
    for (let i = 0; i < 4; i++) expect((await verify(peer.app)).statusCode).toBe(200);
    const refused = expectProblem(await verify(peer.app), 429, 'RATE_LIMITED');
    expect(refused.detail).toContain('核验过于频繁（每分钟最多 30 次）');

    // The first process learns the other's hits when it next adds its own (within one flush interval).
    await flush(peer.deps);
    await verify(t.app);
    await flush(t.deps);
    expectProblem(await verify(t.app), 429, 'RATE_LIMITED');
    // Another client is not affected, on either process.
    expect((await verify(t.app, '198.51.100.8')).statusCode).toBe(200);
    expect((await verify(peer.app, '198.51.100.8')).statusCode).toBe(200);

    await flush(t.deps);
    await flush(peer.deps);
    const rows = await t.engine.query<{ hits: number }>(
      "SELECT hits FROM rate_limits WHERE bucket = 'public-verify:minute:198.51.100.7'");
    expect(rows.map((r) => Number(r.hits))).toEqual([33]);
  });

  it('adds every client\'s hits to the shared counts', async () => {
    t.setNow('2026-11-27T06:05:05Z');
    const before = await t.engine.query<{ n: number }>("SELECT count(*)::int AS n FROM rate_limits WHERE bucket LIKE 'public-verify:minute:203.0.113.%'");
    for (let i = 0; i < 5; i++) expect((await verify(t.app, `203.0.113.${i}`)).statusCode).toBe(200);
    await flush(t.deps);
    const after = await t.engine.query<{ n: number }>("SELECT count(*)::int AS n FROM rate_limits WHERE bucket LIKE 'public-verify:minute:203.0.113.%'");
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(5);
  });
});
