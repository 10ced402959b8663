import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { certificates } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem } from '../helpers/agent';
import { makeAuthority, makeInstitution } from '../helpers/factories';
import { makeRegisteredPhysician, setRegistrationStatus } from '../helpers/register-factories';

const verifyUrl = (token: string) => `/api/v1/register/certificates/${token}`;

describe('证书核验 — the page a certificate QR code opens', () => {
  let t: TestApp;
  let hospital: Awaited<ReturnType<typeof makeInstitution>>;

  const get = (url: string, ip = '192.0.2.10') => t.app.inject({ method: 'GET', url, remoteAddress: ip });

  beforeAll(async () => {
    t = await createTestApp();
    const authority = await makeAuthority(t.deps, { areaCode: '440305', level: 'county', name: '深圳市南山区卫生健康局' });
    hospital = await makeInstitution(t.deps, { name: '深圳市南山区人民医院', areaCode: '440305', authorityId: authority.id });
  });
  afterAll(async () => { await t.close(); });

  it('says 有效 for a valid registration, with the public fields only', async () => {
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '陈嘉明', scopes: ['11'] });
    const res = await get(verifyUrl(d.registration.verifyToken!));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      valid: true, state: 'valid', verdict: '有效', replacedBy: null, registrationOf: 'certificate',
      certificate: { licenceCode: d.registration.licenceCode, issuedOn: '2026-03-15', status: 'issued', statusLabel: '有效', statusSince: null },
      registration: {
        name: '陈嘉明', levelLabel: '执业医师', categoryLabel: '临床', scopes: ['内科专业'], practiceLocation: '广东省',
        institutionName: '深圳市南山区人民医院', licenceCode: d.registration.licenceCode, issuingAuthority: '深圳市南山区卫生健康局',
        status: 'valid', statusLabel: '有效', statusSince: null, filings: [],
      },
    });
    expect(res.body).not.toContain(d.registration.verifyToken!);
    for (const secret of [d.idNumber, d.physician.idNumberMasked, d.physician.birthDate, d.certCode!, d.physician.account.phone!, d.physician.account.email!]) {
      expect(res.body).not.toContain(secret);
    }
  });

  it('says 已废止 once the registration is cancelled and its certificate voided (《医师法》第十七条)', async () => {
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '林海峰' });
    expect((await get(verifyUrl(d.registration.verifyToken!))).json()).toMatchObject({ valid: true });
    const at = new Date('2026-11-20T03:00:00Z');
    await setRegistrationStatus(t.deps, d.registration.id, 'cancelled', at);
    await t.deps.db.update(certificates).set({ status: 'voided', statusSince: at }).where(eq(certificates.registrationId, d.registration.id));
    const res = await get(verifyUrl(d.registration.verifyToken!));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      valid: false, state: 'voided', verdict: '已废止', reason: '该证书已于2026年11月20日废止，执业注册已于2026年11月20日注销，不能作为执业凭证',
      certificate: { status: 'voided', statusLabel: '已废止', statusSince: '2026-11-20T03:00:00.000Z' },
      registration: { status: 'cancelled', statusLabel: '已注销', statusSince: '2026-11-20T03:00:00.000Z' },
    });
  });

  it.each([
    ['cancelled', '已注销', '已注销'],
    ['suspended', '中止执业', '中止执业'],
    ['filed', '注册备案', '注册备案'],
    ['transferred_out', '变更出', '变更出（已变更为新的执业注册）'],
  ] as const)('says the registration status, not 有效, for a %s registration whose certificate is still the current one', async (status, verdict, label) => {
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '黄志强' });
    await setRegistrationStatus(t.deps, d.registration.id, status, new Date('2026-11-02T01:00:00Z'));
    expect((await get(verifyUrl(d.registration.verifyToken!))).json()).toMatchObject({
      valid: false, state: 'registration_not_valid', verdict, certificate: { status: 'issued', statusLabel: '已失效' },
      reason: `该执业注册当前状态为“${label}”（2026年11月2日起），证书无效`,
      registration: { statusLabel: label },
    });
  });

  it('answers 未查询到该证书 (404) for an unknown token, and 400 for a malformed one', async () => {
    const problem = expectProblem(await get(verifyUrl('AAAAAAAAAAAAAAAAAAAAAA')), 404, 'CERTIFICATE_NOT_FOUND');
    expect(problem.title).toBe('未查询到该证书');
    const bad = expectProblem(await get(verifyUrl('short')), 400, 'VALIDATION_FAILED');
    expect(bad.errors?.[0]?.path).toEqual(['token']);
    expectProblem(await get(verifyUrl(`${'A'.repeat(20)}%27%20OR%201=1`)), 400, 'VALIDATION_FAILED');
  });

  it('limits a client to 30 verifications a minute', async () => {
    t.setNow('2026-11-27T05:00:05Z');
    const d = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '何晓东' });
    for (let i = 0; i < 30; i++) expect((await get(verifyUrl(d.registration.verifyToken!), '192.0.2.99')).statusCode).toBe(200);
    const problem = expectProblem(await get(verifyUrl(d.registration.verifyToken!), '192.0.2.99'), 429, 'RATE_LIMITED');
    expect(problem.detail).toContain('核验过于频繁');
    expect((await get(verifyUrl(d.registration.verifyToken!), '192.0.2.100')).statusCode).toBe(200);
  });
});
