import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { PAPER_MATERIALS, parseLicenceCode } from '@medreg/domain';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, type Agent } from '../helpers/agent';
import { loggedIn } from '../helpers/agent';
import { PASSWORD } from '../helpers/factories';
import { applications, auditLog, decisionDocuments, outbox, physicians, registrations } from '../../src/db/schema/index';
import { actionsOf, makeJurisdictions, makePendingApplication, staffOf, type DetailBody, type Jurisdictions } from '../helpers/authority-factories';

let t: TestApp;
let j: Jurisdictions;
let haidian: Agent;
let dongcheng: Agent;
let beijing: Agent;

const url = (id: string, action = '') => `/api/v1/authority/applications/${id}${action ? `/${action}` : ''}`;

/** Moves the clock (sessions last 12 hours, so the staff sign in again). */
async function moveTo(instant: string) {
  t.setNow(instant);
  haidian = await staffOf(t.app, t.deps, j.haidian.id);
  dongcheng = await staffOf(t.app, t.deps, j.dongcheng.id);
  beijing = await staffOf(t.app, t.deps, j.beijing.id);
}

beforeAll(async () => {
  t = await createTestApp();
  j = await makeJurisdictions(t.deps);
  await moveTo('2026-09-29T02:00:00Z'); // 2026-09-29 10:00 北京时间
});
afterAll(async () => t?.close());

async function pending(o: Parameters<typeof makePendingApplication>[2] = {}) {
  return makePendingApplication(t.deps, { institution: j.hdInstitution.institution, authorityId: j.haidian.id }, o);
}

async function accept(id: string, agent = haidian): Promise<DetailBody> {
  const res = await agent.post(url(id, 'accept'), {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DetailBody;
}

describe('受理', () => {
  it('starts the 20-working-day clock from today, skipping the National Day holiday', async () => {
    const { application } = await pending();
    const body = await accept(application.id);
    expect(body.state).toBe('accepted');
    expect(body.acceptedOn).toBe('2026-09-29');
    // 《医师法》第十三条: 20 working days; 10-01..07 off, Saturday 10-10 is a 调休 working day.
    expect(body.dueDate).toBe('2026-11-02');
    expect(body.workingDaysLeft).toBe(20);
    expect(actionsOf(body)).toEqual(['approve', 'refuse']);
    expect(body.timeline.map((e) => e.action).at(-1)).toBe('accept');
  });

  it('tells the physician and the institution the due date', async () => {
    const { application, doctor } = await pending();
    await accept(application.id);
    const sms = await t.deps.db.select().from(outbox).where(and(eq(outbox.recipient, doctor.physician.account.phone!), eq(outbox.template, 'authority.accepted')));
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toContain('2026-11-02');
    const inst = await t.deps.db.select().from(outbox).where(and(eq(outbox.recipient, `${j.hdInstitution.adminLogin}@hospital.example.cn`), eq(outbox.template, 'authority.accepted.institution')));
    expect(inst.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a stale version with the current state', async () => {
    const { application } = await pending();
    const res = await haidian.post(url(application.id, 'accept'), { expectedVersion: application.version + 5 });
    const problem = expectProblem(res, 409, 'VERSION_CONFLICT') as unknown as { current: { state: string; version: number } };
    expect(problem.current).toEqual({ state: 'pending_authority', version: application.version });
  });
});

describe('jurisdiction', () => {
  it('answers 404 to another district for the page and for every action', async () => {
    const { application } = await pending();
    expectProblem(await dongcheng.get(url(application.id)), 404, 'NOT_FOUND');
    expectProblem(await dongcheng.post(url(application.id, 'accept'), {}), 404, 'NOT_FOUND');
    expectProblem(await dongcheng.put(url(application.id, 'materials'), { items: { photos: true } }), 404, 'NOT_FOUND');
    expectProblem(await dongcheng.get(`/api/v1/applications/${application.id}/decision.pdf`), 404, 'NOT_FOUND');
  });

  it('lets the province see a county application read-only: no buttons, and 403 on a decision', async () => {
    const { application } = await pending();
    const page = (await beijing.get(url(application.id))).json() as DetailBody;
    expect(page.state).toBe('pending_authority');
    expect(page.canDecide).toBe(false);
    expect(actionsOf(page)).toEqual([]);
    expect(page.canEditMaterials).toBe(false);
    expectProblem(await beijing.post(url(application.id, 'accept'), {}), 403, 'FORBIDDEN');
    expectProblem(await beijing.put(url(application.id, 'materials'), { items: { photos: true } }), 403, 'FORBIDDEN');
  });

  it('shows the full 身份证号 to the authority', async () => {
    const { application, doctor } = await pending();
    const page = (await haidian.get(url(application.id))).json() as DetailBody;
    expect(page.applicant.idNumber).toBe(doctor.idNumber);
  });
});

describe('退回补正 and the paper materials', () => {
  it('sends back with every missing item at once and notifies physician and institution with the list', async () => {
    const { application, doctor } = await pending();
    const res = await haidian.post(url(application.id, 'request-correction'), {
      items: ['id_card', 'health_certificate'], note: '体检表须加盖体检医院公章', expectedVersion: application.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as DetailBody;
    expect(body.state).toBe('returned_for_correction');
    expect(body.correctionItems).toEqual([
      '二甲或二甲以上医疗机构的健康体检证明表', '身份证原件及复印件（审原件，收复印件）', '其他：体检表须加盖体检医院公章',
    ]);
    expect(body.timeline.at(-1)!.reason).toBe(
      '1. 二甲或二甲以上医疗机构的健康体检证明表\n2. 身份证原件及复印件（审原件，收复印件）\n3. 其他：体检表须加盖体检医院公章');
    expect(body.decisionReasons).toContain('3. 其他：体检表须加盖体检医院公章');
    expect(actionsOf(body)).toEqual([]);
    const toPhysician = await t.deps.db.select().from(outbox).where(and(eq(outbox.recipient, doctor.physician.account.email!), eq(outbox.template, 'authority.correction_requested')));
    expect(toPhysician).toHaveLength(1);
    for (const item of body.correctionItems) expect(toPhysician[0]!.body).toContain(item);
    const toInstitution = await t.deps.db.select().from(outbox).where(eq(outbox.template, 'authority.correction_requested.institution'));
    expect(toInstitution.some((m) => m.body.includes(doctor.name) && m.body.includes('身份证原件及复印件'))).toBe(true);
  });

  it('refuses a send-back that names nothing', async () => {
    const { application } = await pending();
    const problem = expectProblem(await haidian.post(url(application.id, 'request-correction'), { items: [] }), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.[0]?.path).toEqual(['items']);
  });

  it('ticks the materials as they arrive, checks the version and audits', async () => {
    const { application } = await pending();
    const res = await haidian.put(url(application.id, 'materials'), { items: { application_form: true, photos: true }, expectedVersion: application.version });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as DetailBody;
    expect(body.materials).toHaveLength(PAPER_MATERIALS.length);
    expect(body.materials.filter((m) => m.received).map((m) => m.key)).toEqual(['application_form', 'photos']);
    expect(body.version).toBe(application.version + 1);
    expectProblem(await haidian.put(url(application.id, 'materials'), { items: { id_card: true }, expectedVersion: application.version }), 409, 'VERSION_CONFLICT');
    expectProblem(await haidian.put(url(application.id, 'materials'), { items: { passport: true } }), 400, 'VALIDATION_FAILED');
    const entries = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, application.id), eq(auditLog.action, 'application.materials')));
    expect(entries).toHaveLength(1);
  });

  it('keeps the checklist only before the decision', async () => {
    const { application } = await pending({ state: 'returned_for_correction' });
    expectProblem(await haidian.put(url(application.id, 'materials'), { items: { photos: true } }), 409, 'MATERIALS_NOT_EDITABLE');
  });
});

describe('准予注册', () => {
  it('is refused before 受理, listing the actions allowed now', async () => {
    const { application } = await pending();
    const problem = expectProblem(await haidian.post(url(application.id, 'approve'), {}), 409, 'WORKFLOW_ACTION_NOT_ALLOWED') as unknown as { allowedActions: string[]; detail: string };
    expect(problem.allowedActions).toEqual(['accept', 'request_correction']);
    expect(problem.detail).toContain('可执行的操作：受理、退回补正');
    expect(await t.deps.db.select().from(registrations).where(eq(registrations.applicationId, application.id))).toHaveLength(0);
  });

  it('creates a valid registration with a 15-digit code: level + category + the authority area + serial', async () => {
    await moveTo('2026-10-12T03:00:00Z');
    const { application, doctor } = await pending();
    await accept(application.id);
    const res = await haidian.post(url(application.id, 'approve'), {});
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as DetailBody;
    expect(body.state).toBe('approved');
    expect(actionsOf(body)).toEqual([]);
    const code = body.registration!.licenceCode;
    expect(code).toMatch(/^110110108\d{6}$/); // 1 执业医师, 10 临床, 110108 海淀区
    expect(parseLicenceCode(code)).toMatchObject({ ok: true, value: { level: 'physician', category: 'clinical', areaCode: '110108' } });

    const [reg] = await t.deps.db.select().from(registrations).where(eq(registrations.applicationId, application.id));
    expect(reg).toMatchObject({
      status: 'valid', physicianId: doctor.physician.id, mainInstitutionId: j.hdInstitution.institution.id, authorityId: j.haidian.id,
      category: 'clinical', level: 'physician', scopes: ['11'], practiceLocationCode: '110000', approvedOn: '2026-10-12',
      qualificationId: doctor.qualification.id,
    });
    expect(reg!.verifyToken).toMatch(/^[\w-]{20,}$/);
    const [p] = await t.deps.db.select().from(physicians).where(eq(physicians.id, doctor.physician.id));
    expect(p!.mainInstitutionId).toBe(j.hdInstitution.institution.id);
    const sms = await t.deps.db.select().from(outbox).where(and(eq(outbox.recipient, doctor.physician.account.phone!), eq(outbox.template, 'authority.approved')));
    expect(sms[0]!.body).toContain(code);
    expect(await t.deps.db.select().from(outbox).where(eq(outbox.template, 'authority.approved.institution'))).not.toHaveLength(0);
  });

  it('never repeats a code across approvals', async () => {
    const a = await pending();
    const b = await pending();
    await accept(a.application.id);
    await accept(b.application.id);
    const codeA = ((await haidian.post(url(a.application.id, 'approve'), {})).json() as DetailBody).registration!.licenceCode;
    const codeB = ((await haidian.post(url(b.application.id, 'approve'), {})).json() as DetailBody).registration!.licenceCode;
    expect(codeA.slice(0, 9)).toBe(codeB.slice(0, 9));
    expect(codeA).not.toBe(codeB);
    expect(Number(codeB.slice(9))).toBeGreaterThan(Number(codeA.slice(9)));
  });

  it('registers an assistant at the county with the assistant level digit', async () => {
    const { application } = await pending({ level: 'assistant' });
    await accept(application.id);
    const body = (await haidian.post(url(application.id, 'approve'), {})).json() as DetailBody;
    expect(body.registration!.licenceCode).toMatch(/^210110108\d{6}$/);
    const [reg] = await t.deps.db.select().from(registrations).where(eq(registrations.applicationId, application.id));
    expect(reg!.practiceLocationCode).toBe('110108');
  });

  it('activates the account of a physician from a region without e-registration (seed question 六)', async () => {
    const { application, doctor } = await pending({ activation: 'auto_on_approval' });
    await accept(application.id);
    expect((await haidian.post(url(application.id, 'approve'), {})).statusCode).toBe(200);
    const [p] = await t.deps.db.select().from(physicians).where(eq(physicians.id, doctor.physician.id));
    expect(p).toMatchObject({ activationStatus: 'active', activationMethod: 'auto_on_approval', pendingActivationPath: null });
    expect(p!.activatedAt).not.toBeNull();
    const sms = await t.deps.db.select().from(outbox).where(and(eq(outbox.recipient, doctor.physician.account.phone!), eq(outbox.template, 'authority.approved')));
    expect(sms[0]!.body).toContain('自动激活');
  });

  it('records one approval for a double click with the same Idempotency-Key', async () => {
    const { application } = await pending();
    await accept(application.id);
    const key = 'approve-double-click-0001';
    const first = await haidian.request('POST', url(application.id, 'approve'), {}, { headers: { 'idempotency-key': key } });
    const second = await haidian.request('POST', url(application.id, 'approve'), {}, { headers: { 'idempotency-key': key } });
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode, second.body).toBe(200);
    expect(await t.deps.db.select().from(registrations).where(eq(registrations.applicationId, application.id))).toHaveLength(1);
  });
});

describe('不予注册', () => {
  it('needs written reasons', async () => {
    const { application } = await pending();
    await accept(application.id);
    const problem = expectProblem(await haidian.post(url(application.id, 'refuse'), { reasons: '   ' }), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.[0]?.path).toEqual(['reasons']);
    expectProblem(await haidian.post(url(application.id, 'refuse'), {}), 400, 'VALIDATION_FAILED');
  });

  it('issues the written decision with reasons and appeal rights, downloadable by applicant, institution and authority', async () => {
    await moveTo('2026-10-28T01:00:00Z');
    const { application, doctor } = await pending({ name: '欧阳晓燕' });
    await accept(application.id);
    const reasons = '经核查，申请人被吊销医师执业证书不满二年（《中华人民共和国医师法》第十六条第三项）。';
    const res = await haidian.post(url(application.id, 'refuse'), { reasons });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as DetailBody;
    expect(body.state).toBe('refused');
    expect(body.decisionReasons).toBe(reasons);
    expect(body.decisionDocument!.documentNo).toMatch(/^京海卫不予注册〔2026〕\d+号$/);
    expect(body.registration).toBeNull();
    const [doc] = await t.deps.db.select().from(decisionDocuments).where(eq(decisionDocuments.applicationId, application.id));
    expect(doc!.issuedOn).toBe('2026-10-28');

    const physician = await loggedIn(t.app, doctor.loginName, PASSWORD);
    const institution = await loggedIn(t.app, j.hdInstitution.clerkLogin, PASSWORD);
    for (const agent of [physician, institution, haidian, beijing]) {
      const pdf = await agent.get(body.decisionDocument!.url);
      expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    expectProblem(await dongcheng.get(body.decisionDocument!.url), 404, 'NOT_FOUND');
    const otherInstitution = await loggedIn(t.app, j.dcInstitution.clerkLogin, PASSWORD);
    expectProblem(await otherInstitution.get(body.decisionDocument!.url), 404, 'NOT_FOUND');

    const sms = await t.deps.db.select().from(outbox).where(and(eq(outbox.recipient, doctor.physician.account.phone!), eq(outbox.template, 'authority.refused')));
    expect(sms[0]!.body).toContain(reasons);
    expect(sms[0]!.body).toContain('六十日内依法申请行政复议');
    expect(sms[0]!.body).toContain('六个月内依法向人民法院提起行政诉讼');
    const inst = await t.deps.db.select().from(outbox).where(eq(outbox.template, 'authority.refused.institution'));
    expect(inst.some((m) => m.body.includes('欧阳晓燕') && m.body.includes(reasons))).toBe(true);
  });

  it('numbers the decisions of one authority in sequence', async () => {
    const a = await pending();
    const b = await pending();
    await accept(a.application.id);
    await accept(b.application.id);
    const noA = ((await haidian.post(url(a.application.id, 'refuse'), { reasons: '理由一' })).json() as DetailBody).decisionDocument!.documentNo;
    const noB = ((await haidian.post(url(b.application.id, 'refuse'), { reasons: '理由二' })).json() as DetailBody).decisionDocument!.documentNo;
    const serial = (no: string) => Number(/〕(\d+)号$/.exec(no)![1]);
    expect(serial(noB)).toBe(serial(noA) + 1);
  });

  it('cannot be stored without reasons even outside the API (database CHECK)', async () => {
    const { application } = await pending({ state: 'accepted' });
    await expect(t.deps.db.update(applications).set({ state: 'refused' }).where(eq(applications.id, application.id))).rejects.toThrow();
  });

  it('answers 404 for the PDF of an application without a written decision', async () => {
    const { application } = await pending();
    expectProblem(await haidian.get(`/api/v1/applications/${application.id}/decision.pdf`), 404, 'DECISION_DOCUMENT_NOT_FOUND');
  });
});
