import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { applicationEvents, auditLog } from '../../src/db/schema/index';
import { reading } from '../../src/context';
import { verifyAuditChain } from '../../src/modules/audit/verify';
import { audit } from '../../src/modules/audit/service';
import { makeJurisdictions, makePendingApplication, staffOf } from '../helpers/authority-factories';
import { loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD } from '../helpers/factories';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A database with some audited history: staff log in, accept and look at applications (events + audit rows). */
async function withHistory(applications = 2) {
  t = await createTestApp();
  const j = await makeJurisdictions(t.deps);
  const reviewer = await staffOf(t.app, t.deps, j.haidian.id);
  const ids: string[] = [];
  for (let i = 0; i < applications; i += 1) {
    const { application } = await makePendingApplication(t.deps, { institution: j.hdInstitution.institution, authorityId: j.haidian.id });
    expect((await reviewer.post(`/api/v1/authority/applications/${application.id}/accept`, {})).statusCode).toBe(200);
    ids.push(application.id);
  }
  return { t, j, reviewer, ids };
}

const verify = () => verifyAuditChain(reading(t!.deps));
const chained = async () => t!.deps.db.select().from(auditLog).where(isNotNull(auditLog.seq)).orderBy(asc(auditLog.seq));

/** What someone with database access but without the key would do: switch the append-only triggers off. */
async function asTamperer(table: 'audit_log' | 'application_events', statement: string, params: unknown[] = []) {
  await t!.engine.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  try {
    await t!.engine.query(statement, params);
  } finally {
    await t!.engine.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  }
}

describe('append-only audit tables', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on audit_log and application_events with a clear error', async () => {
    await withHistory(1);
    for (const statement of [
      "UPDATE audit_log SET action = 'x'",
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
      "UPDATE application_events SET reason = 'x'",
      'DELETE FROM application_events',
      'TRUNCATE application_events',
    ]) {
      await expect(t!.engine.query(statement), statement).rejects.toThrow(/只能追加/);
    }
    expect((await verify()).ok).toBe(true);
  });
});

describe('the hash chain and its verifier', () => {
  it('finds an intact chain after audited commands, covering the application history', async () => {
    await withHistory(2);
    const rows = await chained();
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const events = await t!.deps.db.select().from(applicationEvents);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, firstBreak: null, checkedRows: rows.length, checkedEvents: events.length });
    expect(result.head?.seq).toBe(rows.length);
  });

  it('names a row whose content was altered', async () => {
    await withHistory(2);
    const victim = (await chained())[2]!;
    await asTamperer('audit_log', `UPDATE audit_log SET detail = '{"reason":"已篡改"}' WHERE id = $1`, [victim.id]);
    expect((await verify()).firstBreak).toMatchObject({ table: 'audit_log', id: victim.id, seq: victim.seq, problem: 'hash_mismatch' });
  });

  it('names the gap where a row was deleted', async () => {
    await withHistory(2);
    const rows = await chained();
    const victim = rows[1]!;
    await asTamperer('audit_log', 'DELETE FROM audit_log WHERE id = $1', [victim.id]);
    expect((await verify()).firstBreak).toMatchObject({
      table: 'audit_log', id: rows[2]!.id, seq: 3, problem: 'row_missing', missing: { from: 2, to: 2 },
    });
  });

  it('names a row inserted in SQL without the key, at the head or around the chain', async () => {
    await withHistory(1);
    const head = (await chained()).at(-1)!;
    const [forged] = await t!.engine.query<{ id: string }>(
      `INSERT INTO audit_log (actor_role, action, entity_type, entity_id, detail, seq, prev_hash, hash)
       VALUES ('authority_admin', 'application.approve', 'application', 'x', '{}', $1, $2, $3) RETURNING id`,
      [head.seq! + 1, head.hash, randomBytes(32)],
    );
    expect((await verify()).firstBreak).toMatchObject({ table: 'audit_log', id: Number(forged!.id), seq: head.seq! + 1, problem: 'hash_mismatch' });
  });

  it('names an unchained row inserted with the chain constraint removed', async () => {
    await withHistory(1);
    await t!.engine.query('ALTER TABLE audit_log DROP CONSTRAINT audit_log_chained');
    const [stray] = await t!.engine.query<{ id: string }>(
      "INSERT INTO audit_log (actor_role, action, entity_type, detail) VALUES ('system', 'account.login', 'account', '{}') RETURNING id",
    );
    expect((await verify()).firstBreak).toMatchObject({ table: 'audit_log', id: Number(stray!.id), seq: null, problem: 'row_not_chained' });
  });

  it('names an application history entry altered or deleted behind the audit', async () => {
    const { ids } = await withHistory(1);
    const [event] = await t!.deps.db.select().from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, ids[0]!), eq(applicationEvents.action, 'accept')));
    await asTamperer('application_events', "UPDATE application_events SET actor_org_name = '别的部门' WHERE id = $1", [event!.id]);
    expect((await verify()).firstBreak).toMatchObject({ table: 'application_events', id: event!.id, problem: 'event_altered' });

    await asTamperer('application_events', 'DELETE FROM application_events WHERE id = $1', [event!.id]);
    expect((await verify()).firstBreak).toMatchObject({ table: 'application_events', id: event!.id, problem: 'event_missing' });

  });

  it('names an application history entry added in SQL', async () => {
    const { ids } = await withHistory(1);
    const [added] = await t!.engine.query<{ id: string }>(
      `INSERT INTO application_events (application_id, action, from_state, to_state, actor_role)
       VALUES ($1, 'approve', 'accepted', 'approved', 'authority_reviewer') RETURNING id`, [ids[0]],
    );
    expect((await verify()).firstBreak).toMatchObject({ table: 'application_events', id: Number(added!.id), problem: 'event_not_audited' });
  });
});

describe('audit entries outside a command', () => {
  it('chains entries written on a reading context and inside a transaction opened without inTransaction', async () => {
    await withHistory(0);
    const deps = t!.deps;
    await audit(reading(deps), { accountId: null, role: 'system' }, 'settings.decision_limit', 'setting', 'a', { to: 15 });
    await deps.db.transaction(async (tx) => {
      await audit({ ...deps, tx }, { accountId: null, role: 'system' }, 'settings.decision_limit', 'setting', 'b', { to: 16 });
    });
    await expect(deps.db.transaction(async (tx) => {
      await audit({ ...deps, tx }, { accountId: null, role: 'system' }, 'settings.decision_limit', 'setting', 'c', {});
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    const rows = (await chained()).filter((r) => r.action === 'settings.decision_limit');
    expect(rows.map((r) => r.entityId)).toEqual(['a', 'b']);
    expect((await verify()).ok).toBe(true);
  });
});

describe('request id and client address', () => {
  it('puts the request id (x-request-id) and client address on the audit rows of an API request', async () => {
    t = await createTestApp();
    const j = await makeJurisdictions(t.deps);
    const reviewer: Agent = await staffOf(t.app, t.deps, j.haidian.id);
    const { application } = await makePendingApplication(t.deps, { institution: j.hdInstitution.institution, authorityId: j.haidian.id });
    const res = await reviewer.request('POST', `/api/v1/authority/applications/${application.id}/accept`, {}, {
      headers: { 'x-request-id': 'audit-req-0001' }, remoteAddress: '203.0.113.7',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe('audit-req-0001');
    const rows = await t.deps.db.select().from(auditLog).where(eq(auditLog.requestId, 'audit-req-0001'));
    expect(rows.map((r) => r.action).sort()).toEqual(['application.accept', 'pii.id_revealed']);
    expect(rows.every((r) => r.ip === '203.0.113.7')).toBe(true);

    // A generated id is the one the response names.
    const other = await reviewer.get(`/api/v1/authority/applications/${application.id}`);
    const [reveal] = await t.deps.db.select().from(auditLog).where(eq(auditLog.requestId, String(other.headers['x-request-id'])));
    expect(reveal).toMatchObject({ action: 'pii.id_revealed', ip: '127.0.0.1' });
  });
});

describe('reveals of a full 身份证号', () => {
  it('audits the authority’s view of an application, and not the institution’s masked one', async () => {
    t = await createTestApp();
    const j = await makeJurisdictions(t.deps);
    const { application, doctor } = await makePendingApplication(t.deps, { institution: j.hdInstitution.institution, authorityId: j.haidian.id });
    const clerk = await loggedIn(t.app, j.hdInstitution.clerkLogin, PASSWORD);
    const masked = (await clerk.get(`/api/v1/institution/applications/${application.id}`)).json() as { applicant: { idNumber: string } };
    expect(masked.applicant.idNumber).not.toBe(doctor.idNumber);
    expect(await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'pii.id_revealed'))).toHaveLength(0);

    const reviewer = await staffOf(t.app, t.deps, j.haidian.id);
    const body = (await reviewer.get(`/api/v1/authority/applications/${application.id}`)).json() as { applicant: { idNumber: string } };
    expect(body.applicant.idNumber).toBe(doctor.idNumber);
    const reveals = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'pii.id_revealed'));
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toMatchObject({ entityType: 'application', entityId: application.id, actorRole: 'authority_reviewer' });
    expect(reveals[0]!.detail).toMatchObject({ physicianId: doctor.physician.id, via: 'authority_application_detail' });
    expect(JSON.stringify(reveals)).not.toContain(doctor.idNumber);
  });
});

describe('concurrent audited commands', () => {
  it('keeps one gapless, valid chain', async () => {
    const { j, reviewer } = await withHistory(0);
    const apps = await Promise.all(Array.from({ length: 8 }, (_, i) =>
      makePendingApplication(t!.deps, { institution: j.hdInstitution.institution, authorityId: j.haidian.id }, { name: `并发${'甲乙丙丁戊己庚辛'[i]}` })));
    const second = await staffOf(t!.app, t!.deps, j.haidian.id);
    const results = await Promise.all(apps.flatMap(({ application }) => [
      reviewer.post(`/api/v1/authority/applications/${application.id}/accept`, {}),
      second.get(`/api/v1/authority/applications/${application.id}`),
    ]));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const rows = await chained();
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(await verify()).toMatchObject({ ok: true, checkedRows: rows.length });
  });

  it('still gives one approval among many at once, and the losers leave nothing in the chain', async () => {
    const { reviewer, ids } = await withHistory(1);
    const before = (await chained()).length;
    const version = ((await reviewer.get(`/api/v1/authority/applications/${ids[0]}`)).json() as { version: number }).version;
    const results = await Promise.all(Array.from({ length: 30 }, () =>
      reviewer.post(`/api/v1/authority/applications/${ids[0]}/approve`, { expectedVersion: version })));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(29);
    const approvals = (await chained()).filter((r) => r.action === 'application.approve');
    expect(approvals).toHaveLength(1);
    expect((await chained()).length).toBeGreaterThan(before);
    expect((await verify()).ok).toBe(true);
  });
});
