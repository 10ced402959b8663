// `npm run restore -- <dir>`: a backup into an empty place (a new data directory; on PostgreSQL a new empty database).
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { Config } from '../config';
import { openEngine } from '../bootstrap';
import { openPglite } from '../db/engine';
import { PiiCipher } from '../security/pii';
import { lockDataDir } from '../storage/data-dir';
import { restoreBlobs } from './blob-copy';
import { devKeyFile, readKeyFile } from './keys';
import { BackupError, keyCheck, readManifest, sha256File, type BackupPart, type Manifest } from './manifest';
import { pgRestore } from './pg-tools';

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/** The key to restore with: MEDREG_PII_KEY, else the development key in the backup or in the target data directory. */
async function restoreKey(config: Config, source: string, manifest: Manifest): Promise<{ key: Buffer; install: boolean }> {
  if (config.MEDREG_PII_KEY) return { key: Buffer.from(config.MEDREG_PII_KEY, 'base64'), install: false };
  if (manifest.piiKey.included) {
    const key = await readKeyFile(path.join(source, 'secrets', 'pii.key'));
    if (key) return { key, install: true };
  }
  const existing = await readKeyFile(devKeyFile(config.MEDREG_DATA_DIR));
  if (existing) return { key: existing, install: false };
  throw new BackupError('这个备份中的 身份证号 用 PII 密钥加密，而备份不含密钥：请把备份时使用的密钥设置为 MEDREG_PII_KEY 后再恢复');
}

async function verifyPart(source: string, part: BackupPart): Promise<string> {
  const file = path.join(source, part.name);
  let sha: string;
  try {
    sha = await sha256File(file);
  } catch {
    throw new BackupError(`备份缺少 ${part.name}`);
  }
  if (sha !== part.sha256) throw new BackupError(`备份中的 ${part.name} 已损坏或被改动（SHA-256 与清单不符）`);
  return file;
}

async function postgresIsEmpty(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    return rows[0]!.n === 0;
  } finally {
    await client.end();
  }
}

/** Decrypts a few stored 身份证号 with the key: the restored data must be readable with it. */
async function checkDecrypts(config: Config, key: Buffer): Promise<number> {
  const { engine, release } = await openEngine(config);
  try {
    const rows = await engine.query<{ enc: Uint8Array }>(
      '(SELECT id_number_enc AS enc FROM physicians LIMIT 3) UNION ALL (SELECT id_number_enc AS enc FROM qualifications LIMIT 3)');
    const cipher = new PiiCipher(key);
    for (const row of rows) {
      try {
        cipher.decrypt(Buffer.from(row.enc));
      } catch {
        throw new BackupError('恢复后的数据无法用所给的 PII 密钥解密：请用备份时的密钥 (MEDREG_PII_KEY) 重新恢复到一个新的空位置');
      }
    }
    return rows.length;
  } finally {
    await release();
  }
}

/**
 * Restores into an empty place: the manifest and every part are checked first (SHA-256), and the key
 * must be the backup's (its HMAC check) before anything is written; afterwards stored 身份证号 are decrypted as proof.
 */
export async function restore(config: Config, source: string): Promise<{ manifest: Manifest; notes: string[] }> {
  const manifest = await readManifest(source);
  const engine = config.DATABASE_URL ? 'postgres' : 'pglite';
  if (manifest.engine !== engine) {
    throw new BackupError(`这是 ${manifest.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'} 的备份，当前配置使用 ${engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'}：请用同一种数据库恢复`);
  }
  const { key, install } = await restoreKey(config, source, manifest);
  if (keyCheck(key) !== manifest.piiKey.check) {
    throw new BackupError('所给的 PII 密钥与备份不符，无法解密备份中的 身份证号：请提供备份时使用的密钥 (MEDREG_PII_KEY)。未做任何改动。');
  }
  const dbPart = manifest.parts.find((p) => p.kind === 'postgres-dump' || p.kind === 'pglite-datadir');
  const blobPart = manifest.parts.find((p) => p.kind === 'blobs');
  if (!dbPart) throw new BackupError('备份清单不完整：缺少数据库部分');
  const dbFile = await verifyPart(source, dbPart);

  const blobRoot = path.join(config.MEDREG_DATA_DIR, 'blobs');
  if (blobPart && !(await isEmptyDir(blobRoot))) throw new BackupError(`文件存储 ${path.resolve(blobRoot)} 不是空的：请恢复到一个新的数据目录`);
  if (config.DATABASE_URL) {
    if (!(await postgresIsEmpty(config.DATABASE_URL))) throw new BackupError('DATABASE_URL 指向的数据库不是空的：请恢复到一个新建的空数据库');
    await pgRestore(config.DATABASE_URL, dbFile);
  } else {
    const pgliteDir = path.join(config.MEDREG_DATA_DIR, 'pglite');
    if (!(await isEmptyDir(pgliteDir))) throw new BackupError(`数据目录 ${path.resolve(pgliteDir)} 不是空的：请恢复到一个新的数据目录`);
    const unlock = await lockDataDir(config.MEDREG_DATA_DIR);
    try {
      const client = await openPglite(pgliteDir, new Blob([await readFile(dbFile)]));
      await client.close();
    } finally {
      await unlock();
    }
  }
  // A backup from before files moved into the database keeps them as files: put them back for `npm run blobs:import`.
  if (blobPart) await restoreBlobs(blobPart, source, blobRoot);
  if (install) {
    const file = devKeyFile(config.MEDREG_DATA_DIR);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  const checked = await checkDecrypts(config, key);
  return {
    manifest,
    notes: [
      `已从 ${path.resolve(source)} 恢复（${manifest.engine}，备份于 ${manifest.createdAt}，medreg ${manifest.medregVersion}）：数据库${blobPart ? `、文件存储 ${blobPart.files ?? 0} 个文件` : '（含照片、材料和 PDF）'}`,
      ...(blobPart ? ['这是旧版本的备份，文件在数据目录 blobs/ 中：启动后请运行 npm run blobs:import 把它们导入数据库。'] : []),
      ...(manifest.blobStore === 's3' ? ['备份时文件内容保存在 S3 存储桶中：请确认 MEDREG_BLOB_STORE=s3 并指向同一个（或已恢复的）存储桶。'] : []),
      `密钥校验通过，已用它解密 ${checked} 条 身份证号 样本。${install ? '开发密钥已写入数据目录 secrets/pii.key。' : ''}`,
      '启动 medreg 时会自动应用本版本新增的迁移。',
    ],
  };
}
