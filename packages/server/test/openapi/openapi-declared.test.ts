import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';

interface Operation {
  parameters?: { in: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type Doc = { paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the published document, as `METHOD path`. */
function operations(doc: Doc): [string, string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).filter(([m]) => METHODS.includes(m)).map(([m, op]) => [`${m.toUpperCase()} ${path}`, path, op] as [string, string, Operation]));
}

/** What an operation fails to declare: a success body schema, and the error statuses its shape implies. */
function missing(path: string, op: Operation, isPublic: boolean): string[] {
  const responses = op.responses ?? {};
  const out: string[] = [];
  const success = Object.entries(responses).filter(([s]) => /^2\d\d$|^3\d\d$/.test(s));
  // `{}` (z.unknown()) declares nothing: an integrator could not validate the answer against it.
  const declares = (schema: unknown) => typeof schema === 'object' && schema !== null && Object.keys(schema).some((k) => k !== 'description');
  if (!success.some(([s, r]) => s === '204' || /^3/.test(s) || Object.values(r.content ?? {}).some((c) => declares(c.schema)))) out.push('success schema');
  const hasInput = Boolean(op.requestBody) || (op.parameters ?? []).length > 0;
  const want = [
    ...(hasInput ? ['400'] : []),
    ...(isPublic ? [] : ['401', '403']),
    ...(path.includes('{') ? ['404'] : []),
  ];
  for (const s of want) {
    const c = responses[s]?.content ?? {};
    if (!c['application/problem+json']?.schema) out.push(`${s} problem+json`);
  }
  return out;
}

describe('OpenAPI: every operation declares its responses', () => {
  let t: TestApp;
  let doc: Doc;
  let publicOps: Set<string>;
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.app.inject('/api/openapi.json')).json() as Doc;
    // Which operations admit anonymous callers: those without a security requirement.
    publicOps = new Set(operations(doc).filter(([, , op]) => !op.security?.length).map(([key]) => key));
  });
  afterAll(async () => { await t.close(); });

  it('marks the operations that need an account with the session scheme', () => {
    const ops = new Map(operations(doc).map(([key, , op]) => [key, op]));
    expect(ops.get('GET /api/v1/authority/queue')?.security).toEqual([{ session: [] }]);
    expect(ops.get('POST /api/v1/applications')?.security).toEqual([{ session: [], csrf: [] }]);
    expect(ops.get('GET /api/v1/public/announcements')?.security).toBeUndefined();
  });

  it('names every operation without a success schema or without its error statuses', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(100);
    const gaps = ops.map(([key, path, op]) => [key, missing(path, op, publicOps.has(key))] as const)
      .filter(([, m]) => m.length > 0);
    expect(gaps.map(([key, m]) => `${key}: ${m.join(', ')}`)).toEqual([]);
  });

  it('declares error bodies as the one problem+json schema', () => {
    // FHIR answers its refusals as OperationOutcome resources (application/fhir+json), as FHIR clients expect.
    for (const [key, , op] of operations(doc).filter(([, path]) => !path.startsWith('/fhir'))) {
      for (const [status, r] of Object.entries(op.responses ?? {})) {
        if (!/^[45]/.test(status)) continue;
        expect(Object.keys(r.content ?? {}), `${key} ${status}`).toEqual(['application/problem+json']);
      }
    }
  });
});
