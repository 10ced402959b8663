// One whole journey through the API with every kind of personal data in play (issue 7 points 3 and 4):
// sign-up, SMS code, qualification check, activation by 资格证书编码, an application through institution and
// authority, searches by 身份证号, the development inbox, the public register, and failing requests.
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../helpers/test-app';
import { Agent, loggedIn } from '../helpers/agent';
import { makeAuthorityStaff, makeIdNumber, makeInstitution, makeQualification, PASSWORD } from '../helpers/factories';
import { lastCodeSentTo, signUp } from '../helpers/physicians-factories';
import { completeDraft, startFirstRegistration, type PresentedApp } from '../helpers/applications-factories';

export interface JourneySecrets {
  idNumbers: string[];
  certCodes: string[];
  phones: string[];
  emails: string[];
  smsCodes: string[];
  names: string[];
  /** Responses the institution received: they may show masked IDs only. */
  institutionResponses: LightMyRequestResponse[];
  /** Responses of the public register. */
  publicResponses: LightMyRequestResponse[];
  /** The authority's view of the application (it may see the full ID). */
  authorityDetail: LightMyRequestResponse;
}

function ok(res: LightMyRequestResponse, status = 200): LightMyRequestResponse {
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

export async function runPersonalDataJourney(t: TestApp): Promise<JourneySecrets> {
  const inst = await makeInstitution(t.deps, { name: '北京市隐私测试医院' });
  const name = '欧阳明远';
  const idNumber = makeIdNumber({ birthDate: '1991-03-07' });
  const { certCode } = await makeQualification(t.deps, { name, idNumber });
  const phone = '13712340001';
  const email = 'ouyang.mingyuan@example.cn';

  // 注册新账号 (both steps), then 验证手机号 with the SMS code from the development inbox.
  const me = await signUp(t.app, { name, idNumber, phone, email });
  ok(await me.agent.post('/api/v1/physician/verification/send', { channel: 'sms' }));
  const smsCode = await lastCodeSentTo(t.deps, phone);
  const inbox = ok(await me.agent.post('/api/v1/dev/inbox/search', { recipient: phone }));
  expect(inbox.body).toContain(smsCode);
  // The old form, with the phone number in the URL, is refused (and its URL logged without the query).
  expect((await me.agent.get(`/api/v1/dev/inbox?recipient=${phone}`)).statusCode).toBe(400);
  const wrong = smsCode === '000000' ? '111111' : '000000';
  expect((await me.agent.post('/api/v1/physician/verification/confirm', { channel: 'sms', code: wrong })).statusCode).toBe(400);
  ok(await me.agent.post('/api/v1/physician/verification/confirm', { channel: 'sms', code: smsCode }));

  // 医师资格校验, then 账户激活 with the 资格证书编码.
  ok(await me.agent.post('/api/v1/physician/qualification-check', {}));
  ok(await me.agent.post('/api/v1/physician/activation', { method: 'qualification_code', certCode: certCode! }));
  const quals = ok(await me.agent.get('/api/v1/physician/qualifications'));
  expect(quals.body).toContain(certCode!); // the holder sees their own code

  // 首次注册 → submit.
  const draft = await completeDraft(me.agent, await startFirstRegistration(me.agent), inst.institution);
  const submitted = ok(await me.agent.post(`/api/v1/applications/${draft.id}/submit`, { expectedVersion: draft.version })).json() as PresentedApp;

  // The institution: search by 身份证号 (POST body), 医师验证, the application, 同意.
  const clerk = await loggedIn(t.app, inst.clerkLogin, PASSWORD);
  const institutionResponses: LightMyRequestResponse[] = [];
  const found = ok(await clerk.post('/api/v1/institution/applications/search', { idNumber }));
  expect((found.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([draft.id]);
  institutionResponses.push(found);
  expect((await clerk.get(`/api/v1/institution/applications?idNumber=${idNumber}`)).statusCode).toBe(400);
  institutionResponses.push(ok(await clerk.post('/api/v1/institution/physician-verification', { name, idNumber })));
  institutionResponses.push(ok(await clerk.get(`/api/v1/institution/applications/${draft.id}`)));
  institutionResponses.push(ok(await clerk.post(`/api/v1/institution/applications/${draft.id}/approve`, { expectedVersion: submitted.version })));

  // The authority: search by 身份证号, 受理, 准予注册.
  const reviewerAccount = await makeAuthorityStaff(t.deps, inst.authorityId);
  const reviewer = await loggedIn(t.app, reviewerAccount.loginName, PASSWORD);
  const queued = ok(await reviewer.post('/api/v1/authority/queue/search', { idNumber }));
  expect((queued.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([draft.id]);
  expect((await reviewer.get(`/api/v1/authority/queue?idNumber=${idNumber}`)).statusCode).toBe(400);
  const authorityDetail = ok(await reviewer.get(`/api/v1/authority/applications/${draft.id}`));
  const { version } = authorityDetail.json() as { version: number };
  ok(await reviewer.post(`/api/v1/authority/applications/${draft.id}/accept`, { expectedVersion: version }));
  ok(await reviewer.post(`/api/v1/authority/applications/${draft.id}/approve`, { expectedVersion: version + 1 }));

  // 公众查询.
  const publicResponses = [ok(await me.agent.post('/api/v1/register/search', {
    provinceCode: '110000', name, institutionName: inst.institution.name, ...(await me.agent.captcha()),
  }))];

  // Failing requests: an unknown path with personal data in its query, and a sign-up whose INSERT the database
  // refuses (a 500 whose SQL carries an argon2 hash, a name, a phone number and an e-mail as bind values).
  expect((await me.agent.get(`/api/v1/no-such-thing?idNumber=${idNumber}&phone=${phone}`)).statusCode).toBe(404);
  const other = { name: '司马清和', idNumber: makeIdNumber({ birthDate: '1988-08-08' }), phone: '13712340002', email: 'sima.qinghe@example.cn' };
  await t.engine.query(`ALTER TABLE accounts ADD CONSTRAINT journey_refuses_one_signup CHECK (display_name <> '${other.name}') NOT VALID`);
  try {
    const anonymous = new Agent(t.app);
    const step1 = ok(await anonymous.post('/api/v1/physician/signup/identity', {
      name: other.name, idNumber: other.idNumber, privacyAccepted: true, ...(await anonymous.captcha()),
    }));
    const { signupToken } = step1.json() as { signupToken: string };
    const step2 = await anonymous.post('/api/v1/physician/signup/account', {
      signupToken, phone: other.phone, email: other.email, loginName: 'sima_qinghe', password: PASSWORD, confirmPassword: PASSWORD,
    });
    expect(step2.statusCode, step2.body).toBe(500);
  } finally {
    await t.engine.query('ALTER TABLE accounts DROP CONSTRAINT journey_refuses_one_signup');
  }

  return {
    idNumbers: [idNumber, other.idNumber],
    certCodes: [certCode!],
    phones: [phone, other.phone],
    emails: [email, other.email],
    smsCodes: [smsCode],
    names: [name, other.name],
    institutionResponses,
    publicResponses,
    authorityDetail,
  };
}
