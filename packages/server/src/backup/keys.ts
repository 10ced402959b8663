import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The development key of a data directory (production takes MEDREG_PII_KEY instead). */
export function devKeyFile(dataDir: string): string {
  return path.join(dataDir, 'secrets', 'pii.key');
}

export async function readKeyFile(file: string): Promise<Buffer | null> {
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  } catch {
    return null;
  }
}
