/** medreg with the demo data and the lifecycle physicians (lifecycle-data.ts), for the registration-lifecycle journeys. */
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from './server';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export async function startLifecycleServer(): Promise<RunningServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'medreg-e2e-lifecycle-'));
  // The embedded database of that data directory: no DATABASE_URL from the caller's shell.
  const { DATABASE_URL: _db, READ_DATABASE_URL: _read, ...inherited } = process.env;
  execFileSync(process.execPath, ['--import', 'tsx', 'packages/e2e/test/support/seed-lifecycle.ts'], {
    cwd: ROOT, env: { ...inherited, MEDREG_DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'inherit', 'inherit'],
  });
  return startServer({ dataDir });
}
