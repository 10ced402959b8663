import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, expectProblem } from '../helpers/agent';
import { makeAuthority, makeInstitution } from '../helpers/factories';
import { makeRegisteredPhysician } from '../helpers/register-factories';

const SEARCH = '/api/v1/register/search';
let ipCounter = 0;
/** A fresh client address per call, so the per-client quota does not interfere between tests. */
const freshIp = () => `198.51.100.${++ipCounter}`;

describe('公众查询 — 医师执业注册信息查询', () => {
  let t: TestApp;
  let peking: Awaited<ReturnType<typeof makeInstitution>>;
  let pumch: Awaited<ReturnType<typeof makeInstitution>>;
  let doctor: Awaited<ReturnType<typeof makeRegisteredPhysician>>;

  async function search(body: Record<string, unknown>, ip = freshIp(), captcha?: { captchaId: string; captchaAnswer: string }) {
    const agent = new Agent(t.app, { remoteAddress: ip });
    return agent.request('POST', SEARCH, { ...(captcha ?? (await agent.captcha())), ...body });
  }
  const items = (res: { json: () => unknown }) => (res.json() as { items: Record<string, unknown>[] }).items;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow('2026-11-27T02:00:10Z');
    const haidian = await makeAuthority(t.deps, { areaCode: '110108', level: 'county', name: '北京市海淀区卫生健康委员会' });
    peking = await makeInstitution(t.deps, { name: '北京大学第三医院', areaCode: '110108', authorityId: haidian.id });
    pumch = await makeInstitution(t.deps, { name: '中国医学科学院北京协和医院', areaCode: '110101' });
    await makeInstitution(t.deps, { name: '北京协和医院国际医疗部', areaCode: '110101' });
    doctor = await makeRegisteredPhysician(t.deps, peking.institution, { name: '欧阳晓燕', scopes: ['11', '21'] });
    // A namesake at another hospital, a cancelled and a filed registration at the same hospital.
    await makeRegisteredPhysician(t.deps, pumch.institution, { name: '欧阳晓燕' });
    await makeRegisteredPhysician(t.deps, peking.institution, { name: '钱一鸣', status: 'cancelled' });
    await makeRegisteredPhysician(t.deps, peking.institution, { name: '郑思远', status: 'filed' });
  });
  afterAll(async () => { await t.close(); });

  it('finds a registered physician by province, full name and the institution\'s standard name', async () => {
    const res = await search({ provinceCode: '110000', name: '欧阳晓燕', institutionName: '北京大学第三医院' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(items(res)).toEqual([{
      name: '欧阳晓燕', sex: doctor.physician.sex === 'male' ? '男' : '女', level: 'physician', levelLabel: '执业医师', category: 'clinical', categoryLabel: '临床',
      scopes: ['内科专业', '全科医学专业'], practiceLocation: '北京市', institutionName: '北京大学第三医院',
      licenceCode: doctor.registration.licenceCode, issuingAuthority: '北京市海淀区卫生健康委员会',
      status: 'valid', statusLabel: '有效', statusSince: null, cancellation: null, supervision: null, filings: [],
    }]);
  });

  it('finds nothing with the wrong province, a partial name or another institution', async () => {
    expect(items(await search({ provinceCode: '310000', name: '欧阳晓燕', institutionName: '北京大学第三医院' }))).toEqual([]);
    expect(items(await search({ provinceCode: '110000', name: '欧阳晓', institutionName: '北京大学第三医院' }))).toEqual([]);
    const elsewhere = items(await search({ provinceCode: '110000', name: '欧阳晓燕', institutionName: '中国医学科学院北京协和医院' }));
    expect(elsewhere).toHaveLength(1);
    expect(elsewhere[0]!.licenceCode).not.toBe(doctor.registration.licenceCode);
  });

  it('accepts a partial institution name that names one institution of the province', async () => {
    const res = await search({ provinceCode: '110000', name: '欧阳晓燕', institutionName: '第三医院' });
    expect(items(res).map((r) => r.licenceCode)).toEqual([doctor.registration.licenceCode]);
  });

  it('asks for the full standard name when a partial name matches several institutions', async () => {
    const res = await search({ provinceCode: '110000', name: '欧阳晓燕', institutionName: '协和医院' });
    const problem = expectProblem(res, 400, 'REGISTER_INSTITUTION_AMBIGUOUS');
    expect(problem.errors?.[0]?.path).toEqual(['institutionName']);
    expect(problem.detail).toContain('北京协和医院国际医疗部');
  });

  it('treats LIKE wildcards in the institution name literally', async () => {
    expect(items(await search({ provinceCode: '110000', name: '欧阳晓燕', institutionName: '%%' }))).toEqual([]);
    expect(items(await search({ provinceCode: '110000', name: '欧阳晓燕', institutionName: '北京__第三医院' }))).toEqual([]);
  });

  it('lists cancellations as 已注销, and leaves out filed registrations', async () => {
    const cancelled = items(await search({ provinceCode: '110000', name: '钱一鸣', institutionName: '北京大学第三医院' }));
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({ status: 'cancelled', statusLabel: '已注销' });
    expect(cancelled[0]!.statusSince).toEqual(expect.any(String));
    expect(items(await search({ provinceCode: '110000', name: '郑思远', institutionName: '北京大学第三医院' }))).toEqual([]);
  });

  it('requires all three conditions, each refused with its field path', async () => {
    const res = await search({ provinceCode: '', name: '', institutionName: '' });
    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    const paths = problem.errors!.map((e) => e.path[0]);
    expect(paths).toEqual(expect.arrayContaining(['provinceCode', 'name', 'institutionName']));
    expectProblem(await search({ provinceCode: '110100', name: '欧阳晓燕', institutionName: '北京大学第三医院' }), 400, 'VALIDATION_FAILED');
    expectProblem(await search({ provinceCode: '110000', name: 'abc', institutionName: '北京大学第三医院' }), 400, 'VALIDATION_FAILED');
  });

  it('needs a valid captcha on every search, and a captcha works only once', async () => {
    const agent = new Agent(t.app);
    const captcha = await agent.captcha();
    const body = { provinceCode: '110000', name: '欧阳晓燕', institutionName: '北京大学第三医院' };
    expectProblem(await search(body, freshIp(), { captchaId: captcha.captchaId, captchaAnswer: 'wrong' }), 400, 'CAPTCHA_INVALID');
    // The wrong answer consumed it.
    expectProblem(await search(body, freshIp(), captcha), 400, 'CAPTCHA_INVALID');
    const fresh = await agent.captcha();
    expect((await search(body, freshIp(), fresh)).statusCode).toBe(200);
    expectProblem(await search(body, freshIp(), fresh), 400, 'CAPTCHA_INVALID');
    expectProblem(await t.app.inject({ method: 'POST', url: SEARCH, payload: body }), 400, 'VALIDATION_FAILED');
  });

  it('never shows 身份证号, phone, e-mail, birth date or the qualification certificate code', async () => {
    const res = await search({ provinceCode: '110000', name: '欧阳晓燕', institutionName: '北京大学第三医院' });
    expect(res.statusCode).toBe(200);
    const json = res.body;
    const birth = doctor.physician.birthDate;
    for (const secret of [
      doctor.idNumber, doctor.physician.idNumberMasked, doctor.idNumber.slice(-4), doctor.physician.account.phone!, doctor.physician.account.email!,
      birth, birth.replaceAll('-', ''), doctor.certCode!, doctor.ticket,
    ]) expect(json).not.toContain(secret);
    for (const key of ['idNumber', 'idNumberMasked', 'phone', 'email', 'birthDate', 'certCode', 'qualification', 'physicianId', 'id']) {
      expect(Object.keys(items(res)[0]!)).not.toContain(key);
    }
  });

  it('limits a client to 10 searches a minute with a Chinese message, then lets it search again', async () => {
    const ip = '203.0.113.77';
    const body = { provinceCode: '110000', name: '欧阳晓燕', institutionName: '北京大学第三医院' };
    for (let i = 0; i < 10; i++) expect((await search(body, ip)).statusCode).toBe(200);
    const problem = expectProblem(await search(body, ip), 429, 'RATE_LIMITED');
    expect(problem.detail).toMatch(/查询过于频繁.*秒后再试/);
    // Another client is not affected.
    expect((await search(body, freshIp())).statusCode).toBe(200);
    t.setNow('2026-11-27T02:01:10Z');
    expect((await search(body, ip)).statusCode).toBe(200);
  });

  it('limits a client to 200 searches a day', async () => {
    const ip = '203.0.113.88';
    const body = { provinceCode: '110000', name: '欧阳晓燕', institutionName: '北京大学第三医院' };
    for (let minute = 0; minute < 20; minute++) {
      t.setNow(new Date(Date.parse('2026-11-27T03:00:00Z') + minute * 60_000));
      for (let i = 0; i < 10; i++) {
        const res = await t.app.inject({ method: 'POST', url: SEARCH, payload: { ...body, captchaId: '00000000-0000-4000-8000-000000000000', captchaAnswer: 'x' }, remoteAddress: ip });
        expect(res.statusCode).toBe(400); // wrong captchas count too
      }
    }
    t.setNow('2026-11-27T03:30:00Z');
    const problem = expectProblem(await search(body, ip), 429, 'RATE_LIMITED');
    expect(problem.detail).toContain('请明天再试');
  });
});
