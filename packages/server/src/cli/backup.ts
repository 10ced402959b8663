// `npm run backup -- <new-directory> [--include-dev-key]`: database + blob store + manifest (see README, 备份与恢复).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { backup } from '../backup/backup';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'include-dev-key': { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new Error('用法: npm run backup -- <备份目录> [--include-dev-key]');
  const result = await backup(loadConfig(), positionals[0]!, { includeDevKey: values['include-dev-key'] });
  for (const line of result.notes) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
