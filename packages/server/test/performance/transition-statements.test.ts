// Issue 11: a workflow transition is one lock and one read of the application, the write, and the audit —
// at most 6 statements between BEGIN and COMMIT (both engines, counted as drizzle sends them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { loggedIn } from '../helpers/agent';
import { PASSWORD, makeAuthorityStaff, makeInstitution } from '../helpers/factories';
import { makeApplicationAt } from '../helpers/institutions-factories';
import { makeJurisdictions, makePendingApplication, staffOf, type Jurisdictions } from '../helpers/authority-factories';

const MAX_STATEMENTS = 6;

let t: TestApp;
let j: Jurisdictions;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-10-12T02:00:00Z');
  j = await makeJurisdictions(t.deps);
});
afterAll(async () => t?.close());

/**
 * The statements of the request's write transaction, without BEGIN and COMMIT (drizzle does not report those):
 * from the lock of the application to the audit entry chained just before commit.
 */
async function transactionStatements(send: () => Promise<{ statusCode: number; body: string }>): Promise<string[]> {
  const from = t.statements.length;
  const res = await send();
  expect(res.statusCode, res.body).toBe(200);
  const sent = t.statements.slice(from).map((s) => s.trim().toLowerCase());
  const begin = sent.findIndex((s) => s.includes('for update'));
  const commit = sent.findIndex((s, i) => i > begin && s.startsWith('insert into "audit_log"'));
  expect(begin, sent.join('\n')).toBeGreaterThanOrEqual(0);
  expect(commit, sent.join('\n')).toBeGreaterThan(begin);
  return sent.slice(begin, commit + 1);
}

describe('statements per transition', () => {
  it(`writes an institution 同意 in at most ${MAX_STATEMENTS} statements, locking the application once`, async () => {
    const inst = await makeInstitution(t.deps, { name: '北京市计数医院' });
    await makeAuthorityStaff(t.deps, inst.authorityId);
    const clerk = await loggedIn(t.app, inst.clerkLogin, PASSWORD);
    const app = await makeApplicationAt(t.deps, inst, { name: '计数甲' });
    const statements = await transactionStatements(() => clerk.request('POST', `/api/v1/institution/applications/${app.id}/approve`, { expectedVersion: app.version }, { headers: { 'idempotency-key': 'count-7f6c2b3a-1d2e' } }));
    expect(statements.filter((s) => s.includes('for update')), statements.join('\n')).toHaveLength(1);
    console.log(`机构同意: ${statements.length} statements`);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it('locks the application once on 准予注册', async () => {
    const { application } = await makePendingApplication(t.deps, { institution: j.hdInstitution.institution, authorityId: j.haidian.id });
    const reviewer = await staffOf(t.app, t.deps, j.haidian.id);
    const accepted = await reviewer.post(`/api/v1/authority/applications/${application.id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    const statements = await transactionStatements(() => reviewer.post(`/api/v1/authority/applications/${application.id}/approve`, { expectedVersion: (accepted.json() as { version: number }).version }));
    expect(statements.filter((s) => s.includes('for update') && s.includes('"applications"')), statements.join('\n')).toHaveLength(1);
    console.log(`准予注册: ${statements.length} statements`);
  });
});
