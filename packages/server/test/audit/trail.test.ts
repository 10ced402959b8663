import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { column, exportBoth } from '../helpers/export-files';
import { PASSWORD, makeAuthorityStaff } from '../helpers/factories';
import { makeJurisdictions, makePendingApplication, staffOf, type Jurisdictions } from '../helpers/authority-factories';

let t: TestApp;
let j: Jurisdictions;
let haidianApp: string;
let nanshanApp: string;
let hdReviewer: Agent;
let hdReviewerLogin: string;

interface TrailBody {
  items: { id: number; at: string; action: string; actionLabel: string; entityType: string; entityId: string | null; actor: { loginName: string | null; organization: string | null } }[];
  total: number;
  nextCursor: string | null;
}

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-10-12T02:00:00Z');
  j = await makeJurisdictions(t.deps);
  hdReviewerLogin = (await makeAuthorityStaff(t.deps, j.haidian.id)).loginName;
  hdReviewer = await loggedIn(t.app, hdReviewerLogin, PASSWORD);
  const nsReviewer = await staffOf(t.app, t.deps, j.nanshan.id);
  haidianApp = (await makePendingApplication(t.deps, { institution: j.hdInstitution.institution, authorityId: j.haidian.id })).application.id;
  nanshanApp = (await makePendingApplication(t.deps, { institution: j.nsInstitution.institution, authorityId: j.nanshan.id })).application.id;
  expect((await hdReviewer.post(`/api/v1/authority/applications/${haidianApp}/accept`, {})).statusCode).toBe(200);
  expect((await nsReviewer.post(`/api/v1/authority/applications/${nanshanApp}/accept`, {})).statusCode).toBe(200);
});
afterAll(async () => t?.close());

const trail = async (agent: Agent, query = '') => {
  const res = await agent.get(`/api/v1/authority/audit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TrailBody;
};

describe('the audit trail of a jurisdiction', () => {
  it('shows a city administrator its own area and not another province', async () => {
    const shenzhenAdmin = await staffOf(t.app, t.deps, j.shenzhen.id, 'authority_admin');
    const body = await trail(shenzhenAdmin, '?limit=100');
    const about = new Set(body.items.map((i) => i.entityId));
    expect(about.has(nanshanApp)).toBe(true);
    expect(about.has(haidianApp)).toBe(false);
    expect(body.items.every((i) => i.actor.organization === null || !i.actor.organization.includes('北京'))).toBe(true);
    expect(body.total).toBe(body.items.length);

    const beijingAdmin = await staffOf(t.app, t.deps, j.beijing.id, 'authority_admin');
    const bj = await trail(beijingAdmin, '?limit=100');
    expect(bj.items.some((i) => i.entityId === haidianApp && i.action === 'application.accept')).toBe(true);
    expect(bj.items.some((i) => i.entityId === nanshanApp)).toBe(false);
  });

  it('filters by action, record, actor and date, with the total of the filter', async () => {
    const admin = await staffOf(t.app, t.deps, j.beijing.id, 'authority_admin');
    const accepts = await trail(admin, '?action=application.accept');
    expect(accepts.items.map((i) => [i.action, i.entityId])).toEqual([['application.accept', haidianApp]]);
    expect(accepts.items[0]!.actionLabel).toBe('受理');
    expect(accepts.total).toBe(1);

    const record = await trail(admin, `?entityType=application&entityId=${haidianApp}`);
    expect(record.items.length).toBeGreaterThanOrEqual(2); // the acceptance and the detail view that revealed the ID
    expect(record.items.every((i) => i.entityId === haidianApp)).toBe(true);

    const byActor = await trail(admin, `?actor=${hdReviewerLogin}`);
    expect(byActor.items.map((i) => i.action)).toContain('application.accept');
    expect(byActor.items.every((i) => i.actor.loginName === hdReviewerLogin)).toBe(true);
    expect((await trail(admin, '?actor=nobody_here')).total).toBe(0);

    expect((await trail(admin, '?from=2026-10-12&to=2026-10-12&action=application.accept')).total).toBe(1);
    expect((await trail(admin, '?from=2026-10-13&action=application.accept')).total).toBe(0);
    expect((await trail(admin, '?to=2026-10-11&action=application.accept')).total).toBe(0);
  });

  it('pages by cursor in either order and refuses a bad cursor with 400 at cursor', async () => {
    const admin = await staffOf(t.app, t.deps, j.beijing.id, 'authority_admin');
    const all = await trail(admin, '?limit=100');
    const first = await trail(admin, '?limit=2');
    expect(first.items.map((i) => i.id)).toEqual(all.items.slice(0, 2).map((i) => i.id));
    const second = await trail(admin, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));
    expect(second.total).toBe(all.total);
    const ids = all.items.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const oldest = await trail(admin, '?sort=oldest&limit=100');
    expect(oldest.items.map((i) => i.id)).toEqual([...ids].reverse());

    const bad = expectProblem(await admin.get('/api/v1/authority/audit?cursor=not-a-cursor'), 400, 'VALIDATION_FAILED');
    expect(bad.errors?.[0]?.path).toEqual(['cursor']);
    expectProblem(await admin.get('/api/v1/authority/audit?from=2026-02-30'), 400, 'VALIDATION_FAILED');
    for (const key of ['actor', 'action', 'entityType', 'entityId']) {
      const nul = expectProblem(await admin.get(`/api/v1/authority/audit?${key}=a%00b`), 400, 'TEXT_CONTROL_CHARACTER');
      expect(nul.errors?.[0]?.path).toEqual([key]);
      expectProblem(await admin.get(`/api/v1/authority/audit/export.csv?${key}=a%00b`), 400, 'TEXT_CONTROL_CHARACTER');
    }
  });

  it('exports the same filter as Excel and CSV with the same rows, and audits each export', async () => {
    const admin = await staffOf(t.app, t.deps, j.beijing.id, 'authority_admin');
    const filtered = await trail(admin, `?entityId=${haidianApp}`);
    const rows = await exportBoth(admin, '/api/v1/authority/audit/export', `entityId=${haidianApp}`);
    expect(rows[0]).toEqual(expect.arrayContaining(['时间', '操作人', '操作', '对象编号', '详情']));
    expect(rows).toHaveLength(filtered.total + 1);
    expect(column(rows, '对象编号').every((id) => id === haidianApp)).toBe(true);
    expect(column(rows, '序号')).toEqual(filtered.items.map((i) => String(i.id)));
    const logged = await trail(admin, '?action=audit.export');
    expect(logged.total).toBe(2);
  });

  it('is for authority administrators only', async () => {
    expectProblem(await hdReviewer.get('/api/v1/authority/audit'), 403, 'FORBIDDEN');
    expectProblem(await hdReviewer.get('/api/v1/authority/audit/verify'), 403, 'FORBIDDEN');
    expectProblem(await hdReviewer.get('/api/v1/authority/audit/export.xlsx'), 403, 'FORBIDDEN');
  });

  it('runs the verifier for an administrator', async () => {
    const admin = await staffOf(t.app, t.deps, j.haidian.id, 'authority_admin');
    const res = await admin.get('/api/v1/authority/audit/verify');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, firstBreak: null });
    expect((res.json() as { checkedRows: number }).checkedRows).toBeGreaterThan(5);
  });

  it('declares the audit operations in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    for (const p of ['/api/v1/authority/audit', '/api/v1/authority/audit/export.csv', '/api/v1/authority/audit/export.xlsx', '/api/v1/authority/audit/verify']) expect(doc.paths[p]).toBeDefined();
  });
});
