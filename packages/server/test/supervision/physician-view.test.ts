// 考核信息 in the physician portal (domain §5.4 [S16]): the physician's own results and suspensions, as declared.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD } from '../helpers/factories';
import { makeJurisdictions, staffOf, type Jurisdictions } from '../helpers/authority-factories';
import { makeRegisteredPhysician } from '../helpers/register-factories';

let t: TestApp;
let j: Jurisdictions;
let haidian: Agent;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-02T02:00:00Z');
  j = await makeJurisdictions(t.deps);
  haidian = await staffOf(t.app, t.deps, j.haidian.id);
});
afterAll(async () => { await t?.close(); });

it('shows the physician their own 不合格 result and the 暂停执业活动 it led to', async () => {
  const d = await makeRegisteredPhysician(t.deps, j.hdInstitution.institution, { name: '邵清和' });
  const recorded = await haidian.post('/api/v1/authority/assessments', { licenceCode: d.registration.licenceCode, cycle: '2024–2026', result: 'failed' });
  expect(recorded.statusCode, recorded.body).toBe(201);
  const order = { documentNo: '京海卫考〔2026〕9号', decidedOn: '2026-12-01', startsOn: '2026-12-02', endsOn: '2027-03-01', training: '参加内科专业培训三个月' };
  const ordered = await haidian.post(`/api/v1/authority/assessments/${recorded.json().id}/suspension`, order);
  expect(ordered.statusCode, ordered.body).toBe(201);

  const physician = await loggedIn(t.app, d.loginName, PASSWORD);
  const res = await physician.get('/api/v1/physician/assessments');
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  expect(body.results).toEqual([expect.objectContaining({ kind: 'periodic', result: 'failed', institutionName: expect.any(String) })]);
  expect(body.suspensions).toEqual([expect.objectContaining({
    kind: 'assessment', status: 'in_force', documentNo: order.documentNo, startsOn: order.startsOn, endsOn: order.endsOn, training: order.training,
  })]);
});
