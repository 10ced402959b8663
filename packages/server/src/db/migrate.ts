import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Engine } from './engine';
import { serverFile } from '../server-files';

const MIGRATIONS_DIR = fileURLToPath(serverFile('src/db/migrations'));
const NAME = /^\d{14}_[a-z0-9_]+\.sql$/;

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies the plain-SQL migrations in name (timestamp) order. Each file runs in its own
 * transaction together with its bookkeeping row, so a failed file leaves the database as it was.
 */
export async function migrate(engine: Engine, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  await engine.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = (await readdir(dir)).filter((f) => NAME.test(f)).sort();
  const applied: string[] = [];
  for (const file of files) {
    const script = await readFile(path.join(dir, file), 'utf8');
    try {
      if (await engine.applyMigration(file, script)) applied.push(file);
    } catch (error) {
      throw new MigrationError(file, error);
    }
  }
  return { applied };
}

export class MigrationError extends Error {
  constructor(readonly file: string, cause: unknown) {
    super(`迁移 ${file} 失败，数据库未作改动：${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}
