import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import lockfile from 'proper-lockfile';
import { currentProcessIdentity, isProcessGone, type ProcessIdentity } from './process-identity';

const LOCK = 'medreg.lock';
/** Who holds LOCK (pid and start time), written while holding it. */
const OWNER = 'medreg.lock.owner.json';
/** Held for the few milliseconds of taking LOCK, so that two starting processes never both take over a dead holder's lock. */
const GATE = 'medreg.gate';

/**
 * The embedded PGlite data directory is opened by one process at a time.
 * A second process gets a clear message instead of corrupting the files. A lock whose holder is
 * gone (killed, crashed) is taken over at once: the lock records the holder's pid and start time,
 * and a start checks whether that very process still runs. proper-lockfile's mtime refresh stays
 * as the fallback for a holder that cannot be checked (another host on a shared disk).
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const ownerFile = path.join(dataDir, OWNER);
  const releaseGate = await lockfile.lock(path.join(dataDir, GATE), {
    realpath: false, stale: 5_000, retries: { retries: 40, minTimeout: 50, maxTimeout: 250 },
  });
  try {
    let unlock: () => Promise<void>;
    try {
      unlock = await takeLock(dataDir);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ELOCKED') throw error;
      const holder = await readOwner(ownerFile);
      if (!holder || !isProcessGone(holder)) throw new DataDirLockedError(dataDir);
      console.warn(`数据目录锁的持有进程 (pid ${holder.pid}) 已不存在，接管数据目录 ${path.resolve(dataDir)}`);
      await rm(path.join(dataDir, LOCK), { recursive: true, force: true });
      unlock = await takeLock(dataDir).catch((again: unknown) => {
        throw (again as { code?: string }).code === 'ELOCKED' ? new DataDirLockedError(dataDir) : again;
      });
    }
    await writeFile(ownerFile, JSON.stringify(currentProcessIdentity()));
    return async () => {
      await rm(ownerFile, { force: true });
      await unlock();
    };
  } finally {
    await releaseGate();
  }
}

function takeLock(dataDir: string): Promise<() => Promise<void>> {
  return lockfile.lock(dataDir, {
    lockfilePath: path.join(dataDir, LOCK),
    stale: 60_000,
    update: 10_000,
    // A busy machine can delay the lock's refresh; keep serving and say so instead of crashing.
    onCompromised: (error) => console.warn(`数据目录锁刷新延迟：${error.message}`),
  });
}

async function readOwner(file: string): Promise<ProcessIdentity | null> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<ProcessIdentity>;
    return typeof value.pid === 'number' && typeof value.host === 'string'
      ? { pid: value.pid, host: value.host, bootId: value.bootId ?? null, startTicks: value.startTicks ?? null }
      : null;
  } catch {
    return null;
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
