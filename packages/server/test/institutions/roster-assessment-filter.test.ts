// 本机构医师 · 最近定期考核 (issue 9 point 8: the roster filterable by assessment result, exportable to Excel): the
// filter reads each physician's LATEST periodic result (《医师法》第四十二条: one every three years), or none on file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD } from '../helpers/factories';
import { exportBoth } from '../helpers/export-files';
import { makeJurisdictions, type Jurisdictions } from '../helpers/authority-factories';
import { makeRegisteredPhysician } from '../helpers/register-factories';

let t: TestApp;
let j: Jurisdictions;
let hospital: Agent;

async function record(name: string, results: [cycle: string, result: 'passed' | 'failed' | 'absent'][]) {
  const d = await makeRegisteredPhysician(t.deps, j.hdInstitution.institution, { name });
  for (const [cycle, result] of results) {
    const res = await hospital.post('/api/v1/institution/assessments', { licenceCode: d.registration.licenceCode, cycle, result });
    expect(res.statusCode, res.body).toBe(201);
  }
}

const names = async (query: string) => {
  const res = await hospital.get(`/api/v1/institution/physicians?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const page = res.json() as { items: { physicianName: string }[]; total: number };
  expect(page.total).toBe(page.items.length);
  return page.items.map((i) => i.physicianName).sort();
};

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-02T02:00:00Z');
  j = await makeJurisdictions(t.deps);
  hospital = await loggedIn(t.app, j.hdInstitution.adminLogin, PASSWORD);
  await record('葛合格', [['2024–2026', 'passed']]);
  // 2021–2023 不合格, then 2024–2026 合格: the latest is what the roster shows and filters on.
  await record('葛转合格', [['2021–2023', 'failed'], ['2024–2026', 'passed']]);
  await record('葛不合格', [['2021–2023', 'passed'], ['2024–2026', 'failed']]);
  await record('葛未参加', [['2024–2026', 'absent']]);
  await record('葛未登记', []);
});
afterAll(async () => t?.close());

describe('本机构医师 filtered by 最近定期考核', () => {
  it('《医师法》第四十二条: filters on the latest cycle\'s result, not on any earlier one', async () => {
    expect(await names('assessment=passed')).toEqual(['葛合格', '葛转合格']);
    expect(await names('assessment=failed')).toEqual(['葛不合格']);
    expect(await names('assessment=absent')).toEqual(['葛未参加']);
  });

  it('未登记: the physicians with no periodic result on file', async () => {
    expect(await names('assessment=none')).toEqual(['葛未登记']);
    const all = await names('');
    expect(all).toHaveLength(5);
  });

  it('combines with 注册状态 and 姓名, and refuses an unknown result with the field', async () => {
    expect(await names('assessment=failed&status=valid&name=葛不合格')).toEqual(['葛不合格']);
    expect(await names('assessment=failed&name=葛合格')).toEqual([]);
    const bad = expectProblem(await hospital.get('/api/v1/institution/physicians?assessment=excellent'), 400, 'VALIDATION_FAILED');
    expect(bad.errors?.[0]?.path).toEqual(['assessment']);
  });

  it('the Excel and CSV exports carry the 最近定期考核 column and follows the filter', async () => {
    const rows = await exportBoth(hospital, '/api/v1/institution/physicians/export', 'assessment=passed');
    const col = rows[0]!.indexOf('最近定期考核');
    expect(col).toBeGreaterThan(0);
    expect(rows.slice(1).map((r) => [r[0], r[col]]).sort()).toEqual([['葛合格', '2024–2026 合格'], ['葛转合格', '2024–2026 合格']]);
    const none = await exportBoth(hospital, '/api/v1/institution/physicians/export', 'assessment=none');
    expect(none[1]).toContain('未登记');
  });
});
