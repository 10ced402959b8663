// `npm run migrate`: applies pending migrations to the configured engine and exits non-zero on failure.
import { loadConfig } from '../config';
import { openEngine } from '../bootstrap';
import { migrate } from './migrate';

async function main(): Promise<void> {
  const config = loadConfig();
  const { engine, release } = await openEngine(config);
  try {
    const { applied } = await migrate(engine);
    console.log(applied.length ? `已应用迁移 (applied):\n  ${applied.join('\n  ')}` : '数据库已是最新 (up to date)');
  } finally {
    await release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
