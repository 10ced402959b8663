// Concurrent 准予 on one change application: one decision, one new registration, one set of history rows.
// On PostgreSQL the requests really run at once (the application row lock orders them); on PGlite they are
// serialised — one success either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { applicationEvents, auditLog, registrations } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { staffOf } from '../helpers/authority-factories';
import {
  NOW, REASON, TODAY, approveRequest, certificateEventsOf, certificatesOf, makeWorld, registeredPhysician, registrationEventsOf, registrationsOf,
  submitted, toAccepted, type World,
} from './lifecycle-helpers';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  w = await makeWorld(t.app, t.deps);
});
afterAll(async () => t?.close());

describe('concurrent decisions on one change application', () => {
  it('gives exactly one 200 and 409s to five reviewers approving at once, with one new registration and one set of events', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '许并发' });
    const app = await submitted(doc.agent, 'change_registration', { registrationId: doc.registration.id }, {
      kind: 'main_institution', registrationId: doc.registration.id, reason: REASON, institutionId: w.dcInstitution.institution.id, department: '内科', startDate: TODAY,
    });
    const version = await toAccepted(w.clerk.dc, w.reviewer.dc, app);
    const reviewers = [w.reviewer.dc, ...(await Promise.all([1, 2, 3, 4].map(() => staffOf(t.app, t.deps, w.dongcheng.id))))];

    const results = await Promise.all(reviewers.map((r) => approveRequest(r, app.id, version)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409, 409]);
    for (const refused of results.filter((r) => r.statusCode === 409)) {
      const body = refused.json() as { code: string; detail: string; current: { state: string } };
      expect(['VERSION_CONFLICT', 'WORKFLOW_ACTION_NOT_ALLOWED']).toContain(body.code);
      expect(body.current.state).toBe('approved');
      expect(body.detail).toMatch(/[\u4e00-\u9fff]/);
    }

    const regs = await registrationsOf(t.deps, doc.physician.id);
    expect(regs).toHaveLength(2);
    const opened = regs.find((r) => r.id !== doc.registration.id)!;
    expect(await t.deps.db.select().from(registrations).where(eq(registrations.applicationId, app.id))).toHaveLength(1);
    expect(regs.find((r) => r.id === doc.registration.id)).toMatchObject({ status: 'transferred_out', version: 2 });
    expect((await registrationEventsOf(t.deps, doc.registration.id)).map((e) => e.event)).toEqual(['change_main_institution']);
    expect((await registrationEventsOf(t.deps, opened.id)).map((e) => e.event)).toEqual(['open']);
    const certs = [...await certificatesOf(t.deps, doc.registration.id), ...await certificatesOf(t.deps, opened.id)];
    expect(certs.map((c) => c.status).sort()).toEqual(['issued', 'superseded']);
    expect((await certificateEventsOf(t.deps, certs.map((c) => c.id))).map((e) => e.event).sort()).toEqual(['issue', 'supersede']);
    const approvals = (await t.deps.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id))).filter((e) => e.action === 'approve');
    expect(approvals).toHaveLength(1);
    const opens = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'registration.open'), eq(auditLog.entityId, opened.id)));
    expect(opens).toHaveLength(1);
  });
});
