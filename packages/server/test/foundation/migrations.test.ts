import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite, pgliteEngine } from '../../src/db/engine';
import { migrate, MigrationError } from '../../src/db/migrate';
import { DataDirLockedError, lockDataDir } from '../../src/storage/data-dir';

describe('migrations', () => {
  it('leaves the database as it was when a migration fails', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'medreg-mig-'));
    await writeFile(path.join(dir, '20260101000000_create_good.sql'), 'CREATE TABLE good (id int);');
    await writeFile(path.join(dir, '20260101000100_create_bad.sql'), 'CREATE TABLE half_done (id int);\nSELECT no_such_function();');
    const engine = pgliteEngine(await openPglite(undefined));
    try {
      await expect(migrate(engine, dir)).rejects.toBeInstanceOf(MigrationError);
      const tables = await engine.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.map((t) => t.name)).toContain('good');
      expect(tables.map((t) => t.name)).not.toContain('half_done');
      const applied = await engine.query<{ name: string }>('SELECT name FROM schema_migrations');
      expect(applied.map((a) => a.name)).toEqual(['20260101000000_create_good.sql']);
      // Applying again is a no-op for what succeeded, and fails again on the bad file.
      await expect(migrate(engine, dir)).rejects.toThrow(/20260101000100_create_bad\.sql/);
    } finally {
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('embedded data directory', () => {
  it('refuses a second opener with a clear Chinese message', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'medreg-lock-'));
    const release = await lockDataDir(dir);
    try {
      await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(lockDataDir(dir)).rejects.toThrow(/已被另一个 medreg 进程占用/);
    } finally {
      await release();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
