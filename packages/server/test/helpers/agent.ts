import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like client for app.inject: keeps the session cookie and echoes the CSRF token. */
export class Agent {
  cookie: string | undefined;
  csrfToken: string | undefined;

  /** `remoteAddress`: the client's socket address (app.inject's default is 127.0.0.1). */
  constructor(private readonly app: FastifyInstance, private readonly client: { remoteAddress?: string } = {}) {}

  async request(method: Method, url: string, body?: unknown, extra: Partial<InjectOptions> = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(extra.headers as Record<string, string> | undefined) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const res = await this.app.inject({ method, url, ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}), ...this.client, ...extra, headers });
    const setCookie = res.headers['set-cookie'];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = c.split(';');
      if (pair?.startsWith('medreg_session=')) this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    return res;
  }

  get(url: string) { return this.request('GET', url); }
  post(url: string, body?: unknown) { return this.request('POST', url, body ?? {}); }
  put(url: string, body?: unknown) { return this.request('PUT', url, body ?? {}); }
  patch(url: string, body?: unknown) { return this.request('PATCH', url, body ?? {}); }
  delete(url: string) { return this.request('DELETE', url); }

  /** Fetches a captcha and returns its id with the test answer (MEDREG_TEST_CAPTCHA is on in tests). */
  async captcha(): Promise<{ captchaId: string; captchaAnswer: string }> {
    const res = await this.get('/api/v1/captcha');
    const body = res.json() as { id: string; testAnswer: string };
    return { captchaId: body.id, captchaAnswer: body.testAnswer };
  }

  /** Logs in and remembers the cookie and CSRF token. */
  async login(loginName: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.post('/api/v1/session', { loginName, password, ...(await this.captcha()) });
    if (res.statusCode === 200) this.csrfToken = (res.json() as { csrfToken: string }).csrfToken;
    return res;
  }
}

export async function loggedIn(app: FastifyInstance, loginName: string, password: string): Promise<Agent> {
  const agent = new Agent(app);
  const res = await agent.login(loginName, password);
  expect(res.statusCode, res.body).toBe(200);
  return agent;
}

/** Asserts an RFC 9457 refusal with the given status and code; returns the problem body. */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  const body = res.json() as { code: string; title: string; detail: string; errors?: { path: (string | number)[] }[] };
  expect(body.code).toBe(code);
  expect(body.detail).toMatch(/[\u4e00-\u9fff]/);
  return body;
}
