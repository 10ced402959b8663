import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface RunningServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  output: () => string;
  /** Stops the process and removes the data directory, unless `keepData` (to start again on the same data). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts medreg as a user would (`npm run serve`: the compiled `packages/server/dist/main.js`, built by
 * global-setup) on a fresh embedded database with demo data, serving the built web app. Test captchas are on so a journey can type the answer the API gives.
 */
export interface StartOptions {
  /** An existing data directory (e.g. prepared by `npm run create-admin`); a fresh one otherwise. */
  dataDir?: string;
  /** Load the demo data (default); false starts as an installation does before its first administrator. */
  demo?: boolean;
  /** The port to listen on (e.g. the one of the run before a restart); a free one otherwise. */
  port?: number;
  /** More settings, e.g. MEDREG_CLOCK_OFFSET_DAYS. */
  env?: Record<string, string>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? await mkdtemp(path.join(os.tmpdir(), 'medreg-e2e-'));
  const port = options.port ?? await freePort();
  let log = '';
  // The embedded database of the data directory: no DATABASE_URL / READ_DATABASE_URL from the caller's shell.
  const { DATABASE_URL: _db, READ_DATABASE_URL: _read, PUBLIC_BASE_URL: _public, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['packages/server/dist/main.js', ...(options.demo === false ? [] : ['--demo'])], {
    cwd: ROOT,
    env: { ...inherited, MEDREG_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', MEDREG_TEST_CAPTCHA: '1', NODE_ENV: 'development', LOG_LEVEL: 'warn',
      // Certificates print their verification URL (QR code) for this very server.
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => { log += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { log += d.toString(); });
  const baseUrl = `http://127.0.0.1:${port}`;
  // A guard against a server that never comes up, not a speed target (a journey may share the machine).
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`medreg exited early:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok && log.includes('已启动')) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`medreg did not start in time:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    port,
    dataDir,
    output: () => log,
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
