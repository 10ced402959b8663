import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HAS_CHROMIUM } from './chromium';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The journeys need the built web app; `npm test` on a fresh clone builds it once here.
 * vitest sets NODE_ENV=test, and a Vite build inherits it: antd's ids then all read "test-id", so every
 * dialog is labelled by the first dialog's title. The build must be the production build users get.
 */
export default function setup(): void {
  if (!HAS_CHROMIUM) return;
  if (existsSync(`${ROOT}packages/web/dist/index.html`)) return;
  console.log('[e2e] building the web app (npm run build)…');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
