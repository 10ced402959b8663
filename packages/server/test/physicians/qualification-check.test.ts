import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { type Agent, expectProblem, loggedIn } from '../helpers/agent';
import { makeAuthority, makeAuthorityStaff, makeIdNumber, makePhysician, makeQualification, PASSWORD } from '../helpers/factories';
import { countRows, signUp, verifyPhone } from '../helpers/physicians-factories';
import { qualificationCorrections, qualifications } from '../../src/db/schema/index';
import { samplePhotoPng } from '../../src/pdf/test-fixtures';
import { decoded, samplePdf } from '../helpers/upload-samples';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

type Status = {
  qualificationCheck: string; qualificationCheckMessage: string | null; canCorrectIdentity: boolean;
  qualifications: Record<string, unknown>[]; nextStep: { key: string; text: string };
};
const status = async (agent: Agent) => (await agent.get('/api/v1/physician/status')).json() as Status;

const PNG = samplePhotoPng(100, 140);
const PDF = await samplePdf();

/** A multipart/form-data body for app.inject. */
function multipart(fields: Record<string, string>, files: { name: string; filename: string; type: string; data: Buffer }[]) {
  const boundary = `----medreg${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    parts.push(f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function submitCorrection(agent: Agent, reason: string, files: { filename: string; type: string; data: Buffer }[] = []) {
  const { payload, headers } = multipart({ reason }, files.map((f) => ({ name: 'attachments', ...f })));
  return agent.request('POST', '/api/v1/physician/qualification-corrections', payload, { headers });
}

describe('医师资格校验 after the first login', () => {
  it('finds and links the qualification by 姓名 + 身份证号, without showing the activating codes before activation', async () => {
    const q = await makeQualification(t.deps, { name: '周医生' });
    const s = await signUp(t.app, { name: '周医生', idNumber: q.idNumber });
    const st = await status(s.agent);
    expect(st.qualificationCheck).toBe('found');
    expect(st.qualifications).toHaveLength(1);
    expect(st.qualifications[0]).toMatchObject({ levelLabel: '执业医师', categoryLabel: '临床类别' });
    expect(JSON.stringify(st)).not.toContain(q.certCode!);
    expect(JSON.stringify(st)).not.toContain(q.ticket);
    const [row] = await t.deps.db.select().from(qualifications).where(eq(qualifications.id, q.qualification.id));
    expect(row!.physicianId).not.toBeNull();
  });

  it('reports not found for a passer whose data is not synchronised, who then pulls it with the 准考证号', async () => {
    const q = await makeQualification(t.deps, { name: '吴医生', ticketOnly: true });
    const s = await signUp(t.app, { name: '吴医生', idNumber: q.idNumber });
    expect((await status(s.agent)).nextStep.key).toBe('verify_phone');
    await verifyPhone(t.deps, s.agent, s.phone);
    const st = await status(s.agent);
    expect(st.qualificationCheck).toBe('not_found');
    expect(st.nextStep.text).toContain('准考证号');
    const pulled = await s.agent.post('/api/v1/physician/qualifications/pull', { admissionTicketNo: q.ticket });
    expect(pulled.statusCode, pulled.body).toBe(200);
    expect((pulled.json() as { qualification: { admissionTicketNo: string; certificatePending: boolean } }).qualification)
      .toMatchObject({ admissionTicketNo: q.ticket, certificatePending: true });
    expect((await status(s.agent)).qualificationCheck).toBe('found');
  });

  it('refuses a 准考证号 that is unknown, someone else\'s, or recorded under another name — all alike', async () => {
    const mine = await makeQualification(t.deps, { name: '郑医生', ticketOnly: true });
    const other = await makeQualification(t.deps, { name: '王五', ticketOnly: true });
    const s = await signUp(t.app, { name: '郑医生', idNumber: mine.idNumber });
    for (const ticket of ['202400000000', other.ticket]) {
      const p = expectProblem(await s.agent.post('/api/v1/physician/qualifications/pull', { admissionTicketNo: ticket }), 404, 'ADMISSION_TICKET_NOT_FOUND');
      expect(p.errors?.[0]?.path).toEqual(['admissionTicketNo']);
      expect(JSON.stringify(p)).not.toContain('王五');
    }
    const sameIdOtherName = await makeQualification(t.deps, { name: '郑二', idNumber: makeIdNumber(), ticketOnly: true });
    const s2 = await signUp(t.app, { name: '郑三', idNumber: sameIdOtherName.idNumber });
    expectProblem(await s2.agent.post('/api/v1/physician/qualifications/pull', { admissionTicketNo: sameIdOtherName.ticket }), 404, 'ADMISSION_TICKET_NOT_FOUND');
  });

  it('says the name does not match (QUALIFICATION_NAME_MISMATCH) and lets the name be corrected before activation', async () => {
    const q = await makeQualification(t.deps, { name: '罗志刚' });
    const s = await signUp(t.app, { name: '罗志强', idNumber: q.idNumber });
    const st = await status(s.agent);
    expect(st).toMatchObject({ qualificationCheck: 'name_mismatch', canCorrectIdentity: true });
    expect(st.qualificationCheckMessage).toContain('姓名');
    expect(st.nextStep.key).toBe('qualification_check');
    const check = (await s.agent.post('/api/v1/physician/qualification-check')).json() as { outcome: string; code: string; message: string };
    expect(check).toMatchObject({ outcome: 'name_mismatch', code: 'QUALIFICATION_NAME_MISMATCH' });
    expect(check.message).toContain('资格补改指南');

    const fixed = await s.agent.put('/api/v1/physician/identity', { name: '罗志刚', idNumber: q.idNumber });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ name: '罗志刚', qualificationCheck: 'found' });
    expect((await s.agent.get('/api/v1/session')).json()).toMatchObject({ displayName: '罗志刚' });
  });

  it('lets a mistyped ID be corrected, re-matching against the new ID', async () => {
    const q = await makeQualification(t.deps, { name: '冯医生' });
    const s = await signUp(t.app, { name: '冯医生', idNumber: makeIdNumber({ birthDate: '1991-01-01' }) });
    expect((await status(s.agent)).qualificationCheck).toBe('not_found');
    const res = await s.agent.put('/api/v1/physician/identity', { name: '冯医生', idNumber: q.idNumber });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ qualificationCheck: 'found', idNumberMasked: `${q.idNumber.slice(0, 6)}********${q.idNumber.slice(-4)}` });
  });

  it('refuses a correction to an invalid ID, to an ID already in use, and after activation', async () => {
    const s = await signUp(t.app, { name: '陈医生' });
    const bad = expectProblem(await s.agent.put('/api/v1/physician/identity', { name: '陈医生', idNumber: '110105199002300011' }), 400, 'ID_NUMBER_INVALID');
    expect(bad.errors?.[0]?.path).toEqual(['idNumber']);
    const other = await signUp(t.app, { name: '陈二' });
    const taken = expectProblem(await s.agent.put('/api/v1/physician/identity', { name: '陈医生', idNumber: other.idNumber }), 409, 'ID_NUMBER_ALREADY_REGISTERED');
    expect(taken.errors?.[0]?.path).toEqual(['idNumber']);

    const active = await makePhysician(t.deps, { name: '褚医生' });
    const agent = await loggedIn(t.app, active.loginName, PASSWORD);
    expectProblem(await agent.put('/api/v1/physician/identity', { name: '褚一', idNumber: active.idNumber }), 409, 'IDENTITY_CHANGE_NOT_ALLOWED');
  });
});

describe('资格补改 requests', () => {
  it('files a request with attachments, routed to the provincial commission of the ID\'s province, and lists it', async () => {
    const province = await makeAuthority(t.deps, { areaCode: '110000', level: 'province', name: '北京市卫生健康委员会' });
    await makeAuthority(t.deps, { areaCode: '000000', level: 'national', name: '国家卫生健康委员会' });
    const s = await signUp(t.app, { name: '蒋医生', idNumber: makeIdNumber({ areaCode: '110105' }) });
    const res = await submitCorrection(s.agent, '2010年取得资格，资格库中查不到我的记录', [
      { filename: '证书.png', type: 'image/png', data: PNG },
      { filename: '身份证.pdf', type: 'application/pdf', data: PDF },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ attachmentCount: 2, authorityName: '北京市卫生健康委员会', status: 'submitted', statusLabel: '已提交，待受理' });
    const [row] = await t.deps.db.select().from(qualificationCorrections).where(eq(qualificationCorrections.authorityId, province.id));
    expect(row!.attachments).toHaveLength(2);
    // Stored as re-encoded and re-saved: the same picture and a PDF that starts as one.
    expect(await decoded((await t.deps.blobs.get(t.deps.db, row!.attachments[0]!))!)).toMatchObject({ format: 'png', width: 100, height: 140 });
    expect((await t.deps.blobs.get(t.deps.db, row!.attachments[1]!))!.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const list = (await s.agent.get('/api/v1/physician/qualification-corrections')).json() as { items: unknown[]; canSubmit: boolean };
    expect(list).toMatchObject({ canSubmit: false, items: [{ statusLabel: '已提交，待受理' }] });
    expectProblem(await submitCorrection(s.agent, '再次申请'), 409, 'QUALIFICATION_CORRECTION_PENDING');
  });

  it('routes to the national commission when the ID\'s province has no commission in the system', async () => {
    await makeAuthority(t.deps, { areaCode: '000000', level: 'national', name: '国家卫生健康委员会' });
    const s = await signUp(t.app, { name: '沈医生', idNumber: makeIdNumber({ areaCode: '530102' }) });
    const res = await submitCorrection(s.agent, '资格证书姓名有误');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ authorityName: '国家卫生健康委员会', attachmentCount: 0 });
  });

  it('refuses a missing reason, a wrong file type, a fourth file and a file over 2 MB, writing nothing', async () => {
    const s = await signUp(t.app, { name: '韩医生' });
    const before = await countRows(t.deps, ['qualification_corrections', 'blobs']);
    const noReason = expectProblem(await submitCorrection(s.agent, '   '), 400, 'CORRECTION_REASON_REQUIRED');
    expect(noReason.errors?.[0]?.path).toEqual(['reason']);
    const txt = expectProblem(await submitCorrection(s.agent, '原因', [{ filename: 'a.png', type: 'image/png', data: Buffer.from('not an image') }]), 400, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(txt.errors?.[0]?.path).toEqual(['attachments', 0]);
    const four = Array.from({ length: 4 }, (_, i) => ({ filename: `${i}.png`, type: 'image/png', data: PNG }));
    expectProblem(await submitCorrection(s.agent, '原因', four), 400, 'TOO_MANY_ATTACHMENTS');
    const big = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = expectProblem(await submitCorrection(s.agent, '原因', [{ filename: 'big.pdf', type: 'application/pdf', data: big }]), 400, 'ATTACHMENT_TOO_LARGE');
    expect(tooBig.errors?.[0]?.path).toEqual(['attachments', 0]);
    expect(await countRows(t.deps, ['qualification_corrections', 'blobs'])).toEqual(before);
  });

  it('shows authority staff the requests within their jurisdiction only, masked, page by page', async () => {
    const gd = await makeAuthority(t.deps, { areaCode: '440000', level: 'province', name: '广东省卫生健康委员会' });
    const national = await makeAuthority(t.deps, { areaCode: '000000', level: 'national', name: '国家卫生健康委员会' });
    const county = await makeAuthority(t.deps, { areaCode: '440305', level: 'county', name: '深圳市南山区卫生健康局' });
    const ids: string[] = [];
    for (const name of ['林一', '林二', '林三']) {
      const s = await signUp(t.app, { name, idNumber: makeIdNumber({ areaCode: '440305' }) });
      ids.push(s.idNumber);
      expect((await submitCorrection(s.agent, `${name}的资格信息缺失`)).statusCode).toBe(201);
    }
    const gdStaff = await loggedIn(t.app, (await makeAuthorityStaff(t.deps, gd.id)).loginName, PASSWORD);
    const page1 = (await gdStaff.get('/api/v1/authority/qualification-corrections?limit=2')).json() as { items: { physicianName: string; idNumberMasked: string; authorityName: string }[]; nextCursor: string };
    expect(page1.items.map((i) => i.physicianName)).toEqual(['林三', '林二']);
    expect(page1.items.every((i) => i.authorityName === '广东省卫生健康委员会')).toBe(true);
    expect(JSON.stringify(page1)).not.toContain(ids[2]!);
    expect(page1.items[0]!.idNumberMasked).toBe(`${ids[2]!.slice(0, 6)}********${ids[2]!.slice(-4)}`);
    const page2 = (await gdStaff.get(`/api/v1/authority/qualification-corrections?limit=2&cursor=${page1.nextCursor}`)).json() as { items: { physicianName: string }[]; nextCursor: string | null };
    expect(page2).toMatchObject({ items: [{ physicianName: '林一' }], nextCursor: null });

    const nationalStaff = await loggedIn(t.app, (await makeAuthorityStaff(t.deps, national.id)).loginName, PASSWORD);
    const all = (await nationalStaff.get('/api/v1/authority/qualification-corrections?limit=100')).json() as { items: { physicianName: string }[] };
    expect(all.items.map((i) => i.physicianName)).toEqual(expect.arrayContaining(['林一', '林二', '林三']));

    const countyStaff = await loggedIn(t.app, (await makeAuthorityStaff(t.deps, county.id)).loginName, PASSWORD);
    expect(((await countyStaff.get('/api/v1/authority/qualification-corrections')).json() as { items: unknown[] }).items).toEqual([]);
    expectProblem(await countyStaff.get('/api/v1/authority/qualification-corrections?cursor=bogus'), 400, 'VALIDATION_FAILED');
  });

  it('keeps physicians out of the authority list', async () => {
    const s = await signUp(t.app);
    await verifyPhone(t.deps, s.agent, s.phone);
    expectProblem(await s.agent.get('/api/v1/authority/qualification-corrections'), 403, 'FORBIDDEN');
  });
});
