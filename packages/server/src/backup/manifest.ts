// The manifest of a medreg backup: what it holds, from which engine and version, with a SHA-256 per part.
import { createHash, createHmac } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverFile } from '../server-files';

export const MANIFEST_FILE = 'manifest.json';
export const FORMAT = 'medreg-backup';
export const FORMAT_VERSION = 1;

export interface BackupPart {
  /** File or directory name inside the backup directory. */
  name: string;
  /** `blobs`: the file store of backups made before files moved into the database (restored for `npm run blobs:import`). */
  kind: 'postgres-dump' | 'pglite-datadir' | 'blobs' | 'dev-key';
  /** Of the file; for the blob directory, of its sorted listing "<sha256> <bytes>\n" (each blob is named by its own SHA-256). */
  sha256: string;
  bytes: number;
  files?: number;
}

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  medregVersion: string;
  engine: 'pglite' | 'postgres';
  createdAt: string;
  migrations: string[];
  parts: BackupPart[];
  piiKey: {
    /** Where the key lives: the MEDREG_PII_KEY environment variable, or the data directory's secrets/pii.key (development). */
    source: 'MEDREG_PII_KEY' | 'data-dir';
    included: boolean;
    /** HMAC of a fixed text under the key: tells whether a key is the right one without revealing it. */
    check: string;
  };
  /** Where the file bytes were (absent in backups made before files moved into the database). */
  blobStore?: 'postgres' | 's3';
}

export function keyCheck(key: Buffer): string {
  return createHmac('sha256', key).update('medreg:backup:key-check').digest('hex');
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function medregVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(fileURLToPath(serverFile('../../package.json')), 'utf8')) as { version: string };
  return pkg.version;
}

export async function readManifest(dir: string): Promise<Manifest> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    throw new BackupError(`${path.resolve(dir)} 不是 medreg 备份目录（没有可读的 ${MANIFEST_FILE}）`);
  }
  if (manifest.format !== FORMAT || manifest.formatVersion > FORMAT_VERSION) {
    throw new BackupError(`不支持的备份格式 ${manifest.format} v${manifest.formatVersion}（本程序支持 ${FORMAT} v${FORMAT_VERSION}）`);
  }
  return manifest;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}
