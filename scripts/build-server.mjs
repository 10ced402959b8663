// Compiles the server (and the @medreg/domain sources it imports) into packages/server/dist with esbuild:
// one ESM file per entry (the server, each CLI, each worker_threads entry) plus shared chunks, all flat in dist/
// so that src/server-files.ts finds packages/server from any of them.
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

/**
 * npm packages are bundled too — resolving and compiling hundreds of small files from node_modules was most of a
 * start — except those that read their own files at run time (wasm, native addons, fonts, static assets) or are
 * loaded only when a feature is used; these stay external, resolved by Node from node_modules.
 */
const EXTERNAL_PACKAGES = [
  '@electric-sql/pglite', // its wasm and data files sit beside its modules
  '@node-rs/argon2', 'sharp', // native addons
  'pdfkit', 'pdf-lib', 'exceljs', '@aws-sdk/client-s3', // loaded on first use (certificates, exports, S3 storage)
  'svg-captcha', 'bwip-js', // fonts and encoders read from their package
  '@fastify/swagger-ui', // serves swagger-ui-dist's static files
  'pino', 'thread-stream', // transports start worker threads by file path
  'pg-native', // pg's optional native driver
];
const externalPackage = (path) => EXTERNAL_PACKAGES.some((name) => path === name || path.startsWith(`${name}/`));

const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (externalPackage(args.path) ? { path: args.path, external: true } : undefined));
  },
};

/** Bundled CommonJS packages call require() for Node's own modules: an ES module has none of its own. */
const BANNER = "import { createRequire as __medregCreateRequire } from 'node:module'; const require = __medregCreateRequire(import.meta.url);";

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
  banner: { js: BANNER },
  logLevel: 'warning',
});
console.log(`server built into packages/server/dist in ${Date.now() - started} ms`);
