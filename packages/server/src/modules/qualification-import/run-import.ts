/**
 * One import, as the worker runs it: take it (queued → reading), read the stored file row by row with
 * readSheetRows, check each row with the domain's rules, write valid rows to staging and rejected ones to the error
 * table through COPY in batches — updating the counts after every batch so the page's progress bar moves — then
 * (reading → merging) merge staging into the qualification database in one transaction (→ done). A file that
 * cannot be read fails the import with the reason and merges nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import {
  DomainError, importColumnIndexes, isQualificationImportRunning, parseImportRow, QUALIFICATION_IMPORT_MAX_BYTES, todayInChina, type ColumnIndexes,
} from '@medreg/domain';
import { inTransaction, type Ctx, type Deps } from '../../context';
import { qualificationImportChunks, qualificationImportErrors, qualificationImports, type QualificationImport } from '../../db/schema/index';
import { readSheetRows } from '../../spreadsheet/read-rows';
import { audit, type AuditActor } from '../audit/service';
import { QualificationImportErrors } from './errors';
import { mergeStaging } from './merge';
import { StagingWriter } from './staging-writer';
import { moveImport } from './status';
import { tooLarge } from './upload';

/** Rows per COPY batch and progress update. */
export const IMPORT_BATCH_ROWS = 5000;
const WORKER: AuditActor = { accountId: null, role: 'system' };
const SYSTEM_FAILURE = '导入过程中出现系统错误，未导入任何记录，请重新导入';

/** The stored file, chunk by chunk in order (one indexed read per chunk; the next one is fetched while this one is parsed). */
async function* storedFile(deps: Deps, importId: string, consumed: { bytes: number }): AsyncGenerator<Buffer> {
  const fetch = async (seq: number) => {
    const [chunk] = await deps.db.select({ bytes: qualificationImportChunks.bytes }).from(qualificationImportChunks)
      .where(and(eq(qualificationImportChunks.importId, importId), eq(qualificationImportChunks.seq, seq)));
    return chunk?.bytes;
  };
  let next = fetch(0);
  for (let seq = 1; ; seq++) {
    const bytes = await next;
    if (!bytes) return;
    next = fetch(seq);
    next.catch(() => undefined); // awaited on the next turn
    consumed.bytes += bytes.length;
    yield bytes;
  }
}

async function readIntoStaging(deps: Deps, imp: QualificationImport): Promise<void> {
  const unreadable = (detail: string) => QualificationImportErrors.QUALIFICATION_IMPORT_FILE_UNREADABLE({ path: ['file'], detail });
  const consumed = { bytes: 0 };
  const rows = readSheetRows(storedFile(deps, imp.id, consumed), { filename: imp.fileName, maxBytes: QUALIFICATION_IMPORT_MAX_BYTES, maxColumns: 40, unreadable, tooLarge });
  const writer = new StagingWriter(deps.engine, deps.pii, imp.id);
  const today = todayInChina(deps.now());
  let at: ColumnIndexes | undefined;
  let read = 0, valid = 0, rejected = 0;
  const progress = () => deps.db.update(qualificationImports).set({ rowsRead: read, rowsValid: valid, rowsRejected: rejected, bytesRead: consumed.bytes, heartbeatAt: deps.now() }).where(eq(qualificationImports.id, imp.id));
  try {
    for await (const { rowNumber, cells } of rows) {
      if (!at) {
        const header = importColumnIndexes(cells);
        if (header.missing.length) {
          throw QualificationImportErrors.QUALIFICATION_IMPORT_COLUMNS_MISSING({ path: ['file'], detail: `文件第1行缺少必填列：${header.missing.join('、')}（请下载模板，按模板的列名填写）` });
        }
        at = header.at;
        continue;
      }
      if (cells.every((cell) => cell.trim() === '')) continue;
      read++;
      const parsed = parseImportRow(rowNumber, cells, at, today);
      if (parsed.ok) { writer.addValid(parsed.row); valid++; } else { writer.addRejected(parsed.errors); rejected++; }
      if (writer.buffered >= IMPORT_BATCH_ROWS) {
        await writer.send();
        await progress();
      }
    }
    if (!at) throw unreadable('文件为空，请使用模板填写');
    await writer.finish();
  } finally {
    await writer.settled(); // no COPY may land after a failed import is cleaned up
  }
  await progress();
  // The merge's joins and window functions are planned on real row counts, not on an empty table's guess.
  await deps.engine.executeSql('ANALYZE qualification_import_staging');
}

async function failImport(deps: Deps, importId: string, reason: string): Promise<void> {
  await inTransaction(deps, (c) => failImportIn(c, importId, reason));
}

/**
 * Fails a running import in the caller's transaction: its staged rows and row errors are dropped (nothing was
 * merged), the reason becomes the error report's one row, the stored file is deleted.
 */
export async function failImportIn(c: Ctx, importId: string, reason: string): Promise<boolean> {
  const [row] = await c.tx.select({ status: qualificationImports.status }).from(qualificationImports).where(eq(qualificationImports.id, importId)).for('update');
  await c.tx.execute(sql`DELETE FROM qualification_import_staging WHERE import_id = ${importId}`);
  if (!row || !isQualificationImportRunning(row.status)) return false; // ended meanwhile: only its leftovers go
  await c.tx.delete(qualificationImportErrors).where(eq(qualificationImportErrors.importId, importId));
  await c.tx.insert(qualificationImportErrors).values({ importId, rowNumber: 1, field: '文件', reason });
  await c.tx.delete(qualificationImportChunks).where(eq(qualificationImportChunks.importId, importId));
  const failed = await moveImport(c, importId, 'fail', { finishedAt: c.now(), heartbeatAt: null }, reason);
  if (failed) await audit(c, WORKER, 'qualification_import.fail', 'qualification_import', importId, { reason });
  return !!failed;
}

/** Runs a queued import to its end; an import another worker took (or that ended) is left alone. */
export async function runImport(deps: Deps, importId: string, log: { error(obj: object, msg: string): void }): Promise<void> {
  const taken = await inTransaction(deps, async (c) => {
    const [row] = await c.tx.select({ status: qualificationImports.status }).from(qualificationImports).where(eq(qualificationImports.id, importId)).for('update');
    return row?.status === 'queued' ? moveImport(c, importId, 'read', { startedAt: c.now(), heartbeatAt: c.now() }) : undefined;
  });
  if (!taken) return;
  try {
    await readIntoStaging(deps, taken);
    await inTransaction(deps, async (c) => {
      await moveImport(c, importId, 'merge', { heartbeatAt: c.now() });
    });
    await inTransaction(deps, async (c) => {
      // Held until the merge commits: the stale-import job skips a locked import (a merge of millions takes minutes).
      await c.tx.select({ id: qualificationImports.id }).from(qualificationImports).where(eq(qualificationImports.id, importId)).for('update');
      const counts = await mergeStaging(c, importId, taken.createdBy);
      const [current] = await c.tx.select({ rowsRead: qualificationImports.rowsRead }).from(qualificationImports).where(eq(qualificationImports.id, importId));
      await c.tx.delete(qualificationImportChunks).where(eq(qualificationImportChunks.importId, importId));
      await moveImport(c, importId, 'finish', {
        rowsInserted: counts.inserted, rowsUpdated: counts.updated, rowsUnchanged: counts.unchanged,
        rowsRejected: counts.rejected, rowsValid: (current?.rowsRead ?? 0) - counts.rejected, finishedAt: c.now(), heartbeatAt: null,
      });
      await audit(c, WORKER, 'qualification_import.finish', 'qualification_import', importId, { ...counts });
    });
  } catch (error) {
    if (!(error instanceof DomainError)) log.error({ err: error, importId }, 'qualification import failed');
    await failImport(deps, importId, error instanceof DomainError ? error.message : SYSTEM_FAILURE);
  }
}
