import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { APPLICATION_STATES, institutionQueueOf } from '@medreg/domain';
import type { Ctx } from '../../src/context';
import { rowsOf } from '../../src/db/rows';
import { queuePageQuery, type QueueFilter } from '../../src/modules/institutions/queue-queries';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { makeInstitution, makePhysician } from '../helpers/factories';

let t: TestApp;
let institutionId: string;

beforeAll(async () => {
  t = await createTestApp();
  const inst = await makeInstitution(t.deps);
  institutionId = inst.institution.id;
  // Enough rows, spread like real queues (mostly completed, many names, few types), for the planner's statistics.
  const { physician } = await makePhysician(t.deps);
  await t.deps.db.execute(sql`
    INSERT INTO applications (business_code, business_type, physician_id, physician_name, id_number_hash, institution_id, authority_id, state, submitted_at, decision_reasons)
    SELECT 'BT' || lpad(g::text, 18, '0'),
           CASE WHEN g % 10 < 8 THEN 'first_registration' WHEN g % 10 = 8 THEN 'change_registration' ELSE 'multi_site_filing' END,
           ${physician.id}::uuid, 'N' || (g % 997), sha256(g::text::bytea), ${institutionId}::uuid, ${inst.authorityId}::uuid,
           CASE WHEN g % 50 = 0 THEN 'pending_institution' WHEN g % 50 = 1 THEN 'accepted' WHEN g % 50 = 2 THEN 'pending_authority'
                WHEN g % 50 = 3 THEN 'refused_by_institution' ELSE 'approved' END,
           timestamptz '2024-01-01' + g * interval '1 hour',
           CASE WHEN g % 50 = 3 THEN '理由' END
    FROM generate_series(1, 20000) g`);
  await t.deps.db.execute(sql`ANALYZE applications`);
});

afterAll(async () => {
  await t.close();
});

describe('institution_queue() (migration 20261127120000)', () => {
  it('files every state in the queue INSTITUTION_QUEUES names', async () => {
    for (const state of APPLICATION_STATES) {
      const [row] = await rowsOf<{ queue: string | null }>(t.deps.db, sql`SELECT institution_queue(${state}) AS queue`);
      expect(row!.queue, state).toBe(institutionQueueOf(state) ?? null);
    }
  });
});

/**
 * The plan of each filter combination, with sequential scans, bitmap scans and full sorts priced out
 * so that the planner shows which index can serve the query on a large table (the test table is tiny).
 */
async function planOf(f: Partial<QueueFilter>, priceOutSorts = true): Promise<string> {
  return t.deps.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    if (priceOutSorts) {
      await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
      await tx.execute(sql`SET LOCAL enable_sort = off`);
    }
    const c = { ...t.deps, tx } as Ctx;
    const query = queuePageQuery(c, { institutionId, queue: 'completed', sort: 'desc', limit: 21, ...f });
    const rows = await rowsOf<{ 'QUERY PLAN': string }>(tx, sql`EXPLAIN (COSTS OFF) ${query}`);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

const cursor = { at: '2026-01-01T00:00:00.000000Z', id: '00000000-0000-4000-8000-000000000000' };
const day = (d: string) => new Date(`${d}T00:00:00+08:00`);

describe('queue query plans', () => {
  it.each([
    ['a queue page, newest first', {}, 'applications_institution_queue_order_idx'],
    ['a queue page, oldest first, after a cursor', { sort: 'asc' as const, cursor: { ...cursor, sort: 'asc' as const } }, 'applications_institution_queue_order_idx'],
    ['a 申请日期 range after a cursor', { submittedFrom: day('2026-01-01'), submittedBefore: day('2026-02-01'), cursor: { ...cursor, sort: 'desc' as const } }, 'applications_institution_queue_order_idx'],
    ['业务类型', { businessType: 'change_registration' }, 'applications_institution_queue_type_idx'],
    ['业务类型 + 申请日期', { businessType: 'change_registration', submittedFrom: day('2026-01-01') }, 'applications_institution_queue_type_idx'],
    ['status', { queue: 'in_progress' as const, state: 'accepted' }, 'applications_institution_queue_idx'],
  ])('serves %s from an ordered index range, without a sort', async (_label, filter, index) => {
    const plan = await planOf(filter);
    expect(plan).toContain(index);
    expect(plan).toMatch(/Index Cond: .*institution_id/);
    expect(plan).not.toMatch(/^\s*(->\s*)?Sort\b/m);
  });

  it.each([
    ['姓名', { name: '张伟' }, 'applications_institution_name_idx'],
    ['身份证号', { idNumberHash: Buffer.alloc(32, 1) }, 'applications_id_number_hash_idx'],
    ['业务编号', { businessCode: 'BT000000000000000108' }, 'applications_business_code_key'],
    ['姓名 + 业务类型 + 申请日期', { name: 'N5', businessType: 'first_registration', submittedFrom: day('2024-01-01') }, 'applications_institution_name_idx'],
  ])('looks %s up by its index', async (_label, filter, index) => {
    expect(await planOf(filter, false)).toContain(index);
  });
});
