import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { institutions } from '../../src/db/schema/index';
import { reading } from '../../src/context';
import { institutionSearchQuery } from '../../src/modules/reference/queries';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, expectProblem, loggedIn } from '../helpers/agent';
import { makeInstitution, PASSWORD } from '../helpers/factories';

let t: TestApp;
let anon: Agent;
let staff: Agent;
let haidian: Awaited<ReturnType<typeof makeInstitution>>;

beforeAll(async () => {
  t = await createTestApp();
  anon = new Agent(t.app);
  haidian = await makeInstitution(t.deps, { name: '北京市海淀区参考测试医院', areaCode: '110108' });
  await makeInstitution(t.deps, { name: '北京市东城区参考测试医院', areaCode: '110101' });
  await makeInstitution(t.deps, { name: '深圳市南山区参考测试医院', areaCode: '440305' });
  const closed = await makeInstitution(t.deps, { name: '北京市海淀区已停业参考测试诊所', areaCode: '110108' });
  await t.deps.db.update(institutions).set({ status: 'suspended' }).where(eq(institutions.id, closed.institution.id));
  staff = await loggedIn(t.app, haidian.clerkLogin, PASSWORD);
});
afterAll(async () => { await t.close(); });

type Page = { items: { id: string; name: string; areaName: string; grassroots: boolean }[]; nextCursor: string | null };

describe('regions', () => {
  it('lists the provinces with whether they run e-registration', async () => {
    const body = (await anon.get('/api/v1/reference/regions/provinces')).json() as { items: { code: string; name: string; eRegistrationEnabled: boolean }[] };
    expect(body.items.length).toBeGreaterThanOrEqual(31);
    expect(body.items.find((r) => r.code === '110000')).toMatchObject({ name: '北京市', eRegistrationEnabled: true });
  });

  it('lists the children of a region and refuses an unknown one', async () => {
    const body = (await anon.get('/api/v1/reference/regions/440300/children')).json() as { region: { fullName: string }; items: { code: string; name: string }[] };
    expect(body.region.fullName).toBe('广东省深圳市');
    expect(body.items).toContainEqual(expect.objectContaining({ code: '440305', name: '南山区' }));
    expectProblem(await anon.get('/api/v1/reference/regions/999999/children'), 404, 'REGION_NOT_FOUND');
  });
});

describe('catalogues', () => {
  it('gives the 执业范围 of a category with labels and the max-scope rules', async () => {
    const body = (await anon.get('/api/v1/reference/practice-scopes?category=clinical')).json() as {
      categories: { category: string; fullLabel: string; scopes: { code: string; label: string }[] }[]; rules: { maxDefault: number; maxGrassroots: number; texts: string[] };
    };
    expect(body.categories).toHaveLength(1);
    expect(body.categories[0]).toMatchObject({ fullLabel: '临床类别' });
    expect(body.categories[0]!.scopes[0]).toEqual({ code: '11', name: '内科专业', label: '内科专业（含老年医学专业、传染病专业）' });
    expect(body.rules).toMatchObject({ maxDefault: 1, maxGrassroots: 3 });
    expect(body.rules.texts.join('')).toContain('至多3个专业');
    expectProblem(await anon.get('/api/v1/reference/practice-scopes?category=surgery'), 400, 'VALIDATION_FAILED');
  });

  it('gives 学历, 学位 and 任职资格, and the business types with the offline cases of seed question 二', async () => {
    const options = (await anon.get('/api/v1/reference/education-and-titles')).json() as { educationLevels: string[]; degrees: string[]; titles: { label: string }[] };
    expect(options.educationLevels).toContain('本科');
    expect(options.degrees).toContain('学士');
    expect(options.titles.map((x) => x.label)).toContain('主治医师');
    const types = (await anon.get('/api/v1/reference/business-types')).json() as { businessTypes: { type: string; available: boolean }[]; ineligibleCases: { label: string }[] };
    expect(types.businessTypes.filter((b) => b.available).map((b) => b.type).sort()).toEqual([
      'additional_registration', 'assistant_upgrade', 'cancellation', 'certificate_reissue', 'change_registration', 'first_registration', 'multi_site_filing',
      're_registration',
    ]);
    // issue 9: every business type is offered; none says 暂未开放.
    expect(types.businessTypes.filter((b) => !b.available).map((b) => b.type)).toEqual([]);
    expect(types.ineligibleCases.map((c) => c.label)).toEqual(['补录老政策的认定资格', '港澳台医师内地资格认定', '港澳台医师内地短期行医', '外国医师内地短期行医']);
  });
});

describe('institution search (主要执业机构 by 标准名称 within the 执业地点)', () => {
  it('is for signed-in users', async () => {
    expectProblem(await anon.get('/api/v1/reference/institutions?place=110000'), 401, 'UNAUTHENTICATED');
  });

  it('finds active institutions of a province by part of the name', async () => {
    const body = (await staff.get(`/api/v1/reference/institutions?place=110000&q=${encodeURIComponent('参考测试')}`)).json() as Page;
    expect(body.items.map((i) => i.name)).toEqual(['北京市东城区参考测试医院', '北京市海淀区参考测试医院']);
    expect(body.items[1]!.areaName).toBe('北京市海淀区');
  });

  it('narrows to a county', async () => {
    const body = (await staff.get('/api/v1/reference/institutions?place=110108&q=%E5%8F%82%E8%80%83')).json() as Page;
    expect(body.items.map((i) => i.id)).toEqual([haidian.institution.id]);
  });

  it('treats % and _ in the name as themselves', async () => {
    const body = (await staff.get('/api/v1/reference/institutions?place=110000&q=%25')).json() as Page;
    expect(body.items).toEqual([]);
  });

  it('refuses a place that is not a region and a forged cursor', async () => {
    expectProblem(await staff.get('/api/v1/reference/institutions?place=999999'), 400, 'PLACE_INVALID');
    expectProblem(await staff.get('/api/v1/reference/institutions?place=110000&cursor=abc'), 400, 'INSTITUTION_CURSOR_INVALID');
  });

  it('pages 20 at a time by (name, id) without gaps or repeats', async () => {
    await t.engine.query(`
      INSERT INTO institutions (name, credit_code, licence_reg_no, area_code, province_code, approving_authority_id)
      SELECT '广东省翻页测试医院' || lpad(g::text, 3, '0'), 'PAGE' || g, 'L' || g, '440305', '440000', $1::uuid
      FROM generate_series(1, 45) AS g`, [haidian.authorityId]);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/reference/institutions?place=440000&q=${encodeURIComponent('翻页测试')}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await staff.get(url)).json() as Page;
      expect(page.items.length).toBeLessThanOrEqual(20);
      seen.push(...page.items.map((i) => i.name));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(45);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(45);
  });

  it('gives an institution’s departments', async () => {
    const body = (await staff.get(`/api/v1/reference/institutions/${haidian.institution.id}/departments`)).json() as { departments: string[] };
    expect(body.departments).toEqual(haidian.institution.departments);
    expectProblem(await staff.get('/api/v1/reference/institutions/00000000-0000-4000-8000-000000000000/departments'), 404, 'INSTITUTION_NOT_FOUND');
  });
});

describe('the search query plan', () => {
  async function explain(search: Parameters<typeof institutionSearchQuery>[1]): Promise<string> {
    const { sql, params } = institutionSearchQuery(reading(t.deps), search).toSQL();
    const rows = await t.engine.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params as unknown[]);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    if (process.env.SHOW_PLANS) console.log(plan);
    return plan;
  }

  beforeAll(async () => {
    // Enough institutions across provinces for the planner to prefer an index over a full scan.
    await t.engine.query(`
      INSERT INTO institutions (name, credit_code, licence_reg_no, area_code, province_code, approving_authority_id)
      SELECT p.name || '第' || g || '人民医院', 'PLAN' || p.code || g, 'L', p.county, p.code, $1::uuid
      FROM (VALUES ('110000', '110108', '北京市'), ('440000', '440305', '广东省'), ('310000', '310101', '上海市'), ('510000', '510104', '四川省'),
                   ('320000', '320102', '江苏省'), ('330000', '330102', '浙江省'), ('370000', '370102', '山东省'), ('420000', '420102', '湖北省'))
             AS p (code, county, name)
      CROSS JOIN generate_series(1, 2500) AS g`, [haidian.authorityId]);
    await t.engine.query('ANALYZE institutions');
  });

  it('reads a province in name order from institutions_province_name_idx', async () => {
    const plan = await explain({ place: { kind: 'province', code: '110000' }, q: '人民', limit: 20 });
    expect(plan).toMatch(/institutions_province_name_idx|institutions_name_trgm_idx/);
    expect(plan).not.toMatch(/Seq Scan/);
  });

  it('uses an index for a selective name of three or more characters', async () => {
    const plan = await explain({ place: { kind: 'province', code: '440000' }, q: '第1234人民', limit: 20 });
    expect(plan).toMatch(/institutions_province_name_idx|institutions_name_trgm_idx/);
    expect(plan).not.toMatch(/Seq Scan/);
  });

  it('uses an index for the next page (keyset)', async () => {
    const plan = await explain({ place: { kind: 'province', code: '440000' }, q: '医院', cursor: { name: '广东省第2000人民医院', id: '00000000-0000-4000-8000-000000000000' }, limit: 20 });
    expect(plan).toMatch(/institutions_province_name_idx|institutions_name_trgm_idx/);
    expect(plan).not.toMatch(/Seq Scan/);
  });

  it('reads a county in name order from institutions_area_name_idx', async () => {
    const plan = await explain({ place: { kind: 'county', code: '310101' }, limit: 20 });
    expect(plan).toMatch(/institutions_area_name_idx/);
    expect(plan).not.toMatch(/Sort Key/);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});
