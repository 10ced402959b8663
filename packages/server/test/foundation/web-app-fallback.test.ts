import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem } from '../helpers/agent';

describe('unknown paths, with and without a built web app', () => {
  let t: TestApp;
  let dir: string;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    dir = await mkdtemp(path.join(os.tmpdir(), 'medreg-web-'));
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a page path with a 404 that says the web app is not built, never a 500, when dist is missing', async () => {
    const app = await buildApp({ deps: t.deps, webDist: path.join(dir, 'missing') });
    apps.push(app);
    const res = await app.inject('/physician/home');
    expectProblem(res, 404, 'NOT_FOUND');
    expect(res.json().detail).toContain('npm run build');
    expectProblem(await app.inject('/api/v1/nothing-here'), 404, 'NOT_FOUND');
  });

  it('falls back to index.html for client-side routes when the web app is built, and keeps API 404s as problems', async () => {
    const dist = path.join(dir, 'dist');
    await import('node:fs/promises').then((fs) => fs.mkdir(dist));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>medreg</title>');
    const app = await buildApp({ deps: t.deps, webDist: dist });
    apps.push(app);
    const page = await app.inject('/institution/applications');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>medreg</title>');
    expectProblem(await app.inject('/api/v1/nothing-here'), 404, 'NOT_FOUND');
  });
});
