import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { registrations, applicationEvents } from '../../src/db/schema/index';
import { makeJurisdictions, makePendingApplication, staffOf, type Jurisdictions } from '../helpers/authority-factories';

let t: TestApp;
let j: Jurisdictions;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-10-12T02:00:00Z');
  j = await makeJurisdictions(t.deps);
});
afterAll(async () => t?.close());

describe('two reviewers deciding at once', () => {
  it('gives one approval and one 409 with the current state, and exactly one registration', async () => {
    const { application } = await makePendingApplication(t.deps, { institution: j.hdInstitution.institution, authorityId: j.haidian.id });
    const first = await staffOf(t.app, t.deps, j.haidian.id);
    const second = await staffOf(t.app, t.deps, j.haidian.id);
    const accepted = await first.post(`/api/v1/authority/applications/${application.id}/accept`, {});
    const version = (accepted.json() as { version: number }).version;

    const url = `/api/v1/authority/applications/${application.id}/approve`;
    const results = await Promise.all([first.post(url, { expectedVersion: version }), second.post(url, { expectedVersion: version })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.statusCode === 409)!.json() as { code: string; current: { state: string; version: number }; detail: string };
    expect(['VERSION_CONFLICT', 'WORKFLOW_ACTION_NOT_ALLOWED']).toContain(refused.code);
    expect(refused.current.state).toBe('approved');
    expect(refused.detail).toMatch(/[\u4e00-\u9fff]/);

    expect(await t.deps.db.select().from(registrations).where(eq(registrations.applicationId, application.id))).toHaveLength(1);
    const approvals = (await t.deps.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, application.id))).filter((e) => e.action === 'approve');
    expect(approvals).toHaveLength(1);
  });

  it('gives one decision when one approves and the other refuses at once', async () => {
    const { application } = await makePendingApplication(t.deps, { institution: j.hdInstitution.institution, authorityId: j.haidian.id });
    const first = await staffOf(t.app, t.deps, j.haidian.id);
    const second = await staffOf(t.app, t.deps, j.haidian.id);
    await first.post(`/api/v1/authority/applications/${application.id}/accept`, {});
    const base = `/api/v1/authority/applications/${application.id}`;
    const results = await Promise.all([first.post(`${base}/approve`, {}), second.post(`${base}/refuse`, { reasons: '不符合注册条件' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json() as { state: string; registration: unknown; decisionDocument: unknown };
    expect(['approved', 'refused']).toContain(winner.state);
    // The loser left nothing behind: no registration after a refusal, no document after an approval.
    const regs = await t.deps.db.select().from(registrations).where(eq(registrations.applicationId, application.id));
    expect(regs).toHaveLength(winner.state === 'approved' ? 1 : 0);
    expect(winner.state === 'approved' ? winner.decisionDocument : winner.registration).toBeNull();
  });
});
