import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { makeAuthority, makeInstitution } from '../helpers/factories';
import { makeRegisteredPhysician, setRegistrationStatus } from '../helpers/register-factories';

interface BundleEntry { fullUrl: string; resource: Record<string, unknown> & { resourceType: string }; search: { mode: string } }

describe('FHIR R4 read view', () => {
  let t: TestApp;
  let doctor: Awaited<ReturnType<typeof makeRegisteredPhysician>>;
  const get = (url: string, ip = '192.0.2.50') => t.app.inject({ method: 'GET', url, remoteAddress: ip });

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL: 'https://medreg.example.cn' });
    const authority = await makeAuthority(t.deps, { areaCode: '310104', level: 'county', name: '上海市徐汇区卫生健康委员会' });
    const hospital = await makeInstitution(t.deps, { name: '复旦大学附属中山医院', areaCode: '310104', authorityId: authority.id });
    doctor = await makeRegisteredPhysician(t.deps, hospital.institution, { name: '沈慕言', scopes: ['11', '21'] });
  });
  afterAll(async () => { await t.close(); });

  it('answers /fhir/metadata with a CapabilityStatement', async () => {
    const res = await get('/fhir/metadata');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const cs = res.json();
    expect(cs).toMatchObject({ resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1' });
    expect(cs.rest[0].resource[0]).toMatchObject({ type: 'Practitioner', searchParam: [{ name: 'identifier', type: 'token' }] });
  });

  it('finds the Practitioner and its PractitionerRole by 执业证书编码, public fields only', async () => {
    const code = doctor.registration.licenceCode!;
    const res = await get(`/fhir/Practitioner?identifier=${code}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = res.json() as { resourceType: string; type: string; total: number; entry: BundleEntry[] };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(bundle.entry.map((e) => [e.resource.resourceType, e.search.mode])).toEqual([['Practitioner', 'match'], ['PractitionerRole', 'include']]);
    const [practitioner, role] = bundle.entry.map((e) => e.resource);
    expect(bundle.entry[0]!.fullUrl).toBe(`https://medreg.example.cn/fhir/Practitioner/${code}`);
    expect(practitioner).toMatchObject({
      id: code, active: true, gender: doctor.physician.sex,
      identifier: [{ system: 'urn:medreg:licence-code', value: code }],
      name: [{ text: '沈慕言' }],
      qualification: [{ code: { text: '执业医师（临床类别）' }, issuer: { display: '上海市徐汇区卫生健康委员会' } }],
    });
    expect(role).toMatchObject({
      active: true,
      practitioner: { reference: `Practitioner/${code}` },
      organization: { display: '复旦大学附属中山医院' },
      code: [{ coding: [{ system: 'urn:medreg:practice-category', code: 'clinical', display: '临床' }] }],
      specialty: [{ text: '内科专业' }, { text: '全科医学专业' }],
      location: [{ display: '上海市' }],
    });
    for (const secret of [doctor.idNumber, doctor.physician.idNumberMasked, doctor.physician.birthDate, doctor.certCode!, doctor.physician.account.phone!]) {
      expect(res.body).not.toContain(secret);
    }
  });

  it('accepts the system|code token form and answers an unknown code with an empty searchset', async () => {
    const code = doctor.registration.licenceCode!;
    const res = await get(`/fhir/Practitioner?identifier=${encodeURIComponent(`urn:medreg:licence-code|${code}`)}`);
    expect(res.json()).toMatchObject({ total: 1 });
    const none = await get('/fhir/Practitioner?identifier=110310104999999');
    expect(none.statusCode).toBe(200);
    expect(none.json()).toMatchObject({ resourceType: 'Bundle', total: 0, entry: [] });
  });

  it('marks a cancelled registration inactive', async () => {
    await setRegistrationStatus(t.deps, doctor.registration.id, 'cancelled');
    const bundle = (await get(`/fhir/Practitioner?identifier=${doctor.registration.licenceCode}`)).json() as { entry: BundleEntry[] };
    expect(bundle.entry.map((e) => e.resource.active)).toEqual([false, false]);
    await setRegistrationStatus(t.deps, doctor.registration.id, 'valid');
  });

  it('refuses a search without a usable identifier with an OperationOutcome', async () => {
    for (const url of ['/fhir/Practitioner', '/fhir/Practitioner?identifier=abc', '/fhir/Practitioner?identifier=urn:other|110310104000001',
      '/fhir/Practitioner?identifier=1&identifier=2']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid' }] });
    }
  });

  it('rate-limits a client with a throttled OperationOutcome', async () => {
    t.setNow('2026-11-27T06:00:01Z');
    const url = `/fhir/Practitioner?identifier=${doctor.registration.licenceCode}`;
    for (let i = 0; i < 60; i++) expect((await get(url, '192.0.2.60')).statusCode).toBe(200);
    const res = await get(url, '192.0.2.60');
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'throttled' }] });
  });
});
