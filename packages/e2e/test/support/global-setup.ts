import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HAS_CHROMIUM } from './chromium';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Each build the journeys run, what it writes last, and what it is built from (a newer source makes it stale). */
const BUILDS = [
  {
    what: 'the web app', script: 'build -w @medreg/web', built: 'packages/web/dist/index.html',
    sources: ['packages/web/src', 'packages/web/index.html', 'packages/web/vite.config.ts', 'packages/domain/src'],
  },
  {
    what: 'the server', script: 'build:server', built: 'packages/server/dist/main.js',
    sources: ['packages/server/src', 'packages/domain/src', 'scripts/build-server.mjs'],
  },
];

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

function builtAt(file: string): number {
  try {
    return statSync(path.join(ROOT, file)).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * The journeys need the built web app and the compiled server (they start it as `npm run serve` does): `npm test`
 * builds them here on a fresh clone, and again whenever their sources changed since the last build (a pulled
 * branch would otherwise be tested against yesterday's code). vitest sets NODE_ENV=test, and a Vite build inherits it: antd's ids then all read "test-id", so every
 * dialog is labelled by the first dialog's title. The build must be the production build users get.
 */
export default function setup(): void {
  if (!HAS_CHROMIUM) return;
  for (const build of BUILDS) {
    const built = builtAt(build.built);
    if (built > 0 && built >= Math.max(...build.sources.map((s) => newestChange(path.join(ROOT, s))))) continue;
    console.log(`[e2e] ${built ? `${build.what} is older than its sources: rebuilding` : `building ${build.what}`} (npm run ${build.script})…`);
    execFileSync('npm', ['run', ...build.script.split(' ')], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
}
