import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '../../src/db/rows';
import { deadlinesQuery, decisionDaysQuery, institutionOutcomesQuery, monthlyQuery, physiciansQuery } from '../../src/modules/dashboard/queries';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { makeAuthority, makeInstitution, makePhysician } from '../helpers/factories';

let t: TestApp;
let ids: string[];

beforeAll(async () => {
  t = await createTestApp();
  const a = await makeAuthority(t.deps, { areaCode: '110108', level: 'county' });
  const b = await makeAuthority(t.deps, { areaCode: '110101', level: 'county' });
  ids = [a.id, b.id];
  const { institution } = await makeInstitution(t.deps, { areaCode: '110108', authorityId: a.id });
  // Aggregates of many authorities and years, and accepted applications spread over many authorities.
  await t.deps.db.execute(sql`
    INSERT INTO stats_applications_monthly (authority_id, month, business_type, received)
    SELECT ${a.id}::uuid, date '2010-01-01' + (g || ' month')::interval, t, 1 FROM generate_series(0, 200) g, unnest(array['a','b','c']) t`);
  await t.deps.db.execute(sql`
    INSERT INTO stats_decision_days (authority_id, month, working_days, decisions)
    SELECT ${a.id}::uuid, date '2010-01-01' + (g || ' month')::interval, d, 1 FROM generate_series(0, 200) g, generate_series(0, 30) d`);
  await t.deps.db.execute(sql`
    INSERT INTO stats_institution_outcomes (authority_id, institution_id, month, returned)
    SELECT ${a.id}::uuid, ${institution.id}::uuid, date '2010-01-01' + (g || ' month')::interval, 1 FROM generate_series(0, 200) g`);
  await t.deps.db.execute(sql`
    INSERT INTO stats_registered_physicians (area_code, category, level, physicians)
    SELECT lpad(g::text, 6, '0'), c, 'physician', 1 FROM generate_series(100000, 659999, 97) g, unnest(array['clinical','tcm']) c`);
  const { physician } = await makePhysician(t.deps);
  await t.deps.db.execute(sql`
    INSERT INTO applications (business_code, business_type, physician_id, physician_name, id_number_hash, institution_id, authority_id, state, submitted_at, decided_at, due_date, decision_reasons)
    SELECT 'BT' || lpad(g::text, 18, '0'), 'first_registration', ${physician.id}::uuid, 'N' || (g % 997), sha256(g::text::bytea),
           ${institution.id}::uuid, CASE WHEN g % 2 = 0 THEN ${a.id}::uuid ELSE ${b.id}::uuid END,
           CASE WHEN g % 50 = 1 THEN 'accepted' WHEN g % 50 = 2 THEN 'pending_authority' ELSE 'approved' END,
           timestamptz '2024-01-01' + g * interval '1 hour',
           CASE WHEN g % 50 > 2 THEN timestamptz '2024-01-02' + g * interval '1 hour' END,
           CASE WHEN g % 50 = 1 THEN date '2026-09-01' + (g % 60) END, NULL
    FROM generate_series(1, 20000) g`);
  for (const table of ['stats_applications_monthly', 'stats_decision_days', 'stats_institution_outcomes', 'stats_registered_physicians', 'applications']) {
    await t.deps.db.execute(sql.raw(`ANALYZE ${table}`));
  }
});
afterAll(async () => t?.close());

/** The plan with sequential scans priced out, so that it shows which index serves the query on a large table. */
async function planOf(query: SQL): Promise<string> {
  return t.deps.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    const rows = await rowsOf<{ 'QUERY PLAN': string }>(tx, sql`EXPLAIN (COSTS OFF) ${query}`);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('dashboard query plans (fast at 5 M physicians)', () => {
  it.each([
    ['月度统计', () => monthlyQuery(ids, '2026-01-01'), 'stats_applications_monthly_pkey'],
    ['受理至办结用时', () => decisionDaysQuery(ids, '2026-01-01'), 'stats_decision_days_pkey'],
    ['退回最多的医疗机构', () => institutionOutcomesQuery(ids, '2026-01-01', 10), 'stats_institution_outcomes_pkey'],
    ['注册医师分布 (a city\'s area range)', () => physiciansQuery('440300', '440399'), 'stats_registered_physicians_pkey'],
    // Either (authority_id, state, …) index serves (authority, 已受理): queue_idx (…, due_date) or intake_idx (…, submitted_at).
    ['已超期 / 即将超期 (live)', () => deadlinesQuery(ids, '2026-09-29', '2026-10-09'), /applications_authority_(queue|intake)_idx[\s\S]*Index Cond: .*authority_id.*state = 'accepted'/],
  ])('reads %s by an index range, never a sequential scan', async (_label, query, index) => {
    const plan = await planOf(query());
    expect(plan).toMatch(index);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});
