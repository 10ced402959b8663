import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { listBlobs } from '../backup/blob-copy';
import { inTransaction, type Deps } from '../context';
import { rowsOf } from '../db/rows';
import { sniffStoredType } from './stored-type';

export interface ImportReport {
  found: number;
  imported: number;
  alreadyStored: number;
  corrupt: string[];
}

/**
 * Moves the files of an older version's data directory (`<dir>/ab/cd/<sha256>`) into the BlobStore. Idempotent:
 * a file whose content is stored already is skipped; a file whose name is not its SHA-256 is reported, not imported.
 * The files are left in place (delete the directory once the report says everything is stored).
 */
export async function importBlobFiles(deps: Deps, root: string): Promise<ImportReport> {
  const files = await listBlobs(root);
  const report: ImportReport = { found: files.length, imported: 0, alreadyStored: 0, corrupt: [] };
  for (const file of files) {
    const stored = await rowsOf<{ content_type: string; present: boolean }>(deps.db, sql`
      SELECT content_type, (content IS NOT NULL OR ${deps.blobs.kind} = 's3') AS present FROM blobs WHERE sha256 = ${file.sha}`);
    if (stored[0]?.present && deps.blobs.kind === 'postgres') {
      report.alreadyStored += 1;
      continue;
    }
    const content = await readFile(path.join(root, file.rel));
    if (createHash('sha256').update(content).digest('hex') !== file.sha) {
      report.corrupt.push(file.rel);
      continue;
    }
    const contentType = stored[0]?.content_type ?? sniffStoredType(content);
    await inTransaction(deps, (c) => c.blobs.put(c.tx, content, contentType));
    report.imported += 1;
  }
  return report;
}

/** Whether an older version's file directory is still there (start-up says to import it). */
export async function hasLegacyBlobFiles(root: string): Promise<boolean> {
  return (await listBlobs(root)).length > 0;
}
