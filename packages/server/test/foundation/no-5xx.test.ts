// Whatever a user types, the API answers with a 4xx refusal, never a 5xx: random input thrown at every
// /api/v1 operation of the OpenAPI document, as every kind of actor — including strings with NUL and other
// controls, bidi and zero-width characters, lone surrogates and combining marks, and wrong-typed cursors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, loggedIn } from '../helpers/agent';
import { makeApplication, makeAuthorityStaff, makeInstitution, makePhysician, PASSWORD } from '../helpers/factories';

type Schema = { enum?: unknown[]; default?: unknown };
type Operation = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string;
  /** Body and query fields with the values their schema allows, if it lists them (enums). */
  body: Map<string, unknown[]>; query: Map<string, unknown[]>;
};

/**
 * Characters that cannot be stored (NUL: PostgreSQL text cannot hold it) or that hide and reverse text: C0 and
 * C1 controls, bidi embeddings/overrides/isolates, zero-width characters and marks, BOM, line separator, lone
 * surrogates, combining marks.
 */
const hostileChar = fc.oneof({ arbitrary: fc.constant('\u0000'), weight: 4 }, fc.constantFrom('\u0001', '\u0007', '\u0008', '\t', '\n', '\u000B', '\r', '\u001B', '\u001F', '\u007F',
  '\u0085', '\u009F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200C',
  '\u200D', '\u200E', '\u200F', '\uFEFF', '\u2028', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0301', '\u0336', '\u20DD', '\u3164'));
/** Plausible values with a hostile character inside, and random text built partly of such characters. */
const hostileString = fc.oneof(
  fc.tuple(fc.constantFrom('', '张三', '北京市海淀医院', '国庆节', 'admin_01', '2026-09-28', 'BT-01'), hostileChar, fc.constantFrom('', '李四', '医院', '1'))
    .map(([a, c, b]) => a + c + b),
  fc.string({ unit: fc.oneof(hostileChar, fc.constantFrom('张', 'a', '1', ' ', '·')), maxLength: 12 }),
);
/** A well-formed cursor (base64url JSON) whose parts have the wrong types or impossible values. */
const cursorPart = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.uuid(), fc.string({ maxLength: 8 }), hostileString,
  fc.constantFrom('2026-09-28', '2026-09-28T08:00:00.123456Z', '2026-02-30', '2026-13-45T99:99:99.000000Z', '294277-01-01',
    '2026-01-01 00:00 Mars/Olympus', '1e309', 'asc', 'desc', '00000000-0000-0000-0000-000000000000'),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }));
const junkCursor = fc.array(cursorPart, { maxLength: 4 }).map((parts) => Buffer.from(JSON.stringify(parts)).toString('base64url'));

const junkString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'null', 'true', "' OR 1=1 --", '<script>', '../../etc/passwd', '11010519491231002X',
    '110105194912310021', '2026-02-30', '9999-99-99', '00000000-0000-0000-0000-000000000000', 'x'.repeat(5000), '张三·李四', '\u0000'),
  fc.uuid(),
  { arbitrary: hostileString, weight: 3 },
  junkCursor,
);
const junkValue = fc.oneof(junkString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.array(junkString, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), junkString, { maxKeys: 3 }));

function allowedValues(schema: Schema | undefined): unknown[] {
  return [...(schema?.enum ?? []), ...(schema?.default !== undefined ? [schema.default] : [])];
}

function operations(doc: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, Schema> } }> }; parameters?: { in: string; name: string; schema?: Schema }[] }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1')) continue;
    for (const [method, op] of Object.entries(methods)) {
      const body = op.requestBody?.content?.['application/json']?.schema?.properties ?? {};
      ops.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        body: new Map(Object.entries(body).map(([k, v]) => [k, allowedValues(v)])),
        query: new Map((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, allowedValues(p.schema)])),
      });
    }
  }
  // Logging out would end the sessions the other operations use.
  return ops.filter((o) => !(o.method === 'DELETE' && o.path === '/api/v1/session'));
}

/**
 * Random fields for a body or query: half the time a few fields with junk; otherwise one field with a hostile
 * string (or a wrong-typed cursor) and the rest absent or set to a value their schema lists (an enum), so that the
 * hostile value gets past the other fields' validation and reaches the handler and the database.
 */
function fields(keys: Map<string, unknown[]>, junk: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  const names = keys.size ? [...keys.keys()] : ['x'];
  const allowed = Object.fromEntries([...keys].filter(([, values]) => values.length).map(([k, values]) => [k, fc.constantFrom(...values)]));
  const broad = fc.dictionary(fc.constantFrom(...names), junk, { maxKeys: 4 });
  const focused = fc.tuple(fc.constantFrom(...names), fc.record(allowed, { requiredKeys: [] }), hostileString, junkCursor)
    .map(([key, rest, text, cursor]) => ({ ...rest, [key]: key === 'cursor' ? cursor : text }));
  return fc.oneof(broad, focused);
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
    const send = async (who: number, op: Operation, url: string, body: unknown) => {
      const res = await agents[who]!.request(op.method, url, op.method === 'GET' || op.method === 'DELETE' ? undefined : body);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) failures.push(`${op.method} ${url} ${JSON.stringify(body)} as #${who} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      return res.statusCode;
    };
    for (const op of ops) {
      // Every kind of actor tries the operation; the random input then goes to those it does not turn away
      // before reading the input (audience and role), so that it reaches the handlers.
      const admitted: number[] = [];
      for (const who of agents.keys()) {
        const status = await send(who, op, op.path.replace(/\{[^}]+\}/g, ids[0]!), {});
        if (status !== 401 && status !== 403) admitted.push(who);
      }
      await fc.assert(fc.asyncProperty(
        fc.constantFrom(...(admitted.length ? admitted : [...agents.keys()])),
        fc.oneof(fc.constantFrom(...ids), junkString),
        fields(op.body, junkValue),
        fields(op.query, junkString),
        async (who, param, body, query) => {
          const path = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(param));
          const qs = new URLSearchParams(query as Record<string, string>).toString();
          return (await send(who, op, qs ? `${path}?${qs}` : path, body)) < 500;
        },
      ), { numRuns: 15, seed: 20261127 }).catch(() => undefined);
    }
    // The input did reach the handlers: refusals of bad input, not only of the wrong actor.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(500);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 240_000);
});
