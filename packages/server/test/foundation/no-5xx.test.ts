// Whatever a user types, the API answers with a 4xx refusal, never a 5xx: random input thrown at every
// /api/v1 operation of the OpenAPI document, as every kind of actor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, loggedIn } from '../helpers/agent';
import { makeApplication, makeAuthorityStaff, makeInstitution, makePhysician, PASSWORD } from '../helpers/factories';

type Operation = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; bodyKeys: string[]; queryKeys: string[] };

const junkString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'null', 'true', "' OR 1=1 --", '<script>', '../../etc/passwd', '11010519491231002X',
    '110105194912310021', '2026-02-30', '9999-99-99', '00000000-0000-0000-0000-000000000000', 'x'.repeat(5000), '张三·李四', '\u0000'),
  fc.uuid(),
);
const junkValue = fc.oneof(junkString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.array(junkString, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), junkString, { maxKeys: 3 }));

function operations(doc: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }; parameters?: { in: string; name: string }[] }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1')) continue;
    for (const [method, op] of Object.entries(methods)) {
      const body = op.requestBody?.content?.['application/json']?.schema?.properties ?? {};
      ops.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        bodyKeys: Object.keys(body),
        queryKeys: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      });
    }
  }
  // Logging out would end the sessions the other operations use.
  return ops.filter((o) => !(o.method === 'DELETE' && o.path === '/api/v1/session'));
}

describe('no 5xx from user input', () => {
  let t: TestApp;
  let agents: Agent[];
  let ids: string[];
  beforeAll(async () => {
    t = await createTestApp();
    const inst = await makeInstitution(t.deps);
    const p = await makePhysician(t.deps);
    const app = await makeApplication(t.deps, {
      physicianId: p.physician.id, physicianName: p.name, idNumber: p.idNumber, institutionId: inst.institution.id,
      authorityId: inst.authorityId, qualificationId: p.qualification.id,
    });
    const reviewer = await makeAuthorityStaff(t.deps, inst.authorityId, 'authority_admin');
    agents = [
      new Agent(t.app),
      await loggedIn(t.app, p.loginName, PASSWORD),
      await loggedIn(t.app, inst.clerkLogin, PASSWORD),
      await loggedIn(t.app, inst.adminLogin, PASSWORD),
      await loggedIn(t.app, reviewer.loginName, PASSWORD),
    ];
    ids = [app.id, inst.institution.id, p.physician.id];
  });
  afterAll(async () => { await t.close(); });

  it('answers random input to every operation with a status below 500', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(40);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const op of ops) {
      await fc.assert(fc.asyncProperty(
        fc.constantFrom(...agents.keys()),
        fc.oneof(fc.constantFrom(...ids), junkString),
        fc.dictionary(fc.constantFrom(...(op.bodyKeys.length ? op.bodyKeys : ['x'])), junkValue, { maxKeys: 6 }),
        fc.dictionary(fc.constantFrom(...(op.queryKeys.length ? op.queryKeys : ['x'])), junkString, { maxKeys: 4 }),
        async (who, param, body, query) => {
          const path = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(param));
          const qs = new URLSearchParams(query).toString();
          const url = qs ? `${path}?${qs}` : path;
          const res = await agents[who]!.request(op.method, url, op.method === 'GET' || op.method === 'DELETE' ? undefined : body);
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode >= 500) failures.push(`${op.method} ${url} as #${who} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          return res.statusCode < 500;
        },
      ), { numRuns: 25, seed: 20261127 }).catch(() => undefined);
    }
    // The input did reach the handlers: refusals of bad input, not only of the wrong actor.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 240_000);
});
