// The 注册公告 lists (《医师法》第二十一条) and 执业注册管理 are each one index range (migration 20261202130000 and the
// cancellation core), on a table large enough for the planner to care.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Ctx } from '../../src/context';
import { rowsOf } from '../../src/db/rows';
import { cancellationAnnouncementsQuery, registrationAnnouncementsQuery } from '../../src/modules/announcements/queries';
import { registrationPageQuery } from '../../src/modules/registration-admin/queries';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { makeInstitution, makePhysician } from '../helpers/factories';

let t: TestApp;
let authorityId: string;

beforeAll(async () => {
  t = await createTestApp();
  const inst = await makeInstitution(t.deps, { areaCode: '110108' });
  authorityId = inst.authorityId;
  const { physician } = await makePhysician(t.deps);
  // 50 other authorities: the rows of one authority are a small share of the table.
  await t.deps.db.execute(sql`
    INSERT INTO authorities (name, area_code, level) SELECT '测试卫生健康局' || g, '5' || lpad(g::text, 5, '0'), 'county' FROM generate_series(1, 50) g`);
  await t.deps.db.execute(sql`
    INSERT INTO registrations (physician_id, level, category, scopes, practice_location_code, main_institution_id, authority_id, licence_code, approved_on, seniority_from, status)
    SELECT ${physician.id}::uuid, 'physician', 'clinical', ARRAY['11'], '110000', ${inst.institution.id}::uuid,
           CASE WHEN g % 20 = 0 THEN ${authorityId}::uuid ELSE (SELECT id FROM authorities WHERE area_code = '5' || lpad((g % 50 + 1)::text, 5, '0')) END,
           '1101101' || lpad(g::text, 8, '0'), date '2000-01-01' + (g % 9000), date '2000-01-01' + (g % 9000), CASE WHEN g % 10 = 0 THEN 'cancelled' ELSE 'valid' END
    FROM generate_series(1, 20000) g`);
  await t.deps.db.execute(sql`
    INSERT INTO registration_cancellations (registration_id, physician_id, authority_id, event, ground, initiator, effective_on)
    SELECT id, physician_id, authority_id, 'cancel', 'death', 'authority', approved_on + 30 FROM registrations WHERE status = 'cancelled'`);
  await t.deps.db.execute(sql`ANALYZE registrations`);
  await t.deps.db.execute(sql`ANALYZE registration_cancellations`);
});
afterAll(async () => t?.close());

/** With sequential scans (and, for the ordered pages, bitmap scans and sorts) priced out, as the institution queue test does. */
async function planOf(build: (c: Ctx) => SQLWrapper, priceOutSorts = true): Promise<string> {
  return t.deps.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    if (priceOutSorts) {
      await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
      await tx.execute(sql`SET LOCAL enable_sort = off`);
    }
    const rows = await rowsOf<{ 'QUERY PLAN': string }>(tx, sql`EXPLAIN (COSTS OFF) ${build({ ...t.deps, tx } as Ctx)}`);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('indexes of 注销 and 注册公告', () => {
  const cursor = { on: '2010-01-01', id: '00000000-0000-4000-8000-000000000001' };
  it('准予注册 announcements page by registrations_authority_approved_idx, with and without a cursor', async () => {
    for (const c of [undefined, cursor]) {
      expect(await planOf((ctx) => registrationAnnouncementsQuery(ctx, { authorityId, cursor: c, limit: 20 }))).toContain('registrations_authority_approved_idx');
    }
  });
  it('注销注册 announcements page by registration_cancellations_announcement_idx', async () => {
    for (const c of [undefined, cursor]) {
      expect(await planOf((ctx) => cancellationAnnouncementsQuery(ctx, { authorityId, cursor: c, limit: 20 }))).toContain('registration_cancellations_announcement_idx');
    }
  });
  it('执业注册管理 of one authority by registrations_authority_approved_idx; a 执业证书编码 by its unique index', async () => {
    expect(await planOf((ctx) => registrationPageQuery(ctx, { authorityIds: [authorityId] }, cursor, 20))).toContain('registrations_authority_approved_idx');
    expect(await planOf((ctx) => registrationPageQuery(ctx, { authorityIds: [authorityId], licenceCode: '110110100000020' }, undefined, 20), false)).toMatch(/registrations_licence_code/);
  });
});
