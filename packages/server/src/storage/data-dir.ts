import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import lockfile from 'proper-lockfile';

/**
 * The embedded PGlite data directory is opened by one process at a time.
 * A second process gets a clear message instead of corrupting the files.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'medreg.lock'),
      stale: 60_000,
      update: 10_000,
      // A busy machine can delay the lock's refresh; keep serving and say so instead of crashing.
      onCompromised: (error) => console.warn(`数据目录锁刷新延迟：${error.message}`),
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new DataDirLockedError(dataDir);
    }
    throw error;
  }
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string) {
    super(`数据目录 ${path.resolve(dataDir)} 已被另一个 medreg 进程占用。嵌入式数据库一次只能由一个进程打开：请先停止另一个进程，或设置 DATABASE_URL 使用 PostgreSQL。`);
    this.name = 'DataDirLockedError';
  }
}

/** Reads the PII key from the environment, or (outside production) from / into the data directory. */
export async function resolvePiiKey(envKey: string | undefined, dataDir: string): Promise<Buffer> {
  if (envKey) return Buffer.from(envKey, 'base64');
  const file = path.join(dataDir, 'secrets', 'pii.key');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  } catch {
    const key = randomBytes(32);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, key.toString('base64'), { mode: 0o600, flag: 'wx' }).catch(async () => undefined);
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  }
}
