// `npm run backup -- <dir>`: everything a restore needs, in one new directory.
import { copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config';
import { openPglite } from '../db/engine';
import { DataDirLockedError, lockDataDir } from '../storage/data-dir';
import { BackupError, FORMAT, FORMAT_VERSION, MANIFEST_FILE, keyCheck, medregVersion, sha256File, type BackupPart, type Manifest } from './manifest';
import { pgDump } from './pg-tools';
import { devKeyFile, readKeyFile } from './keys';

export interface BackupOptions {
  /** Development only: copy the data directory's secrets/pii.key into the backup. */
  includeDevKey?: boolean;
}

export interface BackupResult {
  manifest: Manifest;
  /** What the operator must know, above all where the key has to be kept. */
  notes: string[];
}

async function filePart(dir: string, name: string, kind: BackupPart['kind']): Promise<BackupPart> {
  const file = path.join(dir, name);
  return { name, kind, sha256: await sha256File(file), bytes: (await stat(file)).size };
}

async function emptyTarget(dir: string): Promise<void> {
  try {
    if ((await readdir(dir)).length > 0) throw new BackupError(`备份目录 ${path.resolve(dir)} 不是空目录：请指定一个新的目录`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dir, { recursive: true });
}

async function dumpPglite(dataDir: string, file: string): Promise<string[]> {
  let unlock: () => Promise<void>;
  try {
    unlock = await lockDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new BackupError(`${error.message}\n嵌入式数据库 (PGlite) 的备份须在 medreg 停止时进行：请先停止服务器，再运行 npm run backup。`);
    }
    throw error;
  }
  try {
    const client = await openPglite(path.join(dataDir, 'pglite'));
    try {
      const migrations = (await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
      const dump = await client.dumpDataDir('gzip');
      await writeFile(file, Buffer.from(await dump.arrayBuffer()));
      return migrations;
    } finally {
      await client.close();
    }
  } finally {
    await unlock();
  }
}

async function postgresMigrations(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/**
 * Backs up the database (PostgreSQL: pg_dump, custom format; PGlite: the data directory dumped
 * with dumpDataDir while the server is stopped), then the blob store, then writes the manifest.
 * Blobs are only ever added and are copied after the database, so every blob the dump refers to is there.
 * The PII key is not put into the backup, except the development key with `includeDevKey`.
 */
export async function backup(config: Config, target: string, o: BackupOptions = {}): Promise<BackupResult> {
  const envKey = config.MEDREG_PII_KEY;
  if (o.includeDevKey && config.NODE_ENV === 'production') throw new BackupError('生产环境不得把密钥放进备份（--include-dev-key 仅用于开发环境）');
  if (o.includeDevKey && envKey) throw new BackupError('密钥来自 MEDREG_PII_KEY，不在数据目录中：--include-dev-key 不适用。请把 MEDREG_PII_KEY 保存在备份之外的安全位置');
  const key = envKey ? Buffer.from(envKey, 'base64') : await readKeyFile(devKeyFile(config.MEDREG_DATA_DIR));
  if (!key) throw new BackupError(`找不到 PII 密钥：既没有设置 MEDREG_PII_KEY，数据目录中也没有 ${devKeyFile(config.MEDREG_DATA_DIR)}`);

  await emptyTarget(target);
  const parts: BackupPart[] = [];
  let migrations: string[];
  const engine = config.DATABASE_URL ? 'postgres' : 'pglite';
  if (config.DATABASE_URL) {
    const file = path.join(target, 'database.dump');
    await pgDump(config.DATABASE_URL, file);
    migrations = await postgresMigrations(config.DATABASE_URL);
    parts.push(await filePart(target, 'database.dump', 'postgres-dump'));
  } else {
    const file = path.join(target, 'pglite-datadir.tar.gz');
    migrations = await dumpPglite(config.MEDREG_DATA_DIR, file);
    parts.push(await filePart(target, 'pglite-datadir.tar.gz', 'pglite-datadir'));
  }
  if (o.includeDevKey) {
    const file = path.join(target, 'secrets', 'pii.key');
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await copyFile(devKeyFile(config.MEDREG_DATA_DIR), file);
    parts.push(await filePart(target, 'secrets/pii.key', 'dev-key'));
  }
  const manifest: Manifest = {
    format: FORMAT, formatVersion: FORMAT_VERSION, medregVersion: await medregVersion(), engine, createdAt: new Date().toISOString(), migrations, parts,
    piiKey: { source: envKey ? 'MEDREG_PII_KEY' : 'data-dir', included: Boolean(o.includeDevKey), check: keyCheck(key) },
    blobStore: config.MEDREG_BLOB_STORE,
  };
  await writeFile(path.join(target, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

  const notes = [`备份已写入 ${path.resolve(target)}（${engine === 'postgres' ? 'PostgreSQL pg_dump 自定义格式' : 'PGlite 数据目录 (dumpDataDir)'} + manifest.json）`];
  notes.push(config.MEDREG_BLOB_STORE === 's3'
    ? `照片、材料和 PDF 的内容保存在 S3 存储桶 ${config.MEDREG_S3_BUCKET ?? ''} 中，不在此备份内：请以存储桶的版本控制或跨区域复制备份它（数据库中的索引已在备份内）。`
    : '照片、材料和生成的 PDF 保存在数据库中，已包含在本备份内。');
  if (envKey) notes.push('密钥未放入备份：恢复时须设置同一个 MEDREG_PII_KEY。请把它保存在备份之外的安全位置（密钥管理系统 / 保险箱），不要与备份放在一起。');
  else if (o.includeDevKey) notes.push('开发密钥 secrets/pii.key 已按 --include-dev-key 放入备份：此备份本身即可解密 身份证号，请妥善保管。');
  else notes.push(`密钥未放入备份：恢复时需要 ${path.resolve(devKeyFile(config.MEDREG_DATA_DIR))}（或作为 MEDREG_PII_KEY 提供其内容）。开发环境可加 --include-dev-key 把它一并备份。`);
  return { manifest, notes };
}
