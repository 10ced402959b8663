// 个人信息修改 (domain §2.2 BT-11 [S13][S14][S20]): the physician edits registration-side data; the main institution
// agrees or refuses; the registration and its next certificate carry the approved values; 是否修改过信息 on the roster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, infoEditEvents, outbox, pdfCache, registrationProfiles } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { type Agent, expectProblem, loggedIn } from '../helpers/agent';
import { column, exportBoth } from '../helpers/export-files';
import { PASSWORD, makeApplication, makeAuthority, makeInstitution, makePhysician } from '../helpers/factories';
import { makeRegistration } from '../helpers/register-factories';
import { PNG_PHOTO, multipart } from '../helpers/applications-factories';
import { samplePhotoPng } from '../../src/pdf/test-fixtures';

interface Row { field: string; label: string; old: string | null; new: string | null; oldPhotoUrl: string | null; newPhotoUrl: string | null }
interface View { id: string; version: number; status: string; statusLabel: string; rows: Row[]; decisionReason: string | null; allowedActions: { action: string }[];
  registration: { registrationId: string; licenceCode: string | null } }
interface Current { registrations: { registrationId: string; values: Record<string, string | null>; canEdit: boolean; blockedReason: string | null;
  pendingId: string | null; edited: boolean; photoUrl: string | null }[] }

let t: TestApp;
let hospital: Awaited<ReturnType<typeof makeInstitution>>;
let other: Awaited<ReturnType<typeof makeInstitution>>;
let clerk: Agent;
let admin: Agent;

/** A physician registered at the hospital through a 首次注册 whose form said 本科 / 北京大学医学部 / 住院医师. */
async function makeDoctor(name: string) {
  const doc = await makePhysician(t.deps, { name });
  const app = await makeApplication(t.deps, {
    physicianId: doc.physician.id, physicianName: name, idNumber: doc.idNumber, institutionId: hospital.institution.id,
    authorityId: hospital.institution.approvingAuthorityId, qualificationId: doc.qualification.id, state: 'approved',
  });
  const registration = await makeRegistration(t.deps, {
    physicianId: doc.physician.id, qualificationId: doc.qualification.id, institution: hospital.institution, applicationId: app.id,
  });
  const agent = await loggedIn(t.app, doc.loginName, PASSWORD);
  return { ...doc, registration, agent };
}

const file = (agent: Agent, registrationId: string, changes: Record<string, unknown>) =>
  agent.post('/api/v1/physician/info-edits', { registrationId, changes });

async function current(agent: Agent) {
  const res = await agent.get('/api/v1/physician/info-edits/current');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as Current).registrations[0]!;
}

async function uploadPhoto(agent: Agent, content = PNG_PHOTO) {
  const { payload, headers } = multipart(content);
  return agent.request('POST', '/api/v1/physician/info-edits/photo', payload, { headers });
}

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-01T02:00:00Z');
  const county = await makeAuthority(t.deps, { areaCode: '110108', level: 'county' });
  hospital = await makeInstitution(t.deps, { name: '北京市海淀信息修改测试医院', areaCode: '110108', authorityId: county.id });
  other = await makeInstitution(t.deps, { name: '北京市海淀区另一家医院', areaCode: '110108', authorityId: county.id });
  clerk = await loggedIn(t.app, hospital.clerkLogin, PASSWORD);
  admin = await loggedIn(t.app, hospital.adminLogin, PASSWORD);
});
afterAll(async () => { await t?.close(); });

describe('BT-11 信息修改由主要执业机构审核 (domain §2.2 BT-11)', () => {
  it('the physician files an edit; nothing changes until the main institution agrees; then the registration, the roster flag and the next certificate carry it', async () => {
    const doc = await makeDoctor('许修改');
    const before = await current(doc.agent);
    expect(before).toMatchObject({ canEdit: true, edited: false, pendingId: null });
    expect(before.values).toMatchObject({ education: '本科', school: '北京大学医学部', title: '住院医师', phone: doc.physician.account.phone, photoSha256: null });

    const cert1 = await doc.agent.get(`/api/v1/physician/registrations/${doc.registration.id}/certificate.pdf`);
    expect(cert1.statusCode, cert1.body).toBe(200);
    const [cache1] = await t.deps.db.select().from(pdfCache).where(eq(pdfCache.subjectId, doc.registration.id));

    const photo = await uploadPhoto(doc.agent);
    expect(photo.statusCode, photo.body).toBe(201);
    const { photoSha256 } = photo.json() as { photoSha256: string };
    const res = await file(doc.agent, doc.registration.id, { title: '主治医师', school: '复旦大学上海医学院', major: '临床医学', photoSha256 });
    expect(res.statusCode, res.body).toBe(201);
    const filed = res.json() as View;
    expect(filed).toMatchObject({ status: 'pending', statusLabel: '待机构审核', version: 1, allowedActions: [{ action: 'withdraw' }] });
    // 专业 was 临床医学 already: only what really changes is listed.
    expect(filed.rows.map((r) => [r.label, r.old, r.new])).toEqual([['毕业院校', '北京大学医学部', '复旦大学上海医学院'], ['任职资格', '住院医师', '主治医师'], ['照片', null, null]]);
    expect(filed.rows[2]!.newPhotoUrl).toBe(`/api/v1/physician/info-edits/${filed.id}/photo?side=new`);

    // Pending: the registration still carries the old values and no second edit may be filed.
    const pending = await current(doc.agent);
    expect(pending).toMatchObject({ canEdit: false, pendingId: filed.id, edited: false, values: { title: '住院医师' } });
    expect(pending.blockedReason).toContain('待机构审核');

    const queue = await clerk.get(`/api/v1/institution/info-edits?status=pending&name=${encodeURIComponent('许修改')}`);
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json()).toMatchObject({ total: 1, items: [{ id: filed.id, physicianName: '许修改', allowedActions: [{ action: 'approve' }, { action: 'refuse' }] }] });
    const newPhoto = await clerk.get(`/api/v1/institution/info-edits/${filed.id}/photo?side=new`);
    expect(newPhoto.statusCode).toBe(200);
    expect(newPhoto.headers['content-type']).toBe('image/png');

    const approved = await clerk.post(`/api/v1/institution/info-edits/${filed.id}/approve`, { expectedVersion: 1 });
    expect(approved.statusCode, approved.body).toBe(200);
    const detail = approved.json() as View & { history: { label: string; actorRoleLabel: string }[] };
    expect(detail).toMatchObject({ status: 'approved', statusLabel: '已同意', version: 2, allowedActions: [] });
    expect(detail.history.map((h) => [h.label, h.actorRoleLabel])).toEqual([['提交申请', '医师'], ['同意', '机构经办人']]);

    const after = await current(doc.agent);
    expect(after).toMatchObject({ canEdit: true, edited: true, values: { title: '主治医师', school: '复旦大学上海医学院', major: '临床医学', education: '本科', photoSha256 } });
    const [profile] = await t.deps.db.select().from(registrationProfiles).where(eq(registrationProfiles.registrationId, doc.registration.id));
    expect(profile).toMatchObject({ title: '主治医师', school: '复旦大学上海医学院', photoSha256, infoEditId: filed.id });

    const roster = await clerk.get(`/api/v1/institution/physicians?name=${encodeURIComponent('许修改')}`);
    expect((roster.json() as { items: { infoEdited: boolean }[] }).items).toMatchObject([{ infoEdited: true }]);
    const applicationsList = await clerk.post('/api/v1/institution/applications/search', { queue: 'completed', name: '许修改' });
    expect((applicationsList.json() as { items: { infoEdited: boolean }[] }).items).toMatchObject([{ infoEdited: true }]);

    // The next certificate prints the approved photo: what it prints changed, so it is rendered anew.
    const cert2 = await doc.agent.get(`/api/v1/physician/registrations/${doc.registration.id}/certificate.pdf`);
    expect(cert2.statusCode).toBe(200);
    const [cache2] = await t.deps.db.select().from(pdfCache).where(eq(pdfCache.subjectId, doc.registration.id));
    expect(cache2!.fingerprint).not.toBe(cache1!.fingerprint);
    expect(cert2.rawPayload.equals(cert1.rawPayload)).toBe(false);

    const notices = await t.deps.db.select().from(outbox).where(and(eq(outbox.accountId, doc.physician.account.id), eq(outbox.template, 'info_edit.approve')));
    expect(notices.map((n) => n.channel).sort()).toEqual(['email', 'sms']);
    expect(notices[0]!.body).toContain('毕业院校、任职资格、照片');
    const audits = await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, filed.id));
    expect(audits.map((a) => a.action)).toEqual(['info_edit.submit', 'info_edit.approve']);
    const events = await t.deps.db.select().from(infoEditEvents).where(eq(infoEditEvents.infoEditId, filed.id));
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([['submit', null, 'pending'], ['approve', 'pending', 'approved']]);
  });

  it('a refusal carries its reason to the physician and changes nothing; a refusal without a reason is 400 on the field reason', async () => {
    const doc = await makeDoctor('冯拒绝');
    const filed = (await file(doc.agent, doc.registration.id, { title: '副主任医师' })).json() as View;
    const noReason = expectProblem(await admin.post(`/api/v1/institution/info-edits/${filed.id}/refuse`, { expectedVersion: 1, reason: '  ' }), 400, 'VALIDATION_FAILED');
    expect(noReason.errors?.map((e) => e.path)).toEqual([['reason']]);
    const res = await admin.post(`/api/v1/institution/info-edits/${filed.id}/refuse`, { expectedVersion: 1, reason: '未见副主任医师任职资格证书' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'refused', statusLabel: '已拒绝', decisionReason: '未见副主任医师任职资格证书' });
    expect(await current(doc.agent)).toMatchObject({ canEdit: true, edited: false, values: { title: '住院医师' } });
    const roster = await admin.get(`/api/v1/institution/physicians?name=${encodeURIComponent('冯拒绝')}`);
    expect((roster.json() as { items: { infoEdited: boolean }[] }).items).toMatchObject([{ infoEdited: false }]);
    const [notice] = await t.deps.db.select().from(outbox).where(and(eq(outbox.accountId, doc.physician.account.id), eq(outbox.template, 'info_edit.refuse'), eq(outbox.channel, 'sms')));
    expect(notice!.body).toContain('理由：未见副主任医师任职资格证书');
    // Decided: no second decision.
    expectProblem(await admin.post(`/api/v1/institution/info-edits/${filed.id}/approve`, { expectedVersion: 2 }), 409, 'INFO_EDIT_ACTION_NOT_ALLOWED');
  });

  it('the physician withdraws a pending edit and may then file another; one pending edit per registration at a time', async () => {
    const doc = await makeDoctor('韩撤回');
    const first = (await file(doc.agent, doc.registration.id, { email: 'han@example.cn' })).json() as View;
    const second = expectProblem(await file(doc.agent, doc.registration.id, { phone: '13911112222' }), 409, 'INFO_EDIT_PENDING');
    expect(second.detail).toBe('该执业注册已有一条待机构审核的信息修改申请，审核完毕或撤回后才能再次提交');
    const withdrawn = await doc.agent.post(`/api/v1/physician/info-edits/${first.id}/withdraw`, { expectedVersion: 1 });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回' });
    expectProblem(await clerk.post(`/api/v1/institution/info-edits/${first.id}/approve`, { expectedVersion: 2 }), 409, 'INFO_EDIT_ACTION_NOT_ALLOWED');
    t.setNow('2026-12-01T02:30:00Z');
    const again = await file(doc.agent, doc.registration.id, { phone: '+86 139-1111-2222' });
    expect(again.statusCode, again.body).toBe(201);
    expect((again.json() as View).rows).toMatchObject([{ field: 'phone', new: '13911112222' }]);
    const mine = await doc.agent.get('/api/v1/physician/info-edits');
    expect((mine.json() as { items: View[] }).items.map((i) => i.statusLabel)).toEqual(['待机构审核', '已撤回']);
  });

  it('another institution gets 404 for a request not sent to it, and its queue does not list it', async () => {
    const doc = await makeDoctor('邓别家');
    const filed = (await file(doc.agent, doc.registration.id, { degree: '硕士' })).json() as View;
    const stranger = await loggedIn(t.app, other.clerkLogin, PASSWORD);
    expectProblem(await stranger.get(`/api/v1/institution/info-edits/${filed.id}`), 404, 'INFO_EDIT_NOT_FOUND');
    expectProblem(await stranger.post(`/api/v1/institution/info-edits/${filed.id}/approve`, { expectedVersion: 1 }), 404, 'INFO_EDIT_NOT_FOUND');
    expect((await stranger.get('/api/v1/institution/info-edits')).json()).toMatchObject({ total: 0, items: [] });
    // Nor may a physician touch someone else's registration or request.
    const nosy = await makeDoctor('周旁人');
    expectProblem(await file(nosy.agent, doc.registration.id, { degree: '博士' }), 404, 'INFO_EDIT_REGISTRATION_NOT_FOUND');
    expectProblem(await nosy.agent.post(`/api/v1/physician/info-edits/${filed.id}/withdraw`, { expectedVersion: 1 }), 404, 'INFO_EDIT_NOT_FOUND');
  });

  it('of two concurrent approvals one succeeds and the other is 409', async () => {
    const doc = await makeDoctor('钱并发');
    const filed = (await file(doc.agent, doc.registration.id, { major: '儿科学' })).json() as View;
    const results = await Promise.all([
      clerk.post(`/api/v1/institution/info-edits/${filed.id}/approve`, { expectedVersion: 1 }),
      admin.post(`/api/v1/institution/info-edits/${filed.id}/approve`, { expectedVersion: 1 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(['INFO_EDIT_VERSION_CONFLICT', 'INFO_EDIT_ACTION_NOT_ALLOWED']).toContain((loser.json() as { code: string }).code);
    const events = await t.deps.db.select().from(infoEditEvents).where(and(eq(infoEditEvents.infoEditId, filed.id), eq(infoEditEvents.action, 'approve')));
    expect(events).toHaveLength(1);
  });

  it('bad input is 400 with the field path, never a 5xx', async () => {
    const doc = await makeDoctor('孙校验');
    const bad = expectProblem(await file(doc.agent, doc.registration.id, { phone: '12345', title: '院长' }), 400, 'VALIDATION_FAILED');
    expect(bad.errors?.map((e) => e.path)).toEqual(expect.arrayContaining([['changes', 'phone'], ['changes', 'title']]));
    expectProblem(await file(doc.agent, doc.registration.id, {}), 400, 'VALIDATION_FAILED');
    const future = expectProblem(await file(doc.agent, doc.registration.id, { graduationDate: '2026-12-05' }), 400, 'INFO_EDIT_DATE_IN_FUTURE');
    expect(future.errors?.map((e) => e.path)).toEqual([['changes', 'graduationDate']]);
    expectProblem(await file(doc.agent, doc.registration.id, { school: '北京大学医学部' }), 400, 'INFO_EDIT_NOTHING_CHANGED');
    expectProblem(await file(doc.agent, doc.registration.id, { photoSha256: 'f'.repeat(64) }), 400, 'INFO_EDIT_PHOTO_MISSING');
    expectProblem(await file(doc.agent, 'not-a-uuid', { title: '主治医师' }), 400, 'VALIDATION_FAILED');
    expectProblem(await uploadPhoto(doc.agent, Buffer.from('<html>not an image</html>')), 400, 'PHOTO_INVALID');
    expectProblem(await clerk.get('/api/v1/institution/info-edits?cursor=%%%'), 400, 'INFO_EDIT_CURSOR_INVALID');
    expectProblem(await clerk.get('/api/v1/institution/info-edits?status=unknown'), 400, 'VALIDATION_FAILED');
  });

  it('the institution pages its queue by key with the total, and exports it as Excel and CSV with old → new and masked 身份证号', async () => {
    const a = await makeDoctor('吴分页');
    const b = await makeDoctor('郑分页');
    await file(a.agent, a.registration.id, { title: '主任医师' });
    t.setNow('2026-12-01T03:00:00Z');
    await file(b.agent, b.registration.id, { title: '主治医师', photoSha256: (await uploadPhoto(b.agent, samplePhotoPng(90, 126))).json().photoSha256 });
    const page1 = (await clerk.get('/api/v1/institution/info-edits?status=pending&limit=1')).json() as { items: View[]; total: number; nextCursor: string };
    expect(page1.total).toBeGreaterThanOrEqual(2);
    expect(page1.items[0]!.rows[0]!.new).toBe('主治医师');
    const page2 = (await clerk.get(`/api/v1/institution/info-edits?status=pending&limit=1&cursor=${page1.nextCursor}`)).json() as { items: View[] };
    expect(page2.items[0]!.id).not.toBe(page1.items[0]!.id);
    const dated = (await clerk.get('/api/v1/institution/info-edits?submittedFrom=2026-12-02')).json() as { total: number };
    expect(dated.total).toBe(0);

    const rows = await exportBoth(clerk, '/api/v1/institution/info-edits/export', `name=${encodeURIComponent('郑分页')}`);
    expect(rows[0]).toContain('修改内容（修改前 → 修改后）');
    expect(rows).toHaveLength(2);
    expect(column(rows, '修改内容（修改前 → 修改后）')).toEqual(['任职资格：住院医师 → 主治医师；照片：已更换']);
    expect(column(rows, '审核状态')).toEqual(['待机构审核']);
    expect(column(rows, '身份证号')[0]).toMatch(/\*{4,}/);
    expect(JSON.stringify(rows)).not.toContain(b.idNumber);
    expectProblem(await clerk.get('/api/v1/institution/info-edits/export.xlsx?status=nonsense'), 400, 'VALIDATION_FAILED');
    expect((await b.agent.get('/api/v1/institution/info-edits/export.csv')).statusCode).toBe(403);
  });
});
