// The file store of older versions (photos, scanned materials, PDFs under MEDREG_DATA_DIR/blobs/ab/cd/<sha256>):
// read by `npm run blobs:import`, and restored from backups made before files moved into the database.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BackupError, type BackupPart } from './manifest';

const SHA = /^[0-9a-f]{64}$/;

/** Every blob file under `root` (ab/cd/<sha256>), sorted by name. */
export async function listBlobs(root: string): Promise<{ sha: string; rel: string; bytes: number }[]> {
  const out: { sha: string; rel: string; bytes: number }[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const e of entries) {
      if (e.isDirectory()) await walk(path.join(dir, e.name), path.join(rel, e.name));
      else if (e.isFile() && SHA.test(e.name)) out.push({ sha: e.name, rel: path.join(rel, e.name), bytes: (await stat(path.join(dir, e.name))).size });
    }
  };
  await walk(root, '');
  return out.sort((a, b) => a.sha.localeCompare(b.sha));
}

function listingHash(blobs: { sha: string; bytes: number }[]): string {
  return createHash('sha256').update(blobs.map((b) => `${b.sha} ${b.bytes}\n`).join('')).digest('hex');
}

/** Checks every blob of the backup against its name and the manifest, then copies them into the blob store. */
export async function restoreBlobs(part: BackupPart, backupDir: string, blobRoot: string): Promise<void> {
  const source = path.join(backupDir, part.name);
  const blobs = await listBlobs(source);
  if (listingHash(blobs) !== part.sha256 || blobs.length !== (part.files ?? blobs.length)) {
    throw new BackupError(`备份中的文件存储 (${part.name}) 与清单不符：备份不完整或已被改动`);
  }
  for (const b of blobs) {
    const content = await readFile(path.join(source, b.rel));
    if (createHash('sha256').update(content).digest('hex') !== b.sha) throw new BackupError(`备份中的文件 ${b.rel} 已损坏（SHA-256 不符）`);
    await mkdir(path.dirname(path.join(blobRoot, b.rel)), { recursive: true });
    await copyFile(path.join(source, b.rel), path.join(blobRoot, b.rel));
  }
}
