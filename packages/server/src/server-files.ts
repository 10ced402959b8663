// Files the server reads at run time (migrations, fonts, workers), found from packages/server whether the
// process runs the TypeScript sources (tests, tsx) or the compiled bundle in packages/server/dist.
// This file sits in src/, at the same depth as the bundle's files in dist/: '../' is packages/server/ in both.
const SERVER_ROOT = new URL('../', import.meta.url);

/** True when running the esbuild output (packages/server/dist/*.js), false when running src/*.ts. */
export const COMPILED = import.meta.url.endsWith('.js');

/** A file under packages/server, e.g. serverFile('assets/fonts/NotoSansSC-Regular.woff'). */
export function serverFile(relative: string): URL {
  return new URL(relative, SERVER_ROOT);
}

/**
 * The URL of a worker_threads entry, for `new Worker(workerEntry('src/jobs/x-worker.ts'))`: the source file
 * when running from source, and `dist/x-worker.js` when compiled. Every TypeScript worker must also be listed in
 * WORKER_ENTRIES of scripts/build-server.mjs, which emits it as its own bundle under that name.
 */
export function workerEntry(sourcePath: `src/${string}.ts`): URL {
  if (!COMPILED) return serverFile(sourcePath);
  const name = sourcePath.slice(sourcePath.lastIndexOf('/') + 1, -'.ts'.length);
  return serverFile(`dist/${name}.js`);
}
