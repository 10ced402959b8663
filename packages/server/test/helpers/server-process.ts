// The real server (`node --import tsx src/main.ts`) as a child process, for start-up, crash and restore tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const SERVER_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** The caller's environment without anything that would point the child at another database. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, READ_DATABASE_URL: _read, PUBLIC_BASE_URL: _pub, MEDREG_PII_KEY: _key, MEDREG_DEMO_DATA: _demo, NODE_ENV: _env, ...rest } = process.env;
  return rest;
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string>;
  /** Milliseconds from spawn to the first answer of /healthz (set once up). */
  startMs: number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Spawns the server; `waitUp` (default) waits for /healthz and the start banner. */
export async function startServerProcess(env: Record<string, string>, o: { args?: string[]; waitUp?: boolean; timeoutMs?: number } = {}): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort());
  let log = '';
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...(o.args ?? [])], {
    cwd: SERVER_ROOT,
    env: { ...cleanEnv(), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => { log += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { log += d.toString(); });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const server: ServerProcess = {
    child, baseUrl: `http://127.0.0.1:${port}`, output: () => log, exited, startMs: -1,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  if (o.waitUp === false) return server;
  const deadline = started + (o.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`medreg exited early (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${server.baseUrl}/healthz`);
      if (res.ok) {
        if (server.startMs < 0) server.startMs = Date.now() - started;
        if (log.includes('已启动')) break;
      }
    } catch { /* not up yet */ }
    if (Date.now() > deadline) {
      await server.stop('SIGKILL');
      throw new Error(`medreg did not start in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return server;
}

/** A fetch-based client that keeps the session cookie and echoes the CSRF token, like a browser. */
export class HttpAgent {
  cookie: string | undefined;
  csrfToken: string | undefined;
  constructor(readonly baseUrl: string) {}

  async request(method: string, url: string, body?: unknown): Promise<{ status: number; json: () => unknown; text: string }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const res = await fetch(this.baseUrl + url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      if (pair?.startsWith('medreg_session=')) this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) as unknown };
  }

  /** Logs in with the test captcha answer (MEDREG_TEST_CAPTCHA=1) or, in production, fails on the captcha. */
  async login(loginName: string, password: string) {
    const captcha = (await this.request('GET', '/api/v1/captcha')).json() as { id: string; testAnswer?: string };
    const res = await this.request('POST', '/api/v1/session', { loginName, password, captchaId: captcha.id, captchaAnswer: captcha.testAnswer ?? 'x' });
    if (res.status === 200) this.csrfToken = (res.json() as { csrfToken: string }).csrfToken;
    return res;
  }
}
