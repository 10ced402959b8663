import { defineConfig } from 'vitest/config';

// Projects: `domain` (pure rules), `server-pglite` (integration on embedded PGlite),
// `server-postgres` (the same integration tests on TEST_DATABASE_URL), `e2e` (Chromium journeys).
//
// Every file runs in one pool of workers, the browser journeys among the integration files: a journey's time is
// mostly its server process and Chromium, an integration file's partly PostgreSQL's, so two workers keep both
// cores busy on a small machine (MEDREG_TEST_WORKERS for more). Each journey starts its own server on a free port and data directory, so they may overlap.
const workers = Number(process.env.MEDREG_TEST_WORKERS) || 2;

export default defineConfig({
  test: {
    maxWorkers: workers,
    projects: [
      {
        test: {
          name: 'domain',
          include: ['packages/domain/src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server-pglite',
          include: ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'],
          env: { MEDREG_TEST_ENGINE: 'pglite' },
          globalSetup: ['packages/server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server-postgres',
          include: ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'],
          env: { MEDREG_TEST_ENGINE: 'postgres' },
          globalSetup: ['packages/server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['packages/e2e/test/**/*.test.ts'],
          globalSetup: ['packages/e2e/test/support/global-setup.ts'],
          // A journey shares the machine with another file: the limit is a guard against a hang, not a speed target.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
