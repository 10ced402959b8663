// 连续两个考核周期未参加医师定期考核 (《医师执业注册管理办法》第十八条, cancellation ground assessment_missed): the
// authority's 定期考核 list flags the latest result of a physician who missed two consecutive cycles, and filters on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missedTwoConsecutiveCycles, parseAssessmentCycle, type AssessmentResult } from '@medreg/domain';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, type Agent } from '../helpers/agent';
import { makeJurisdictions, staffOf, type Jurisdictions } from '../helpers/authority-factories';
import { makeRegisteredPhysician } from '../helpers/register-factories';

let t: TestApp;
let j: Jurisdictions;
let haidian: Agent;

type Cycles = [cycle: string, result: AssessmentResult][];
const CASES: Record<string, Cycles> = {
  桑两次未参加: [['2021–2023', 'absent'], ['2024–2026', 'absent']],
  桑隔周期未参加: [['2018–2020', 'absent'], ['2021–2023', 'passed'], ['2024–2026', 'absent']],
  桑未参加后合格: [['2021–2023', 'absent'], ['2024–2026', 'passed']],
  桑一次未参加: [['2024–2026', 'absent']],
};

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-02T02:00:00Z');
  j = await makeJurisdictions(t.deps);
  haidian = await staffOf(t.app, t.deps, j.haidian.id);
  for (const [name, cycles] of Object.entries(CASES)) {
    const d = await makeRegisteredPhysician(t.deps, j.hdInstitution.institution, { name });
    for (const [cycle, result] of cycles) {
      const res = await haidian.post('/api/v1/authority/assessments', { licenceCode: d.registration.licenceCode, cycle, result });
      expect(res.statusCode, res.body).toBe(201);
    }
  }
});
afterAll(async () => t?.close());

type Row = { physicianName: string; cycleLabel: string; missedTwoCycles: boolean };

describe('连续两个考核周期未参加', () => {
  it('《医师执业注册管理办法》第十八条: flags the latest result of two consecutive cycles missed, as the domain rule reads it', async () => {
    const { items } = (await haidian.get('/api/v1/authority/assessments?limit=100')).json() as { items: Row[] };
    for (const [name, cycles] of Object.entries(CASES)) {
      const expected = missedTwoConsecutiveCycles(cycles.map(([cycle, result]) => ({ cycleStartYear: (parseAssessmentCycle(cycle) as { startYear: number }).startYear, result })));
      const flagged = items.filter((r) => r.physicianName === name && r.missedTwoCycles).map((r) => r.cycleLabel);
      expect(flagged, name).toEqual(expected ? ['2024–2026'] : []);
    }
  });

  it('filters on it: only the physician who missed two cycles, once', async () => {
    const res = await haidian.get('/api/v1/authority/assessments?missed=true');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: Row[]; total: number };
    expect(page.items.map((r) => [r.physicianName, r.cycleLabel])).toEqual([['桑两次未参加', '2024–2026']]);
    expect(page.total).toBe(1);
    expectProblem(await haidian.get('/api/v1/authority/assessments?missed=maybe'), 400, 'VALIDATION_FAILED');
  });
});
