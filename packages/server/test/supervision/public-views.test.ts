// 《医师法》第二十一条: the public register, the certificate verification page and the FHIR view show a running
// 暂停执业活动 with its end date, and a 吊销医师执业证书.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, type Agent as AgentType } from '../helpers/agent';
import { makeJurisdictions, staffOf, type Jurisdictions } from '../helpers/authority-factories';
import { makeRegisteredPhysician } from '../helpers/register-factories';

let t: TestApp;
let j: Jurisdictions;
let haidian: AgentType;
let ip = 10;
const PENALTY = { kind: 'suspension', article: 'art56', decidedOn: '2026-12-01', startsOn: '2026-12-02', endsOn: '2027-06-01', facts: '出具虚假医学证明文件' };

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-02T02:00:00Z');
  j = await makeJurisdictions(t.deps);
  haidian = await staffOf(t.app, t.deps, j.haidian.id);
});
afterAll(async () => t?.close());

async function search(name: string) {
  const visitor = new Agent(t.app, { remoteAddress: `198.51.100.${ip++}` });
  const res = await visitor.post('/api/v1/register/search', { provinceCode: '110000', name, institutionName: '北京市海淀医院', ...(await visitor.captcha()) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items[0];
}
const get = (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: `198.51.100.${ip++}` });

describe('where supervision shows', () => {
  it('a running 暂停执业活动 reads 「暂停执业活动 至 2027-06-01」 on the register, the verification page and in FHIR', async () => {
    const d = await makeRegisteredPhysician(t.deps, j.hdInstitution.institution, { name: '赵怀瑾' });
    expect((await haidian.post('/api/v1/authority/penalties', { ...PENALTY, licenceCode: d.registration.licenceCode, documentNo: '京海卫医罚〔2026〕40号' })).statusCode).toBe(201);
    const item = await search('赵怀瑾');
    expect(item).toMatchObject({ status: 'suspended', statusLabel: '暂停执业活动 至 2027-06-01', supervision: { kind: 'suspension', endsOn: '2027-06-01', authorityName: '北京市海淀区卫生健康委员会' } });
    const verified = (await get(`/api/v1/register/certificates/${d.registration.verifyToken}`)).json();
    expect(verified).toMatchObject({ valid: false, verdict: '中止执业', registration: { statusLabel: '暂停执业活动 至 2027-06-01' } });
    expect(verified.reason).toContain('暂停执业活动 至 2027-06-01');
    const bundle = (await get(`/fhir/Practitioner?identifier=${d.registration.licenceCode}`)).json();
    const practitioner = bundle.entry[0].resource;
    expect(practitioner.active).toBe(false);
    expect(practitioner.qualification[0].extension).toEqual([{
      url: 'urn:medreg:StructureDefinition:practice-suspension',
      extension: [{ url: 'start', valueDate: '2026-12-02' }, { url: 'end', valueDate: '2027-06-01' }, { url: 'text', valueString: '暂停执业活动 至 2027-06-01' }],
    }]);
  });

  it('a 吊销 reads 已注销（吊销医师执业证书） and ends the FHIR qualification on the decision date', async () => {
    const d = await makeRegisteredPhysician(t.deps, j.hdInstitution.institution, { name: '钱问渠' });
    expect((await haidian.post('/api/v1/authority/penalties', { kind: 'revocation', article: 'art58', decidedOn: '2026-12-02', facts: '严重违反医学伦理规范', licenceCode: d.registration.licenceCode, documentNo: '京海卫医罚〔2026〕41号' })).statusCode).toBe(201);
    const item = await search('钱问渠');
    expect(item).toMatchObject({ status: 'cancelled', statusLabel: '已注销（吊销医师执业证书）', supervision: { kind: 'revocation', decidedOn: '2026-12-02', documentNo: '京海卫医罚〔2026〕41号' } });
    const verified = (await get(`/api/v1/register/certificates/${d.registration.verifyToken}`)).json();
    expect(verified).toMatchObject({ valid: false, verdict: '已废止' });
    expect(verified.reason).toContain('吊销医师执业证书');
    const practitioner = (await get(`/fhir/Practitioner?identifier=${d.registration.licenceCode}`)).json().entry[0].resource;
    expect(practitioner.qualification[0].period).toEqual({ start: '2026-03-15', end: '2026-12-02' });
  });
});
