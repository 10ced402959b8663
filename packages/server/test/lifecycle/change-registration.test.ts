// BT-03 变更注册 on the generic path, each kind: physician → institution → authority, through the HTTP API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { applicationEvents, registrations } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn } from '../helpers/agent';
import { PASSWORD, makeInstitution } from '../helpers/factories';
import { makeRegistration } from '../helpers/register-factories';
import { ALL_DECLARATIONS } from '../helpers/applications-factories';
import {
  NOW, REASON, TODAY, addQualification, approveRequest, approvedThrough, auditActionsOf, businessOptions, certificateEventsOf, certificatesOf,
  filingEventsOf, filingsOf,
  makeWorld, putForm, registeredPhysician, registrationEventsOf, registrationsOf, saveForm, startBusiness, submit,
  submitted, toAccepted, uploadEvidence, type World,
} from './lifecycle-helpers';

let t: TestApp;
let w: World;
/** A 社区卫生服务中心 in 海淀 (county level and below: up to 3 clinical scopes, 卫医发〔2001〕169号). */
let community: Awaited<ReturnType<typeof makeInstitution>>;
let communityClerk: Awaited<ReturnType<typeof loggedIn>>;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  w = await makeWorld(t.app, t.deps);
  community = await makeInstitution(t.deps, { name: '北京市海淀区学院路社区卫生服务中心', areaCode: '110108', authorityId: w.haidian.id, grassroots: true });
  communityClerk = await loggedIn(t.app, community.clerkLogin, PASSWORD);
});
afterAll(async () => t?.close());

const clinician = (name: string, institution = w.hdInstitution.institution, scopes = ['11']) => registeredPhysician(t.app, t.deps, institution, { name, scopes });

/** The registration was granted by the 北京市 commission (the province), its main institution approved by 海淀: the two deciders differ. */
async function grantedByProvince(registrationId: string) {
  await t.deps.db.update(registrations).set({ authorityId: w.beijing.id }).where(eq(registrations.id, registrationId));
}

describe('BT-03 变更执业地点', () => {
  it('domain §3.2 [S11][S17]: a change of 执业地点 leaves the old registration 变更出 and opens one in the other province, decided by the authority that approved the new institution', async () => {
    const doc = await clinician('林变更');
    await grantedByProvince(doc.registration.id);
    const form = {
      kind: 'practice_location', registrationId: doc.registration.id, reason: REASON,
      practiceLocationCode: '440000', institutionId: w.nsInstitution.institution.id, department: '内科', startDate: TODAY,
    };
    const app = await submitted(doc.agent, 'change_registration', { registrationId: doc.registration.id }, form);
    expect(app.businessCode).toMatch(/^BT03\d{16}$/);
    // 《医师执业注册管理办法》第九条: the proposed institution confirms, the authority that approved it decides.
    expect(app.institution!.id).toBe(w.nsInstitution.institution.id);
    expect(app.authority!.id).toBe(w.nanshan.id);
    expect(app.business!.review).toContainEqual(expect.objectContaining({ field: 'practiceLocation', old: '北京市', new: '广东省', changed: true }));

    const version = await toAccepted(w.clerk.ns, w.reviewer.ns, app);
    // Neither the authority that granted the old registration nor the old institution's authority decides it.
    expect((await approveRequest(w.reviewer.bj, app.id, version)).statusCode).toBe(404);
    expect((await approveRequest(w.reviewer.hd, app.id, version)).statusCode).toBe(404);
    const approved = await approveRequest(w.reviewer.ns, app.id, version);
    expect(approved.statusCode, approved.body).toBe(200);

    const regs = await registrationsOf(t.deps, doc.physician.id);
    const old = regs.find((r) => r.id === doc.registration.id)!;
    const next = regs.find((r) => r.id !== doc.registration.id)!;
    expect(old).toMatchObject({ status: 'transferred_out', statusReason: '区内到区外变更', scopes: ['11'] });
    expect(next).toMatchObject({
      status: 'valid', level: 'physician', category: 'clinical', scopes: ['11'], practiceLocationCode: '440000',
      mainInstitutionId: w.nsInstitution.institution.id, authorityId: w.nanshan.id, replacesRegistrationId: old.id, department: '内科', approvedOn: TODAY,
      seniorityFrom: old.seniorityFrom,
    });
    // 执业证书编码: level 1, category 10, the deciding authority's area (domain §4.2).
    expect(next.licenceCode).toMatch(/^110440305\d{6}$/);

    expect((await registrationEventsOf(t.deps, old.id)).map((e) => [e.event, e.fromStatus, e.toStatus])).toEqual([['transfer_out', 'valid', 'transferred_out']]);
    expect((await registrationEventsOf(t.deps, next.id)).map((e) => [e.event, e.toStatus])).toEqual([['open', 'valid']]);
    const [oldCertificate] = await certificatesOf(t.deps, old.id);
    const [newCertificate] = await certificatesOf(t.deps, next.id);
    expect(newCertificate).toMatchObject({ status: 'issued', licenceCode: next.licenceCode, verifyToken: next.verifyToken });
    expect(oldCertificate).toMatchObject({ status: 'superseded', supersededBy: newCertificate!.id });
    expect((await certificateEventsOf(t.deps, [oldCertificate!.id, newCertificate!.id])).map((e) => e.event)).toEqual(['supersede', 'issue']);
    expect(await auditActionsOf(t.deps, 'registration', old.id)).toEqual(['registration.transfer_out']);
    expect(await auditActionsOf(t.deps, 'registration', next.id)).toEqual(['registration.open']);
    expect(await auditActionsOf(t.deps, 'certificate', oldCertificate!.id)).toEqual(['certificate.supersede']);
    expect(await auditActionsOf(t.deps, 'certificate', newCertificate!.id)).toEqual(['certificate.issue']);
  });

  it('refuses a 执业地点 that is the current one (a move inside it is a change of main institution)', async () => {
    const doc = await clinician('周原地');
    const draft = await startBusiness(doc.agent, 'change_registration', { registrationId: doc.registration.id });
    const res = await putForm(doc.agent, draft, {
      kind: 'practice_location', registrationId: doc.registration.id, reason: REASON,
      practiceLocationCode: '110000', institutionId: w.dcInstitution.institution.id, department: '内科', startDate: TODAY,
    });
    const body = expectProblem(res, 400, 'LOCATION_UNCHANGED');
    expect(body.errors![0]!.path).toEqual(['form', 'practiceLocationCode']);
  });

  it('Appendix A.2 item 6: refuses a move into a province where the physician already holds a registration', async () => {
    const doc = await clinician('吴两地');
    // A registration in 广东省 already (BT-02).
    await makeRegistration(t.deps, { physicianId: doc.physician.id, qualificationId: doc.qualification.id, institution: w.nsInstitution.institution, scopes: ['11'] });
    const draft = await startBusiness(doc.agent, 'change_registration', { registrationId: doc.registration.id });
    const res = await putForm(doc.agent, draft, {
      kind: 'practice_location', registrationId: doc.registration.id, reason: REASON,
      practiceLocationCode: '440000', institutionId: w.nsInstitution.institution.id, department: '内科', startDate: TODAY,
    });
    expectProblem(res, 409, 'PROVINCE_ALREADY_REGISTERED');
  });
});

describe('BT-03 变更主要执业机构', () => {
  it('《医师执业注册管理办法》第二十条: a change of main institution is a new registration, the old one closed', async () => {
    const doc = await clinician('郑换院');
    const app = await submitted(doc.agent, 'change_registration', { registrationId: doc.registration.id }, {
      kind: 'main_institution', registrationId: doc.registration.id, reason: REASON, institutionId: w.dcInstitution.institution.id, department: '外科', startDate: TODAY,
    });
    expect(app.institution!.id).toBe(w.dcInstitution.institution.id);
    expect(app.authority!.id).toBe(w.dongcheng.id);
    await approvedThrough(w.clerk.dc, w.reviewer.dc, app);

    const regs = await registrationsOf(t.deps, doc.physician.id);
    const old = regs.find((r) => r.id === doc.registration.id)!;
    const next = regs.find((r) => r.id !== doc.registration.id)!;
    expect(old).toMatchObject({ status: 'transferred_out', statusReason: '变更主要执业机构（重新办理注册）' });
    expect(next).toMatchObject({
      status: 'valid', practiceLocationCode: '110000', mainInstitutionId: w.dcInstitution.institution.id, authorityId: w.dongcheng.id,
      replacesRegistrationId: old.id, department: '外科',
    });
    expect(next.licenceCode).toMatch(/^110110101\d{6}$/);
    expect((await registrationEventsOf(t.deps, old.id)).map((e) => e.event)).toEqual(['change_main_institution']);
    expect(await auditActionsOf(t.deps, 'registration', old.id)).toEqual(['registration.change_main_institution']);
    const approvals = (await t.deps.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id))).filter((e) => e.action === 'approve');
    expect(approvals).toHaveLength(1);
  });

  it('domain §5.5: a change of main institution does not restart the seniority count', async () => {
    const doc = await clinician('冯年资');
    // A registration carried over from before e-registration: the count began before this record was approved.
    await t.deps.db.update(registrations).set({ seniorityFrom: '2012-09-01' }).where(eq(registrations.id, doc.registration.id));
    const app = await submitted(doc.agent, 'change_registration', { registrationId: doc.registration.id }, {
      kind: 'main_institution', registrationId: doc.registration.id, reason: REASON, institutionId: w.dcInstitution.institution.id, department: '内科', startDate: TODAY,
    });
    await approvedThrough(w.clerk.dc, w.reviewer.dc, app);
    const next = (await registrationsOf(t.deps, doc.physician.id)).find((r) => r.id !== doc.registration.id)!;
    expect(next).toMatchObject({ approvedOn: TODAY, seniorityFrom: '2012-09-01' });
  });

  it('refuses a main institution outside the 执业地点 (that is a change of 执业地点), and the current one', async () => {
    const doc = await clinician('钱越界');
    const draft = await startBusiness(doc.agent, 'change_registration', { registrationId: doc.registration.id });
    const base = { kind: 'main_institution', registrationId: doc.registration.id, reason: REASON, department: '内科', startDate: TODAY };
    const outside = expectProblem(await putForm(doc.agent, draft, { ...base, institutionId: w.nsInstitution.institution.id }), 400, 'INSTITUTION_OUTSIDE_PRACTICE_LOCATION');
    expect(outside.detail).toContain('变更执业地点');
    expectProblem(await putForm(doc.agent, draft, { ...base, institutionId: w.hdInstitution.institution.id }), 400, 'INSTITUTION_UNCHANGED');
  });
});

describe('BT-03 and the filings of the registration', () => {
  /** An 有效 filing at the 海淀 社区卫生服务中心 on the registration, through BT-05. */
  async function filedAtCommunity(doc: Awaited<ReturnType<typeof clinician>>) {
    const app = await submitted(doc.agent, 'multi_site_filing', { registrationId: doc.registration.id }, {
      action: 'add', registrationId: doc.registration.id, institutionId: community.institution.id, scopes: ['11'], validFrom: TODAY, validTo: '2027-12-31',
    });
    await approvedThrough(communityClerk, w.reviewer.hd, app);
    const [filing] = await filingsOf(t.deps, doc.physician.id);
    return filing!;
  }

  it('domain §5.2: a filing inside the 执业地点 follows a change of main institution to the new registration', async () => {
    const doc = await clinician('孔随迁');
    const filing = await filedAtCommunity(doc);
    const app = await submitted(doc.agent, 'change_registration', { registrationId: doc.registration.id }, {
      kind: 'main_institution', registrationId: doc.registration.id, reason: REASON, institutionId: w.dcInstitution.institution.id, department: '内科', startDate: TODAY,
    });
    await approvedThrough(w.clerk.dc, w.reviewer.dc, app);
    const next = (await registrationsOf(t.deps, doc.physician.id)).find((r) => r.id !== doc.registration.id)!;
    const [moved] = await filingsOf(t.deps, doc.physician.id);
    expect(moved).toMatchObject({ id: filing.id, status: 'active', registrationId: next.id });
    const events = await filingEventsOf(t.deps, filing.id);
    expect(events.map((e) => e.event)).toEqual(['submit', 'approve', 'move']);
    expect(events[2]!.changes).toMatchObject({ registrationId: next.id });
    expect(await auditActionsOf(t.deps, 'multi_site_filing', filing.id)).toEqual(['filing.submit', 'filing.approve', 'filing.move']);
  });

  it('domain §5.2: a filing ends when a change of 执业地点 leaves it outside, or when its institution becomes the main one', async () => {
    const away = await clinician('曹远调');
    const left = await filedAtCommunity(away);
    await approvedThrough(w.clerk.ns, w.reviewer.ns, await submitted(away.agent, 'change_registration', { registrationId: away.registration.id }, {
      kind: 'practice_location', registrationId: away.registration.id, reason: REASON, practiceLocationCode: '440000', institutionId: w.nsInstitution.institution.id, department: '内科', startDate: TODAY,
    }));
    expect((await filingsOf(t.deps, away.physician.id))[0]).toMatchObject({ id: left.id, status: 'revoked', registrationId: away.registration.id });
    expect((await filingEventsOf(t.deps, left.id)).map((e) => e.event)).toEqual(['submit', 'approve', 'end']);

    const joins = await clinician('严入职');
    const filed = await filedAtCommunity(joins);
    await approvedThrough(communityClerk, w.reviewer.hd, await submitted(joins.agent, 'change_registration', { registrationId: joins.registration.id }, {
      kind: 'main_institution', registrationId: joins.registration.id, reason: REASON, institutionId: community.institution.id, department: '全科', startDate: TODAY,
    }));
    expect((await filingsOf(t.deps, joins.physician.id))[0]).toMatchObject({ id: filed.id, status: 'revoked' });
  });
});

describe('BT-03 变更执业类别', () => {
  const categoryForm = (registrationId: string, qualificationId: string) => ({
    kind: 'category', registrationId, reason: '取得公共卫生类别医师资格', qualificationId, category: 'public_health', scopes: ['41'],
  });

  it('卫医发〔2001〕169号: a change of 执业类别 needs a qualification of that category', async () => {
    const doc = await clinician('褚类别');
    const draft = await startBusiness(doc.agent, 'change_registration', { registrationId: doc.registration.id });
    // Its own 临床 qualification does not give 公共卫生 …
    const refused = expectProblem(await putForm(doc.agent, draft, categoryForm(doc.registration.id, doc.qualification.id)), 409, 'CATEGORY_QUALIFICATION_REQUIRED');
    expect(refused.errors![0]!.path).toEqual(['form', 'qualificationId']);
    // … nor does a 公共卫生 qualification of the other level.
    const assistantLevel = await addQualification(t.deps, doc, 'assistant', 'public_health');
    expectProblem(await putForm(doc.agent, draft, categoryForm(doc.registration.id, assistantLevel.id)), 409, 'CATEGORY_QUALIFICATION_REQUIRED');
  });

  it('《医师法》第十八条: the authority that granted the registration decides a change of 执业类别; approved → a new 执业证书编码 with the new category digits', async () => {
    const doc = await clinician('卫公卫');
    await grantedByProvince(doc.registration.id);
    const publicHealth = await addQualification(t.deps, doc, 'physician', 'public_health');
    const app = await submitted(doc.agent, 'change_registration', { registrationId: doc.registration.id }, categoryForm(doc.registration.id, publicHealth.id));
    // The current main institution confirms; the granting authority (北京市, not 海淀) decides.
    expect(app.institution!.id).toBe(w.hdInstitution.institution.id);
    expect(app.authority!.id).toBe(w.beijing.id);
    const version = await toAccepted(w.clerk.hd, w.reviewer.bj, app);
    expect((await approveRequest(w.reviewer.hd, app.id, version)).statusCode).toBe(404);
    expect((await approveRequest(w.reviewer.bj, app.id, version)).statusCode).toBe(200);

    const [reg] = await t.deps.db.select().from(registrations).where(eq(registrations.id, doc.registration.id));
    expect(reg).toMatchObject({ status: 'valid', category: 'public_health', scopes: ['41'], qualificationId: publicHealth.id, authorityId: w.beijing.id });
    // Level 1, category 30 (公共卫生), the granting authority's area.
    expect(reg!.licenceCode).toMatch(/^130110000\d{6}$/);
    expect(reg!.licenceCode).not.toBe(doc.registration.licenceCode);
    const events = await registrationEventsOf(t.deps, reg!.id);
    expect(events.map((e) => [e.event, e.fromStatus, e.toStatus])).toEqual([['change_items', 'valid', 'valid']]);
    expect(events[0]!.changes).toMatchObject({ category: 'public_health', scopes: ['41'], licenceCode: reg!.licenceCode });
    const certs = await certificatesOf(t.deps, reg!.id);
    const superseded = certs.find((c) => c.status === 'superseded')!;
    const issued = certs.find((c) => c.status === 'issued')!;
    expect(certs).toHaveLength(2);
    expect(superseded).toMatchObject({ licenceCode: doc.registration.licenceCode, supersededBy: issued.id });
    expect(issued).toMatchObject({ licenceCode: reg!.licenceCode, verifyToken: reg!.verifyToken });
    expect(await auditActionsOf(t.deps, 'registration', reg!.id)).toEqual(['registration.change_items']);
  });
});

describe('BT-03 变更执业范围', () => {
  const trainingEvidence = (scope: string, fileSha256: string, trainingMonths = 24) => ({
    scope, kind: 'training', issuer: '北京市住院医师规范化培训基地', issuedOn: '2026-06-30', trainingMonths, fileSha256,
  });

  it('domain §2.2 BT-03 [S10]: a scope added needs an uploaded degree or ≥ 2 years\' training certificate', async () => {
    const doc = await clinician('蒋加范围', community.institution);
    const draft = await startBusiness(doc.agent, 'change_registration', { registrationId: doc.registration.id });
    const form = { kind: 'scopes', registrationId: doc.registration.id, reason: '完成外科专业培训', operation: 'add', scopes: ['12'] };
    const none = expectProblem(await putForm(doc.agent, draft, { ...form, evidence: [] }), 400, 'SCOPE_EVIDENCE_REQUIRED');
    expect(none.errors![0]!.path).toEqual(['form', 'evidence']);
    // A file named in the form must have been uploaded to this application.
    const notUploaded = expectProblem(await putForm(doc.agent, draft, { ...form, evidence: [trainingEvidence('12', 'a'.repeat(64))] }), 409, 'APPLICATION_NOT_EDITABLE');
    expect(notUploaded.errors![0]!.path).toEqual(['form', 'evidence', 0, 'fileSha256']);
    const sha = await uploadEvidence(doc.agent, draft.id);
    // One year of training is not enough (《医师法》第十四条; ≥ 2 years).
    expectProblem(await putForm(doc.agent, draft, { ...form, evidence: [trainingEvidence('12', sha, 12)] }), 400, 'SCOPE_EVIDENCE_INSUFFICIENT');
    const saved = await saveForm(doc.agent, draft, { ...form, evidence: [trainingEvidence('12', sha)] });
    expect(saved.business!.kindLabel).toBe('变更执业范围（增加执业范围）');
    expect(saved.business!.review).toContainEqual(expect.objectContaining({ field: 'scopes', old: '内科专业', new: '内科专业、外科专业', changed: true }));
    const listed = await doc.agent.get(`/api/v1/applications/${draft.id}/attachments`);
    expect((listed.json() as { items: { fileSha256: string }[] }).items.map((i) => i.fileSha256)).toEqual([sha]);
  });

  it('domain §2.2 BT-03 [S10]: 全科医学专业 follows 全科转岗培训, not a degree; a conversion certificate gives no other scope', async () => {
    const doc = await clinician('沈全科', community.institution);
    const draft = await startBusiness(doc.agent, 'change_registration', { registrationId: doc.registration.id });
    const sha = await uploadEvidence(doc.agent, draft.id, 'General practice conversion training');
    const form = { kind: 'scopes', registrationId: doc.registration.id, reason: '完成全科转岗培训', operation: 'add' };
    const degree = { scope: '21', kind: 'degree', issuer: '首都医科大学', issuedOn: '2025-07-01', fileSha256: sha };
    const conversion = { scope: '21', kind: 'gp_conversion', issuer: '北京市全科医学培训中心', issuedOn: '2026-06-30', trainingMonths: 12, fileSha256: sha };
    expectProblem(await putForm(doc.agent, draft, { ...form, scopes: ['21'], evidence: [degree] }), 400, 'SCOPE_EVIDENCE_INSUFFICIENT');
    expectProblem(await putForm(doc.agent, draft, { ...form, scopes: ['12'], evidence: [{ ...conversion, scope: '12' }] }), 400, 'SCOPE_EVIDENCE_INSUFFICIENT');
    const app = await submit(doc.agent, await saveForm(doc.agent, draft, { ...form, scopes: ['21'], evidence: [conversion] }));
    await approvedThrough(communityClerk, w.reviewer.hd, app);
    const [reg] = await t.deps.db.select().from(registrations).where(eq(registrations.id, doc.registration.id));
    expect(reg!.scopes).toEqual(['11', '21']);
  });

  it('domain §2.2 BT-03: no practice under the new scopes before approval — the registration keeps its old ones until 准予', async () => {
    const doc = await clinician('韩换范围');
    await grantedByProvince(doc.registration.id);
    const draft = await startBusiness(doc.agent, 'change_registration', { registrationId: doc.registration.id });
    const sha = await uploadEvidence(doc.agent, draft.id);
    const app = await submit(doc.agent, await saveForm(doc.agent, draft, {
      kind: 'scopes', registrationId: doc.registration.id, reason: '转岗外科', operation: 'replace', scopes: ['12'], evidence: [trainingEvidence('12', sha)],
    }));
    // 《医师法》第十八条: the granting authority decides a scope change; the current main institution confirms.
    expect(app.authority!.id).toBe(w.beijing.id);
    expect(app.institution!.id).toBe(w.hdInstitution.institution.id);
    const version = await toAccepted(w.clerk.hd, w.reviewer.bj, app);

    const pending = await businessOptions(doc.agent);
    expect(pending.registrations.find((r) => r.id === doc.registration.id)).toMatchObject({ status: 'valid', statusLabel: '有效（变更中）', scopes: [{ code: '11' }] });
    const [before] = await t.deps.db.select().from(registrations).where(eq(registrations.id, doc.registration.id));
    expect(before).toMatchObject({ scopes: ['11'], version: 1 });
    expect(await registrationEventsOf(t.deps, doc.registration.id)).toEqual([]);

    expect((await approveRequest(w.reviewer.bj, app.id, version)).statusCode).toBe(200);
    const after = await businessOptions(doc.agent);
    expect(after.registrations.find((r) => r.id === doc.registration.id)).toMatchObject({ statusLabel: '有效', scopes: [{ code: '12' }] });
    const [reg] = await t.deps.db.select().from(registrations).where(eq(registrations.id, doc.registration.id));
    // A scope is not in the 执业证书编码 (§4.2): same code, a reprinted certificate.
    expect(reg).toMatchObject({ scopes: ['12'], licenceCode: doc.registration.licenceCode, version: 2 });
    const certs = await certificatesOf(t.deps, reg!.id);
    expect(certs).toHaveLength(2);
    const issued = certs.find((c) => c.status === 'issued')!;
    expect(certs.find((c) => c.status === 'superseded')).toMatchObject({ licenceCode: reg!.licenceCode, supersededBy: issued.id });
    expect(issued).toMatchObject({ licenceCode: reg!.licenceCode, verifyToken: reg!.verifyToken });
  });
});

describe('BT-03 one change at a time', () => {
  it('domain §2.2 BT-03: one change at a time — while a change is pending, the registration takes no other change', async () => {
    const doc = await clinician('秦排队');
    const subject = { registrationId: doc.registration.id };
    const first = await submitted(doc.agent, 'change_registration', subject, {
      kind: 'main_institution', registrationId: doc.registration.id, reason: REASON, institutionId: w.dcInstitution.institution.id, department: '内科', startDate: TODAY,
    });
    expectProblem(await doc.agent.post('/api/v1/applications', { businessType: 'change_registration', ...subject }), 409, 'APPLICATION_PENDING');
    // Nor a business that would be decided on a registration the pending change replaces.
    expectProblem(await doc.agent.post('/api/v1/applications', { businessType: 'certificate_reissue', ...subject }), 409, 'REGISTRATION_BUSY');
    expectProblem(await doc.agent.post('/api/v1/applications', { businessType: 'additional_registration', ...subject }), 409, 'REGISTRATION_BUSY');
    const options = await businessOptions(doc.agent);
    const change = options.businesses.find((b) => b.type === 'change_registration')!;
    expect(change.subjects.find((s) => s.registrationId === doc.registration.id)).toMatchObject({ eligible: false, refusals: [{ code: 'APPLICATION_PENDING' }] });

    // Once the first is withdrawn the registration is free again.
    const withdrawn = await doc.agent.post(`/api/v1/applications/${first.id}/withdraw`, { expectedVersion: first.version });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    await startBusiness(doc.agent, 'change_registration', subject);
  });

  it('refuses REGISTRATION_BUSY at submission when another change of the same registration was submitted first', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '尤助理', level: 'assistant', scopes: ['11'] });
    const physicianQualification = await addQualification(t.deps, doc, 'physician', 'clinical');
    const subject = { registrationId: doc.registration.id };
    const change = await saveForm(doc.agent, await startBusiness(doc.agent, 'change_registration', subject), {
      kind: 'main_institution', registrationId: doc.registration.id, reason: REASON, institutionId: community.institution.id, department: '全科', startDate: TODAY,
    });
    await submitted(doc.agent, 'assistant_upgrade', subject, {
      mode: 'same_institution', registrationId: doc.registration.id, qualificationId: physicianQualification.id, scopes: ['11'], declarations: ALL_DECLARATIONS,
    });
    const refused = await doc.agent.post(`/api/v1/applications/${change.id}/submit`, { expectedVersion: change.version });
    expectProblem(refused, 409, 'REGISTRATION_BUSY');
    const [still] = await t.deps.db.select().from(registrations).where(eq(registrations.id, doc.registration.id));
    expect(still!.status).toBe('valid');
  });
});
