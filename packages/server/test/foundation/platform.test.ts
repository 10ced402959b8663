import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem } from '../helpers/agent';

describe('platform endpoints', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
  });

  it('answers an unknown API path with a JSON 404 problem in Chinese', async () => {
    const res = await t.app.inject('/api/v1/no-such-thing');
    expectProblem(res, 404, 'NOT_FOUND');
  });

  it('publishes OpenAPI 3.1 generated from the route schemas', async () => {
    const res = await t.app.inject('/api/openapi.json');
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/session');
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('exposes Prometheus metrics', async () => {
    const res = await t.app.inject('/metrics');
    expect(res.body).toContain('medreg_http_request_duration_seconds');
  });

  it('refuses malformed JSON with a 400 problem, not a 5xx', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: '{"loginName":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});
