/**
 * One import, as the worker runs it: take it (queued → reading), read the stored file row by row with
 * readSheetRows, check each row with the domain's rules, write valid rows to staging and rejected ones to the error
 * table through COPY in batches — updating the counts after every batch so the page's progress bar moves — then
 * (reading → merging) merge staging into the qualification database in one transaction (→ done). A file that
 * cannot be read fails the import with the reason and merges nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import {
  DomainError, importColumnIndexes, parseImportRow, QUALIFICATION_IMPORT_MAX_BYTES, todayInChina, type ColumnIndexes,
} from '@medreg/domain';
import { inTransaction, type Deps } from '../../context';
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

/** The stored file, chunk by chunk in order (one indexed read per chunk). */
async function* storedFile(deps: Deps, importId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const [chunk] = await deps.db.select({ bytes: qualificationImportChunks.bytes }).from(qualificationImportChunks)
      .where(and(eq(qualificationImportChunks.importId, importId), eq(qualificationImportChunks.seq, seq)));
    if (!chunk) return;
    yield chunk.bytes;
  }
}

async function readIntoStaging(deps: Deps, imp: QualificationImport): Promise<void> {
  const unreadable = (detail: string) => QualificationImportErrors.QUALIFICATION_IMPORT_FILE_UNREADABLE({ path: ['file'], detail });
  const rows = readSheetRows(storedFile(deps, imp.id), { filename: imp.fileName, maxBytes: QUALIFICATION_IMPORT_MAX_BYTES, maxColumns: 40, unreadable, tooLarge });
  const writer = new StagingWriter(deps.engine, deps.pii, imp.id);
  const today = todayInChina(deps.now());
  let at: ColumnIndexes | undefined;
  let read = 0, valid = 0, rejected = 0;
  const progress = () => deps.db.update(qualificationImports).set({ rowsRead: read, rowsValid: valid, rowsRejected: rejected }).where(eq(qualificationImports.id, imp.id));
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
      await writer.flush();
      await progress();
    }
  }
  if (!at) throw unreadable('文件为空，请使用模板填写');
  await writer.flush();
  await progress();
}

async function failImport(deps: Deps, importId: string, reason: string): Promise<void> {
  await inTransaction(deps, async (c) => {
    await c.tx.execute(sql`DELETE FROM qualification_import_staging WHERE import_id = ${importId}`);
    await c.tx.delete(qualificationImportErrors).where(eq(qualificationImportErrors.importId, importId));
    await c.tx.insert(qualificationImportErrors).values({ importId, rowNumber: 1, field: '文件', reason });
    await c.tx.delete(qualificationImportChunks).where(eq(qualificationImportChunks.importId, importId));
    const failed = await moveImport(c, importId, 'fail', { finishedAt: c.now() }, reason);
    if (failed) await audit(c, WORKER, 'qualification_import.fail', 'qualification_import', importId, { reason });
  });
}

/** Runs a queued import to its end; an import another worker took (or that ended) is left alone. */
export async function runImport(deps: Deps, importId: string, log: { error(obj: object, msg: string): void }): Promise<void> {
  const taken = await inTransaction(deps, async (c) => {
    const [row] = await c.tx.select({ status: qualificationImports.status }).from(qualificationImports).where(eq(qualificationImports.id, importId)).for('update');
    return row?.status === 'queued' ? moveImport(c, importId, 'read', { startedAt: c.now() }) : undefined;
  });
  if (!taken) return;
  try {
    await readIntoStaging(deps, taken);
    await inTransaction(deps, async (c) => {
      await moveImport(c, importId, 'merge');
    });
    await inTransaction(deps, async (c) => {
      const counts = await mergeStaging(c, importId, taken.createdBy);
      const [current] = await c.tx.select({ rowsRead: qualificationImports.rowsRead }).from(qualificationImports).where(eq(qualificationImports.id, importId));
      await c.tx.delete(qualificationImportChunks).where(eq(qualificationImportChunks.importId, importId));
      await moveImport(c, importId, 'finish', {
        rowsInserted: counts.inserted, rowsUpdated: counts.updated, rowsUnchanged: counts.unchanged,
        rowsRejected: counts.rejected, rowsValid: (current?.rowsRead ?? 0) - counts.rejected, finishedAt: c.now(),
      });
      await audit(c, WORKER, 'qualification_import.finish', 'qualification_import', importId, { ...counts });
    });
  } catch (error) {
    if (!(error instanceof DomainError)) log.error({ err: error, importId }, 'qualification import failed');
    await failImport(deps, importId, error instanceof DomainError ? error.message : SYSTEM_FAILURE);
  }
}
