/**
 * 导入记录: the imports of the administrator's authority, newest first, keyset-paginated on (created_at, id)
 * (qualification_imports_authority_idx), with the total; and one import with its progress.
 */
import { and, count, eq, ilike, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  isQualificationImportRunning, QUALIFICATION_IMPORT_STATUS_LABELS, type QualificationImportListQuery,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { cursorPart, decodeCursor, encodeCursor, exactUtc } from '../../db/cursor';
import { keyset } from '../../db/keyset';
import { accounts, qualificationImports, type QualificationImport } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import { QualificationImportErrors } from './errors';
import { importKeeper } from './policy';

const Cursor = z.tuple([cursorPart.timestamp, cursorPart.id]);

export function presentImport(row: QualificationImport & { createdByName?: string | null }) {
  const base = `/api/v1/authority/qualification-imports/${row.id}`;
  return {
    id: row.id,
    fileName: row.fileName,
    fileBytes: row.fileBytes,
    bytesRead: row.bytesRead,
    status: row.status,
    statusLabel: QUALIFICATION_IMPORT_STATUS_LABELS[row.status],
    running: isQualificationImportRunning(row.status),
    counts: {
      read: row.rowsRead, valid: row.rowsValid, rejected: row.rowsRejected,
      inserted: row.rowsInserted, updated: row.rowsUpdated, unchanged: row.rowsUnchanged,
    },
    failureReason: row.failureReason,
    createdByName: row.createdByName ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    errorReport: row.rowsRejected > 0 || row.status === 'failed' ? { xlsx: `${base}/errors.xlsx`, csv: `${base}/errors.csv` } : null,
  };
}
export type PresentedImport = ReturnType<typeof presentImport>;

export const ImportView = z.object({
  id: z.string(), fileName: z.string(), fileBytes: z.number(), bytesRead: z.number().describe('已读取的文件字节数（进度条按其占文件大小的比例显示）'), status: z.string(), statusLabel: z.string(), running: z.boolean(),
  counts: z.object({ read: z.number(), valid: z.number(), rejected: z.number(), inserted: z.number(), updated: z.number(), unchanged: z.number() }),
  failureReason: z.string().nullable(), createdByName: z.string().nullable(), createdAt: z.string(), startedAt: z.string().nullable(), finishedAt: z.string().nullable(),
  errorReport: z.object({ xlsx: z.string(), csv: z.string() }).nullable(),
});

/** The import if it belongs to the administrator's authority, else QUALIFICATION_IMPORT_NOT_FOUND. */
export async function loadImport(c: Ctx, actor: AccountActor, id: string): Promise<QualificationImport & { createdByName: string | null }> {
  const keeper = importKeeper(actor);
  const parsed = z.guid().safeParse(id);
  const [row] = parsed.success ? await c.tx.select({ i: qualificationImports, createdByName: accounts.displayName }).from(qualificationImports)
    .leftJoin(accounts, eq(accounts.id, qualificationImports.createdBy))
    .where(and(eq(qualificationImports.id, id), eq(qualificationImports.authorityId, keeper.authorityId))) : [];
  if (!row) throw QualificationImportErrors.QUALIFICATION_IMPORT_NOT_FOUND({ path: ['id'] });
  return { ...row.i, createdByName: row.createdByName };
}

export async function listImports(c: Ctx, actor: AccountActor, q: QualificationImportListQuery) {
  const keeper = importKeeper(actor);
  const cursor = q.cursor ? decodeCursor(q.cursor, Cursor, QualificationImportErrors.QUALIFICATION_IMPORT_CURSOR_INVALID) : undefined;
  const filters = and(
    eq(qualificationImports.authorityId, keeper.authorityId),
    q.status ? eq(qualificationImports.status, q.status) : undefined,
    q.fileName ? ilike(qualificationImports.fileName, `%${q.fileName.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`) : undefined,
  );
  const page = keyset(qualificationImports.createdAt, qualificationImports.id, 'desc', cursor ? { key: sql`${cursor[0]}::timestamptz`, id: cursor[1] } : undefined);
  const rows = await c.tx.select({ i: qualificationImports, createdByName: accounts.displayName, exact: exactUtc(qualificationImports.createdAt) })
    .from(qualificationImports).leftJoin(accounts, eq(accounts.id, qualificationImports.createdBy))
    .where(and(filters, page.where)).orderBy(...page.orderBy).limit(q.limit + 1);
  const [total] = await c.tx.select({ n: count() }).from(qualificationImports).where(filters);
  const items = rows.slice(0, q.limit);
  const last = rows.length > q.limit ? items[items.length - 1] : undefined;
  return {
    items: items.map((r) => presentImport({ ...r.i, createdByName: r.createdByName })),
    total: total?.n ?? 0,
    nextCursor: last ? encodeCursor([last.exact, last.i.id]) : null,
  };
}
