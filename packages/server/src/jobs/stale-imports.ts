import { and, inArray, lt } from 'drizzle-orm';
import type { Ctx } from '../context';
import { qualificationImports } from '../db/schema/index';
import { failImportIn } from '../modules/qualification-import/run-import';
import type { Job } from './runner';

const MINUTE = 60_000;
/** A worker touches its import at every batch of rows (seconds apart); this long without a sign, it has died. */
export const STALE_IMPORT_MS = 10 * MINUTE;
const BATCH = 20;
export const STALE_IMPORT_REASON = '导入过程中服务中断，未导入任何记录，请重新导入';

/**
 * 国家医师资格信息导入 after a crash: an import left in 读取中 or 合并中 by a process that died (its pg-boss job dies
 * with it and is not retried: a half-read file is not resumed) is failed through the workflow (`fail`), its staged
 * rows dropped and the reason put in its error report, so the administrator sees it ended and imports the file
 * again. A merge in progress holds the import's row lock, so SKIP LOCKED passes it by however long it takes.
 */
export async function failStaleImports(c: Ctx): Promise<number> {
  const stale = await c.tx.select({ id: qualificationImports.id }).from(qualificationImports)
    .where(and(inArray(qualificationImports.status, ['reading', 'merging']), lt(qualificationImports.heartbeatAt, new Date(c.now().getTime() - STALE_IMPORT_MS))))
    .orderBy(qualificationImports.heartbeatAt).limit(BATCH).for('update', { skipLocked: true });
  let failed = 0;
  for (const { id } of stale) if (await failImportIn(c, id, STALE_IMPORT_REASON)) failed++;
  return failed;
}

export function staleImportsJob(): Job {
  return { name: 'qualification_import.stale', intervalMs: MINUTE, run: failStaleImports };
}
