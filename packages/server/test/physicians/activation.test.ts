import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeQualificationCode } from '@medreg/domain';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, expectProblem, loggedIn } from '../helpers/agent';
import { makeIdNumber, makeInstitution, makeQualification, PASSWORD } from '../helpers/factories';
import { countRows, issueActivationCode, makeRegisteredPhysician, setERegistration, signUp, verifyPhone } from '../helpers/physicians-factories';
import { inTransaction } from '../../src/context';
import { activationCodes, outbox, physicians } from '../../src/db/schema/index';
import { activateOnApproval, activationCodeHash } from '../../src/modules/activation/redeem';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

type Status = {
  activationStatus: string; activationMethod: string | null; pendingActivationPath: string | null; businessUnlocked: boolean; autoActivated: boolean;
  availableActivationMethods: { method: string; label: string }[]; nextStep: { key: string; text: string }; mainInstitutionName: string | null;
};
const status = async (agent: Agent) => (await agent.get('/api/v1/physician/status')).json() as Status;
const activate = (agent: Agent, body: Record<string, unknown>) => agent.post('/api/v1/physician/activation', body);
const methodsOf = (s: Status) => s.availableActivationMethods.map((m) => m.method);

/** A new passer with a certificate (有资格未注册), signed up and phone-verified. */
async function qualifiedUnregistered(name = '王晓明') {
  const q = await makeQualification(t.deps, { name });
  const s = await signUp(t.app, { name, idNumber: q.idNumber });
  await verifyPhone(t.deps, s.agent, s.phone);
  return { ...s, q };
}

/** A registered physician (valid registration) who signs up and verifies the phone. */
async function registered(o: Parameters<typeof makeRegisteredPhysician>[1] = {}) {
  const r = await makeRegisteredPhysician(t.deps, o);
  const s = await signUp(t.app, { name: r.name, idNumber: r.idNumber });
  await verifyPhone(t.deps, s.agent, s.phone);
  return { ...s, r };
}

describe('the activation gate', () => {
  it('refuses business endpoints before activation with ACCOUNT_NOT_ACTIVATED pointing to 账户激活', async () => {
    const s = await signUp(t.app);
    for (const url of ['/api/v1/physician/registrations', '/api/v1/physician/qualifications']) {
      const p = expectProblem(await s.agent.get(url), 403, 'ACCOUNT_NOT_ACTIVATED');
      expect(p.detail).toContain('账户激活');
    }
  });

  it('refuses every activation path until the phone (or e-mail) is verified, and changes nothing', async () => {
    const q = await makeQualification(t.deps, { name: '李静怡' });
    const s = await signUp(t.app, { name: '李静怡', idNumber: q.idNumber });
    const before = await countRows(t.deps, ['outbox', 'audit_log']);
    expectProblem(await activate(s.agent, { method: 'qualification_code', certCode: q.certCode }), 403, 'PHONE_NOT_VERIFIED');
    expect(await countRows(t.deps, ['outbox', 'audit_log'])).toEqual(before);
    expect((await status(s.agent)).activationStatus).toBe('unverified');
  });

  it('keeps actor kinds apart: a physician cannot use institution or authority endpoints, nor an institution the physician ones', async () => {
    const s = await signUp(t.app);
    expectProblem(await s.agent.get('/api/v1/institution/activation/physicians'), 403, 'FORBIDDEN');
    expectProblem(await s.agent.get('/api/v1/authority/qualification-corrections'), 403, 'FORBIDDEN');
    const inst = await makeInstitution(t.deps);
    const staff = await loggedIn(t.app, inst.adminLogin, PASSWORD);
    expectProblem(await staff.get('/api/v1/physician/status'), 403, 'FORBIDDEN');
    expectProblem(await staff.post('/api/v1/physician/activation', { method: 'institution_code', code: 'ABC123' }), 403, 'FORBIDDEN');
    expectProblem(await staff.get('/api/v1/physician/registrations'), 403, 'FORBIDDEN');
    expectProblem(await new Agent(t.app).get('/api/v1/physician/status'), 401, 'UNAUTHENTICATED');
  });
});

describe('资格证书编码 (有资格未注册, seed 三)', () => {
  it('activates with the certificate code, notifies, and opens the business pages', async () => {
    const s = await qualifiedUnregistered();
    expect(methodsOf(await status(s.agent))).toEqual(['qualification_code', 'admission_ticket']);
    const res = await activate(s.agent, { method: 'qualification_code', certCode: ` ${s.q.certCode!.toLowerCase()} ` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ activationStatus: 'active', activationMethod: 'qualification_code' });
    const st = await status(s.agent);
    expect(st).toMatchObject({ activationStatus: 'active', activationMethod: 'qualification_code', businessUnlocked: true, nextStep: { key: 'apply' } });
    const sent = await t.deps.db.select().from(outbox).where(and(eq(outbox.template, 'physician.activated'), eq(outbox.recipient, s.phone)));
    expect(sent).toHaveLength(1);
    const quals = (await s.agent.get('/api/v1/physician/qualifications')).json() as { items: { certCode: string; levelLabel: string }[] };
    expect(quals.items).toEqual([expect.objectContaining({ certCode: s.q.certCode, levelLabel: '执业医师' })]);
    expect(((await s.agent.get('/api/v1/physician/registrations')).json() as { items: unknown[] }).items).toEqual([]);
    expectProblem(await activate(s.agent, { method: 'qualification_code', certCode: s.q.certCode }), 409, 'ACCOUNT_ALREADY_ACTIVATED');
  });

  it('refuses a wrong certificate code — bad format, another person\'s ID, no such record — and stays inactive', async () => {
    const s = await qualifiedUnregistered('张子涵');
    const before = await countRows(t.deps, ['outbox']);
    const cases = [
      '2024111',
      makeQualificationCode({ year: 2024, provinceCode: '11', level: 'physician', category: 'clinical', idNumber: makeIdNumber({ birthDate: '1970-01-01' }) }),
      makeQualificationCode({ year: 2019, provinceCode: '44', level: 'physician', category: 'clinical', idNumber: s.idNumber }),
    ];
    for (const certCode of cases) {
      const p = expectProblem(await activate(s.agent, { method: 'qualification_code', certCode }), 400, 'QUALIFICATION_CODE_INVALID');
      expect(p.errors?.[0]?.path).toEqual(['certCode']);
    }
    expect(await countRows(t.deps, ['outbox'])).toEqual(before);
    expect((await status(s.agent)).activationStatus).toBe('verified');
  });

  it('answers QUALIFICATION_NAME_MISMATCH when the code is right but the record carries another name', async () => {
    const q = await makeQualification(t.deps, { name: '梁雪梅' });
    const s = await signUp(t.app, { name: '梁雪', idNumber: q.idNumber });
    await verifyPhone(t.deps, s.agent, s.phone);
    expectProblem(await activate(s.agent, { method: 'qualification_code', certCode: q.certCode }), 409, 'QUALIFICATION_NAME_MISMATCH');
  });

  it('activates a physician whose registration is no longer valid (注销) with the certificate code, not an institution code', async () => {
    const s = await registered({ name: '蒋明', status: 'cancelled' });
    expect(methodsOf(await status(s.agent))).toEqual(['qualification_code']);
    const p = expectProblem(await activate(s.agent, { method: 'institution_code', code: 'ABCDEF12' }), 409, 'ACTIVATION_METHOD_NOT_ALLOWED');
    expect(p.detail).toContain('资格证书编码');
    expect((await activate(s.agent, { method: 'qualification_code', certCode: s.r.certCode })).statusCode).toBe(200);
  });

  it('lets a 规培 resident with a valid training registration use the certificate code', async () => {
    const s = await registered({ name: '规培生', training: true });
    expect(methodsOf(await status(s.agent))).toContain('qualification_code');
    const res = await activate(s.agent, { method: 'qualification_code', certCode: s.r.certCode });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('准考证号 (passers without a certificate, seed 一)', () => {
  it('activates with the 准考证号 and links the record', async () => {
    const q = await makeQualification(t.deps, { name: '胡晨阳', ticketOnly: true });
    const s = await signUp(t.app, { name: '胡晨阳', idNumber: q.idNumber });
    await verifyPhone(t.deps, s.agent, s.phone);
    const wrong = expectProblem(await activate(s.agent, { method: 'admission_ticket', admissionTicketNo: '202499999999' }), 404, 'ADMISSION_TICKET_NOT_FOUND');
    expect(wrong.errors?.[0]?.path).toEqual(['admissionTicketNo']);
    const res = await activate(s.agent, { method: 'admission_ticket', admissionTicketNo: q.ticket });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ activationMethod: 'admission_ticket' });
    const quals = (await s.agent.get('/api/v1/physician/qualifications')).json() as { items: { admissionTicketNo: string; certCode: null }[] };
    expect(quals.items).toEqual([expect.objectContaining({ admissionTicketNo: q.ticket, certCode: null })]);
  });

  it('sends holders of a certificate to the certificate code', async () => {
    const s = await qualifiedUnregistered('郭佳琪');
    const p = expectProblem(await activate(s.agent, { method: 'admission_ticket', admissionTicketNo: s.q.ticket }), 409, 'ACTIVATION_METHOD_NOT_ALLOWED');
    expect(p.detail).toContain('资格证书编码');
  });
});

describe('机构激活码 (valid registration in an e-registration region, §3.3 path 1)', () => {
  it('refuses the certificate code: the physician must ask the institution for an activation code', async () => {
    const s = await registered({ name: '宋建国' });
    const st = await status(s.agent);
    expect(methodsOf(st)).toEqual(['institution_code', 'auto_by_institution']);
    expect(st.mainInstitutionName).toBeNull();
    const p = expectProblem(await activate(s.agent, { method: 'qualification_code', certCode: s.r.certCode }), 409, 'ACTIVATION_METHOD_NOT_ALLOWED');
    expect(p.detail).toContain('激活码');
  });

  it('refuses a wrong, an expired, a used and another institution\'s code, then accepts the right one', async () => {
    const s = await registered({ name: '郑丽华' });
    const physicianId = s.r.physician.id;
    const expired = await issueActivationCode(t.deps, { physicianId, institutionId: s.r.institution.id, expiresAt: new Date(Date.now() - 1000) });
    const used = await issueActivationCode(t.deps, { physicianId, institutionId: s.r.institution.id });
    await t.deps.db.update(activationCodes).set({ usedAt: new Date() }).where(eq(activationCodes.physicianId, physicianId));
    const other = await makeInstitution(t.deps);
    const foreign = await issueActivationCode(t.deps, { physicianId, institutionId: other.institution.id });
    const before = await countRows(t.deps, ['outbox']);
    for (const code of ['WRONG123', expired, used, foreign]) {
      const p = expectProblem(await activate(s.agent, { method: 'institution_code', code }), 400, 'ACTIVATION_CODE_INVALID');
      expect(p.errors?.[0]?.path).toEqual(['code']);
    }
    expect(await countRows(t.deps, ['outbox'])).toEqual(before);

    const code = await issueActivationCode(t.deps, { physicianId, institutionId: s.r.institution.id });
    const res = await activate(s.agent, { method: 'institution_code', code: code.toLowerCase() });
    expect(res.statusCode, res.body).toBe(200);
    expect((await status(s.agent))).toMatchObject({ activationStatus: 'active', activationMethod: 'institution_code' });
    const [row] = await t.deps.db.select().from(activationCodes).where(and(eq(activationCodes.physicianId, physicianId), eq(activationCodes.codeHash, activationCodeHash(code))));
    expect(row!.usedAt).not.toBeNull();
    const regs = (await s.agent.get('/api/v1/physician/registrations')).json() as { items: Record<string, unknown>[] };
    expect(regs.items).toEqual([expect.objectContaining({
      practiceLocationName: '北京市', levelLabel: '执业医师', categoryLabel: '临床类别', statusLabel: '有效',
      scopes: [{ code: '11', label: '内科专业' }], mainInstitutionName: s.r.institution.name, approvedOn: '2010-06-01',
      certificateUrl: `/api/v1/physician/registrations/${s.r.registration.id}/certificate.pdf`,
    })]);
    expect(regs.items[0]!.authorityName).toBeTruthy();
  });

  it('activates at once when the main institution has automatic activation on (刷新页面即可)', async () => {
    const r = await makeRegisteredPhysician(t.deps, { name: '谢文博', autoActivate: true });
    const s = await signUp(t.app, { name: r.name, idNumber: r.idNumber });
    // Not before the phone is verified.
    expect(await status(s.agent)).toMatchObject({ activationStatus: 'unverified', autoActivated: false });
    await verifyPhone(t.deps, s.agent, s.phone);
    const st = await status(s.agent);
    expect(st).toMatchObject({ activationStatus: 'active', activationMethod: 'auto_by_institution', autoActivated: true, businessUnlocked: true });
    expect((await status(s.agent)).autoActivated).toBe(false);
    const sent = await t.deps.db.select().from(outbox).where(and(eq(outbox.template, 'physician.activated'), eq(outbox.recipient, s.phone)));
    expect(sent).toHaveLength(1);
  });
});

describe('regions not yet on e-registration (seed 六)', () => {
  it('needs no activation: the physician applies directly and the account activates on approval', async () => {
    await setERegistration(t.deps, '460000', false);
    const s = await registered({ name: '彭海生', areaCode: '460106' });
    const st = await status(s.agent);
    expect(methodsOf(st)).toEqual(['auto_on_approval']);
    expect(st.nextStep.text).toContain('尚未实施电子化注册');
    expectProblem(await activate(s.agent, { method: 'qualification_code', certCode: s.r.certCode }), 409, 'ACTIVATION_METHOD_NOT_ALLOWED');
    expectProblem(await s.agent.get('/api/v1/physician/registrations'), 403, 'ACCOUNT_NOT_ACTIVATED');

    const res = await activate(s.agent, { method: 'auto_on_approval' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await status(s.agent)).toMatchObject({ activationStatus: 'verified', pendingActivationPath: 'auto_on_approval', businessUnlocked: true, nextStep: { key: 'apply' } });
    // Past the gate: business endpoints answer.
    expect((await s.agent.get('/api/v1/physician/registrations')).statusCode).toBe(200);

    // The approval module calls activateOnApproval in its transaction.
    expect(await inTransaction(t.deps, (c) => activateOnApproval(c, s.r.physician.id))).toBe(true);
    const [p] = await t.deps.db.select().from(physicians).where(eq(physicians.id, s.r.physician.id));
    expect(p).toMatchObject({ activationStatus: 'active', activationMethod: 'auto_on_approval', pendingActivationPath: null });
    expect(await inTransaction(t.deps, (c) => activateOnApproval(c, s.r.physician.id))).toBe(false);
  });

  it('does not offer the deferred path to physicians in an e-registration region', async () => {
    const s = await qualifiedUnregistered('黄嘉怡');
    expectProblem(await activate(s.agent, { method: 'auto_on_approval' }), 409, 'ACTIVATION_METHOD_NOT_ALLOWED');
    const [p] = await t.deps.db.select().from(physicians).where(eq(physicians.name, '黄嘉怡'));
    expect(p!.pendingActivationPath).toBeNull();
  });
});
