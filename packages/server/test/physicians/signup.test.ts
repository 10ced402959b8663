import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeResidentId } from '@medreg/domain';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, expectProblem } from '../helpers/agent';
import { makeIdNumber, PASSWORD } from '../helpers/factories';
import { countRows, makeRegisteredPhysician, signUp } from '../helpers/physicians-factories';
import { accounts, outbox, physicians, signupTokens } from '../../src/db/schema/index';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const TABLES = ['accounts', 'physicians', 'signup_tokens', 'outbox'];

async function step1(agent: Agent, body: Record<string, unknown>) {
  return agent.post('/api/v1/physician/signup/identity', { privacyAccepted: true, ...(await agent.captcha()), ...body });
}

async function startedSignup(o: { name?: string; idNumber?: string } = {}) {
  const agent = new Agent(t.app);
  const idNumber = o.idNumber ?? makeIdNumber({ birthDate: '1997-07-07' });
  const res = await step1(agent, { name: o.name ?? '赵医生', idNumber });
  expect(res.statusCode, res.body).toBe(200);
  return { agent, idNumber, signupToken: (res.json() as { signupToken: string }).signupToken };
}

const account = (over: Record<string, unknown> = {}) => ({
  phone: '13912345678', email: 'zhao@example.cn', loginName: `zhao_${Math.random().toString(36).slice(2, 8)}`,
  password: PASSWORD, confirmPassword: PASSWORD, ...over,
});

describe('注册新账号 step 1 (您的姓名、身份证号、验证码)', () => {
  it('returns a sign-up token and the masked ID, and stores only the token hash with the encrypted ID', async () => {
    const agent = new Agent(t.app);
    const idNumber = makeIdNumber({ birthDate: '1998-01-01' });
    const res = await step1(agent, { name: '阿依古丽·买买提', idNumber });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { signupToken: string; name: string; idNumberMasked: string; expiresAt: string };
    expect(body.name).toBe('阿依古丽·买买提');
    expect(body.idNumberMasked).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(new Date(body.expiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    const rows = await t.deps.db.select().from(signupTokens);
    expect(rows.some((r) => r.idNumberEnc.toString('utf8').includes(idNumber))).toBe(false);
    expect(rows.some((r) => r.tokenHash.toString('utf8') === body.signupToken)).toBe(false);
  });

  it('refuses an ID number with a wrong check digit, naming the field', async () => {
    const good = makeResidentId({ areaCode: '110105', birthDate: '1990-01-01', seq: 12 });
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const problem = expectProblem(await step1(new Agent(t.app), { name: '赵医生', idNumber: bad }), 400, 'ID_NUMBER_INVALID');
    expect(problem.errors?.[0]?.path).toEqual(['idNumber']);
    expect(problem.detail).toContain('校验码');
  });

  it('refuses an ID number with an impossible birth date', async () => {
    const first17 = '11010519900230001'; // 30 February
    const problem = expectProblem(await step1(new Agent(t.app), { name: '赵医生', idNumber: `${first17}X` }), 400, 'ID_NUMBER_INVALID');
    expect(problem.errors?.[0]?.path).toEqual(['idNumber']);
    expect(problem.detail).toContain('出生日期');
  });

  it('refuses a name with letters or digits (the real name, not a user name)', async () => {
    const problem = expectProblem(await step1(new Agent(t.app), { name: 'zhao3', idNumber: makeIdNumber() }), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.[0]?.path).toEqual(['name']);
  });

  it('refuses without the privacy tick', async () => {
    const problem = expectProblem(await step1(new Agent(t.app), { name: '赵医生', idNumber: makeIdNumber(), privacyAccepted: false }), 400, 'PRIVACY_NOT_ACCEPTED');
    expect(problem.errors?.[0]?.path).toEqual(['privacyAccepted']);
  });

  it('refuses a wrong captcha, and the captcha is burnt (the right answer then fails too)', async () => {
    const agent = new Agent(t.app);
    const captcha = await agent.captcha();
    const idNumber = makeIdNumber();
    const wrong = await agent.post('/api/v1/physician/signup/identity', { name: '赵医生', idNumber, privacyAccepted: true, captchaId: captcha.captchaId, captchaAnswer: 'zzzz' });
    expectProblem(wrong, 400, 'CAPTCHA_INVALID');
    const again = await agent.post('/api/v1/physician/signup/identity', { name: '赵医生', idNumber, privacyAccepted: true, ...captcha });
    expectProblem(again, 400, 'CAPTCHA_INVALID');
  });

  it('refuses an ID number that already has an account', async () => {
    const { idNumber } = await signUp(t.app);
    const problem = expectProblem(await step1(new Agent(t.app), { name: '王医生', idNumber }), 409, 'ID_NUMBER_ALREADY_REGISTERED');
    expect(problem.errors?.[0]?.path).toEqual(['idNumber']);
  });
});

describe('注册新账号 step 2 (手机号、电子邮箱、登录名、登录密码、确认密码)', () => {
  it('creates the account and the physician in one go and notifies by SMS and e-mail', async () => {
    const { agent, idNumber, signupToken } = await startedSignup({ name: '钱医生' });
    const body = account({ phone: '+86 139-0000-1234', email: 'qian@example.cn' });
    const res = await agent.post('/api/v1/physician/signup/account', { signupToken, ...body });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ loginName: body.loginName, name: '钱医生', linkedExistingRecord: false });
    const [acc] = await t.deps.db.select().from(accounts).where(eq(accounts.loginName, body.loginName));
    expect(acc).toMatchObject({ kind: 'physician', role: 'physician', phone: '13900001234', email: 'qian@example.cn', displayName: '钱医生' });
    const [p] = await t.deps.db.select().from(physicians).where(eq(physicians.accountId, acc!.id));
    expect(p).toMatchObject({ name: '钱医生', activationStatus: 'unverified', idNumberMasked: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}` });
    expect(t.deps.pii.decrypt(p!.idNumberEnc)).toBe(idNumber);
    const sent = await t.deps.db.select().from(outbox).where(eq(outbox.accountId, acc!.id));
    expect(sent.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    expect(sent.every((m) => m.template === 'physician.account_created')).toBe(true);
    // 【点击下一步】 → login works.
    expect((await new Agent(t.app).login(body.loginName, PASSWORD)).statusCode).toBe(200);
  });

  it('accepts a missing e-mail (optional) and notifies by SMS only', async () => {
    const { agent, signupToken } = await startedSignup();
    const res = await agent.post('/api/v1/physician/signup/account', { signupToken, ...account({ email: '' }) });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('uses a sign-up token once only', async () => {
    const { agent, signupToken } = await startedSignup();
    expect((await agent.post('/api/v1/physician/signup/account', { signupToken, ...account() })).statusCode).toBe(201);
    expectProblem(await agent.post('/api/v1/physician/signup/account', { signupToken, ...account() }), 400, 'SIGNUP_TOKEN_INVALID');
  });

  it('refuses a sign-up token older than 30 minutes', async () => {
    const { agent, signupToken } = await startedSignup();
    t.setNow(new Date(Date.now() + 31 * 60_000));
    try {
      expectProblem(await agent.post('/api/v1/physician/signup/account', { signupToken, ...account() }), 400, 'SIGNUP_TOKEN_INVALID');
    } finally {
      t.setNow(new Date());
    }
  });

  it('refuses a login name already in use, whatever its case, and creates nothing', async () => {
    const first = await signUp(t.app);
    const { agent, signupToken } = await startedSignup();
    const before = await countRows(t.deps, TABLES);
    const problem = expectProblem(await agent.post('/api/v1/physician/signup/account', { signupToken, ...account({ loginName: first.loginName.toUpperCase() }) }), 409, 'LOGIN_NAME_TAKEN');
    expect(problem.errors?.[0]?.path).toEqual(['loginName']);
    expect(await countRows(t.deps, TABLES)).toEqual(before);
    // The token was not used up by the refusal.
    expect((await agent.post('/api/v1/physician/signup/account', { signupToken, ...account() })).statusCode).toBe(201);
  });

  it('refuses different passwords with the path confirmPassword', async () => {
    const { agent, signupToken } = await startedSignup();
    const problem = expectProblem(await agent.post('/api/v1/physician/signup/account', { signupToken, ...account({ confirmPassword: `${PASSWORD}x` }) }), 400, 'PASSWORD_MISMATCH');
    expect(problem.errors?.map((e) => e.path)).toEqual([['confirmPassword']]);
  });

  it('refuses a password that breaks the policy, or contains the login name', async () => {
    const { agent, signupToken } = await startedSignup();
    const weak = expectProblem(await agent.post('/api/v1/physician/signup/account', { signupToken, ...account({ password: 'abcdefgh', confirmPassword: 'abcdefgh' }) }), 400, 'PASSWORD_TOO_WEAK');
    expect(weak.errors?.[0]?.path).toEqual(['password']);
    const pw = 'Zhaoyi_2026!';
    const withName = expectProblem(await agent.post('/api/v1/physician/signup/account', { signupToken, ...account({ loginName: 'zhaoyi', password: pw, confirmPassword: pw }) }), 400, 'PASSWORD_TOO_WEAK');
    expect(withName.detail).toContain('登录名');
  });

  it('refuses a bad phone number and a bad e-mail with their paths', async () => {
    const { agent, signupToken } = await startedSignup();
    const problem = expectProblem(await agent.post('/api/v1/physician/signup/account', { signupToken, ...account({ phone: '12345', email: 'not-mail' }) }), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.path)).toEqual(expect.arrayContaining([['phone'], ['email']]));
  });

  it('links a registered physician who had no account instead of creating a second person', async () => {
    const reg = await makeRegisteredPhysician(t.deps, { name: '孙医师' });
    const { agent, signupToken } = await startedSignup({ name: '孙医师', idNumber: reg.idNumber });
    const before = await countRows(t.deps, ['physicians']);
    const res = await agent.post('/api/v1/physician/signup/account', { signupToken, ...account() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ linkedExistingRecord: true, name: '孙医师' });
    expect(await countRows(t.deps, ['physicians'])).toEqual(before);
    const [p] = await t.deps.db.select().from(physicians).where(eq(physicians.id, reg.physician.id));
    expect(p!.accountId).not.toBeNull();
  });

  it('refuses step 2 when the ID got an account meanwhile (two sign-ups with one ID), creating nothing', async () => {
    const idNumber = makeIdNumber({ birthDate: '1993-03-03' });
    const a = await startedSignup({ idNumber });
    const b = await startedSignup({ idNumber });
    expect((await a.agent.post('/api/v1/physician/signup/account', { signupToken: a.signupToken, ...account() })).statusCode).toBe(201);
    const before = await countRows(t.deps, TABLES);
    expectProblem(await b.agent.post('/api/v1/physician/signup/account', { signupToken: b.signupToken, ...account() }), 409, 'ID_NUMBER_ALREADY_REGISTERED');
    expect(await countRows(t.deps, TABLES)).toEqual(before);
  });
});
