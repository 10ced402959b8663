// `npm run restore -- <backup-directory>`: into the configured, empty place (MEDREG_DATA_DIR; DATABASE_URL on PostgreSQL).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { restore } from '../backup/restore';

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new Error('用法: npm run restore -- <备份目录>');
  const result = await restore(loadConfig(), positionals[0]!);
  for (const line of result.notes) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
