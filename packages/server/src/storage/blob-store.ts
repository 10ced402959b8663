import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex } from '../security/tokens';

/** Files (photos, scanned materials, generated PDFs), addressed by their SHA-256. */
export interface BlobStore {
  put(content: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer | undefined>;
}

const SHA = /^[0-9a-f]{64}$/;

/** Keeps blobs under `<dataDir>/blobs/ab/cd/<sha256>`; writes are atomic (temp file + rename). */
export class FileBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha: string): string {
    return path.join(this.root, sha.slice(0, 2), sha.slice(2, 4), sha);
  }

  async put(content: Buffer): Promise<string> {
    const sha = sha256Hex(content);
    const file = this.pathOf(sha);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, content);
    await rename(tmp, file);
    return sha;
  }

  async get(sha: string): Promise<Buffer | undefined> {
    if (!SHA.test(sha)) return undefined;
    try {
      return await readFile(this.pathOf(sha));
    } catch {
      return undefined;
    }
  }
}

/** For tests: keeps blobs in memory. */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Buffer>();
  async put(content: Buffer): Promise<string> {
    const sha = sha256Hex(content);
    this.blobs.set(sha, content);
    return sha;
  }
  async get(sha: string): Promise<Buffer | undefined> {
    return this.blobs.get(sha);
  }
}
