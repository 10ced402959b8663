import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem } from '../helpers/agent';
import { lastCodeSentTo, signUp } from '../helpers/physicians-factories';
import { physicians, verificationCodes } from '../../src/db/schema/index';

let t: TestApp;
let clock = Date.now();
beforeAll(async () => { t = await createTestApp(); t.setNow(new Date(clock)); });
afterAll(async () => { await t.close(); });

/** Moves the services' clock forward. */
function advance(ms: number) {
  clock += ms;
  t.setNow(new Date(clock));
}

const send = (agent: Awaited<ReturnType<typeof signUp>>['agent'], channel: 'sms' | 'email' = 'sms') => agent.post('/api/v1/physician/verification/send', { channel });
const confirm = (agent: Awaited<ReturnType<typeof signUp>>['agent'], code: string, channel: 'sms' | 'email' = 'sms') =>
  agent.post('/api/v1/physician/verification/confirm', { channel, code });
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('验证您的手机号 (seed 第二步)', () => {
  it('sends a 6-digit code by SMS, stores only its hash, and verifies the phone (已注册未校验 → 已校验)', async () => {
    const s = await signUp(t.app);
    const res = await send(s.agent);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ channel: 'sms', target: `${s.phone.slice(0, 3)}****${s.phone.slice(7)}`, resendAfterSeconds: 60 });
    const code = await lastCodeSentTo(t.deps, s.phone);
    expect(code).toMatch(/^\d{6}$/);
    const rows = await t.deps.db.select().from(verificationCodes);
    expect(rows.every((r) => !r.codeHash.toString('latin1').includes(code))).toBe(true);

    const ok = await confirm(s.agent, code);
    expect(ok.statusCode, ok.body).toBe(200);
    const status = (await s.agent.get('/api/v1/physician/status')).json() as { phoneVerified: boolean; activationStatus: string; activationStatusLabel: string };
    expect(status).toMatchObject({ phoneVerified: true, activationStatus: 'verified', activationStatusLabel: '已校验' });
    expectProblem(await send(s.agent), 409, 'ALREADY_VERIFIED');
  });

  it('refuses a resend within 60 seconds and says how many seconds are left', async () => {
    const s = await signUp(t.app);
    expect((await send(s.agent)).statusCode).toBe(200);
    advance(20_000);
    const problem = expectProblem(await send(s.agent), 429, 'SMS_RESEND_TOO_SOON') as unknown as { secondsLeft: number; detail: string };
    expect(problem.secondsLeft).toBe(40);
    expect(problem.detail).toContain('40 秒');
    advance(41_000);
    expect((await send(s.agent)).statusCode).toBe(200);
  });

  it('refuses a wrong code, counting attempts, and kills the code after 5 wrong answers', async () => {
    const s = await signUp(t.app);
    await send(s.agent);
    const code = await lastCodeSentTo(t.deps, s.phone);
    for (let i = 1; i <= 4; i++) {
      const p = expectProblem(await confirm(s.agent, wrongCode(code)), 400, 'VERIFICATION_CODE_INVALID') as unknown as { attemptsLeft: number; errors: { path: string[] }[] };
      expect(p.attemptsLeft).toBe(5 - i);
      expect(p.errors[0]!.path).toEqual(['code']);
    }
    expectProblem(await confirm(s.agent, wrongCode(code)), 400, 'VERIFICATION_CODE_INVALID');
    // The right code no longer works: it is dead.
    expectProblem(await confirm(s.agent, code), 400, 'VERIFICATION_CODE_EXPIRED');
    const [p] = await t.deps.db.select().from(physicians).where(eq(physicians.name, s.name));
    expect(p).toBeDefined();
  });

  it('refuses an expired code (older than 5 minutes)', async () => {
    const s = await signUp(t.app);
    await send(s.agent);
    const code = await lastCodeSentTo(t.deps, s.phone);
    advance(5 * 60_000 + 1_000);
    expectProblem(await confirm(s.agent, code), 400, 'VERIFICATION_CODE_EXPIRED');
  });

  it('checks only the latest code', async () => {
    const s = await signUp(t.app);
    await send(s.agent);
    const first = await lastCodeSentTo(t.deps, s.phone);
    advance(61_000);
    await send(s.agent);
    const second = await lastCodeSentTo(t.deps, s.phone);
    if (first !== second) expectProblem(await confirm(s.agent, first), 400, 'VERIFICATION_CODE_INVALID');
    expect((await confirm(s.agent, second)).statusCode).toBe(200);
  });

  it('refuses a confirmation before any code was sent', async () => {
    const s = await signUp(t.app);
    expectProblem(await confirm(s.agent, '123456'), 400, 'VERIFICATION_CODE_NOT_REQUESTED');
  });

  it('refuses a code that is not 6 digits', async () => {
    const s = await signUp(t.app);
    const p = expectProblem(await confirm(s.agent, '12ab'), 400, 'VALIDATION_FAILED');
    expect(p.errors?.[0]?.path).toEqual(['code']);
  });

  it('verifies by e-mail when the phone gets no SMS (如手机收不到短信，可通过邮箱验证)', async () => {
    const s = await signUp(t.app);
    const res = await send(s.agent, 'email');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { target: string }).target).toMatch(/\*+@example\.cn$/);
    const code = await lastCodeSentTo(t.deps, s.email);
    expect((await confirm(s.agent, code, 'email')).statusCode).toBe(200);
    const status = (await s.agent.get('/api/v1/physician/status')).json() as { emailVerified: boolean; phoneVerified: boolean; activationStatus: string };
    expect(status).toMatchObject({ emailVerified: true, phoneVerified: false, activationStatus: 'verified' });
  });

  it('rate-limits sends per account (10 an hour)', async () => {
    // Start just after a full hour so that the ten sends fall into one fixed window.
    advance(3_600_000 - (clock % 3_600_000) + 1_000);
    const s = await signUp(t.app);
    for (let i = 0; i < 10; i++) {
      expect((await send(s.agent)).statusCode).toBe(200);
      advance(61_000);
    }
    expectProblem(await send(s.agent), 429, 'RATE_LIMITED');
  });
});
