import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HAS_CHROMIUM } from './chromium';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BUILT = path.join(ROOT, 'packages/web/dist/index.html');
/** What the web bundle is built from: a change in any of these makes a built bundle stale. */
const SOURCES = ['packages/web/src', 'packages/web/index.html', 'packages/web/vite.config.ts', 'packages/domain/src'];

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

function builtAt(): number {
  try {
    return statSync(BUILT).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * The journeys need the built web app: `npm test` builds it here on a fresh clone, and again whenever the web
 * or domain sources changed since the last build (a pulled branch would otherwise be tested against yesterday's
 * pages). vitest sets NODE_ENV=test, and a Vite build inherits it: antd's ids then all read "test-id", so every
 * dialog is labelled by the first dialog's title. The build must be the production build users get.
 */
export default function setup(): void {
  if (!HAS_CHROMIUM) return;
  const built = builtAt();
  if (built > 0 && built >= Math.max(...SOURCES.map((s) => newestChange(path.join(ROOT, s))))) return;
  console.log(`[e2e] ${built ? 'the web app is older than its sources: rebuilding' : 'building the web app'} (npm run build)…`);
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
