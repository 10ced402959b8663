/**
 * 开始导入: the upload is streamed into qualification_import_chunks (a megabyte a row, never the whole file in memory;
 * every server process can read it), then the import is queued for a worker. An upload cut short or over the
 * limit leaves a failed import with the reason, never a half-queued one.
 */
import { eq } from 'drizzle-orm';
import { DomainError, QUALIFICATION_IMPORT_MAX_BYTES } from '@medreg/domain';
import { inTransaction, type Deps } from '../../context';
import { qualificationImportChunks, qualificationImportEvents, qualificationImports, type QualificationImport } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import { audit, auditActorOf } from '../audit/service';
import { QualificationImportErrors } from './errors';
import { importKeeper } from './policy';
import { moveImport } from './status';

/** Small enough that reading a chunk back (its bytes and the protocol message around them) stays a few MB. */
const CHUNK_BYTES = 1024 * 1024;

export const tooLarge = () => QualificationImportErrors.QUALIFICATION_IMPORT_FILE_TOO_LARGE({
  path: ['file'], detail: `资格信息文件不能超过${QUALIFICATION_IMPORT_MAX_BYTES / 1024 / 1024 / 1024} GB，请分成几个文件导入`,
});

export interface UploadedFile {
  filename: string;
  stream: AsyncIterable<Buffer>;
  /** Whether the stream stopped at the size limit (multipart's `truncated`). */
  truncated(): boolean;
}

/** Stores the file and returns the queued import; the caller hands its id to the worker's queue. */
export async function startImport(deps: Deps, actor: AccountActor, file: UploadedFile): Promise<QualificationImport> {
  const keeper = importKeeper(actor);
  const created = await inTransaction(deps, async (c) => {
    const [row] = await c.tx.insert(qualificationImports).values({
      authorityId: keeper.authorityId, createdBy: keeper.accountId, fileName: file.filename.slice(0, 200), fileBytes: 0, createdAt: c.now(),
    }).returning();
    await c.tx.insert(qualificationImportEvents).values({ importId: row!.id, action: 'create', toStatus: 'queued', actorAccountId: keeper.accountId, createdAt: c.now() });
    await audit(c, auditActorOf(actor), 'qualification_import.start', 'qualification_import', row!.id, { fileName: row!.fileName });
    return row!;
  });
  let bytes = 0;
  try {
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      await deps.db.insert(qualificationImportChunks).values({ importId: created.id, seq: seq++, bytes: Buffer.concat(pending, pendingBytes) });
      pending = [];
      pendingBytes = 0;
    };
    for await (const chunk of file.stream) {
      bytes += chunk.length;
      if (bytes > QUALIFICATION_IMPORT_MAX_BYTES) throw tooLarge();
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    if (file.truncated()) throw tooLarge();
    await flush();
    if (bytes === 0) throw QualificationImportErrors.QUALIFICATION_IMPORT_FILE_UNREADABLE({ path: ['file'], detail: '文件为空，请使用模板填写' });
  } catch (error) {
    const code = error instanceof DomainError ? error.code : undefined;
    const reason = code === 'QUALIFICATION_IMPORT_FILE_TOO_LARGE' ? '文件超过大小限制，未导入'
      : code === 'QUALIFICATION_IMPORT_FILE_UNREADABLE' ? '文件为空，未导入' : '文件未上传完整，未导入';
    await inTransaction(deps, async (c) => {
      await moveImport(c, created.id, 'fail', { fileBytes: bytes, finishedAt: c.now() }, reason);
      await c.tx.delete(qualificationImportChunks).where(eq(qualificationImportChunks.importId, created.id));
    });
    throw error;
  }
  const [stored] = await deps.db.update(qualificationImports).set({ fileBytes: bytes }).where(eq(qualificationImports.id, created.id)).returning();
  return stored!;
}
