/**
 * Evidence files of an application on the generic path (the degree or training certificate of a 执业范围 change,
 * domain §2.2 BT-03): each inspected and rewritten like every upload (storage/upload-inspection.ts), stored with
 * the application row's lock held, counted with the photo against UPLOAD_LIMITS.applicationTotalBytes, and
 * referenced by application_attachments (a foreign key: the garbage job keeps it while the row is there).
 */
import { and, asc, eq } from 'drizzle-orm';
import { CommonErrors, DomainError } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { applicationAttachments, type Application } from '../../db/schema/index';
import type { OpenedBlob } from '../../storage/blob-store';
import { assertApplicationFilesFit } from '../applications/application-files';
import { ApplicationErrors } from '../applications/errors';
import { lockApplication } from '../applications/transition';
import { loadApplicationView } from '../applications/presenter';
import { inspectAttachments } from '../qualifications/attachments';
import { isFormBusiness } from './business-context';

export const MAX_APPLICATION_ATTACHMENTS = 10;

/** Inspects one file (before any transaction): the refusal names the field `file`. */
export async function inspectEvidence(filename: string, data: Buffer) {
  try {
    const [inspected] = await inspectAttachments([{ filename, data }]);
    return inspected!;
  } catch (error) {
    if (error instanceof DomainError) {
      throw new DomainError({ code: error.code, status: error.status, title: error.title, titleEn: error.titleEn, detail: error.message, path: ['file'], extra: error.extra });
    }
    throw error;
  }
}

function present(a: typeof applicationAttachments.$inferSelect) {
  return {
    id: a.id, filename: a.filename, contentType: a.contentType, sizeBytes: a.sizeBytes, fileSha256: a.sha256, uploadedAt: a.createdAt.toISOString(),
    url: `/api/v1/applications/${a.applicationId}/attachments/${a.id}`,
  };
}

export async function addAttachment(c: Ctx, actor: AccountActor, id: string, file: { filename: string; content: Buffer; contentType: string; sizeBytes: number }) {
  const { app } = await lockApplication(c, actor, id);
  if (app.physicianId === undefined || actor.kind !== 'physician') throw CommonErrors.FORBIDDEN();
  if (!isFormBusiness(app)) throw ApplicationErrors.APPLICATION_NOT_EDITABLE({ detail: '该业务不需要上传证明材料' });
  if (app.state !== 'draft' && app.state !== 'returned_by_institution') throw ApplicationErrors.APPLICATION_NOT_EDITABLE({ extra: { current: { state: app.state, version: app.version } } });
  const existing = await c.tx.select().from(applicationAttachments).where(eq(applicationAttachments.applicationId, id));
  if (existing.length >= MAX_APPLICATION_ATTACHMENTS) throw ApplicationErrors.APPLICATION_FILES_TOO_LARGE({ path: ['file'], detail: `每项申请最多上传${MAX_APPLICATION_ATTACHMENTS}个证明文件` });
  const photo = typeof (app.payload as { photoSha256?: unknown }).photoSha256 === 'string' ? [(app.payload as { photoSha256: string }).photoSha256] : [];
  const stored = await c.blobs.put(c.tx, file.content, file.contentType);
  await assertApplicationFilesFit(c, [...photo, ...existing.map((e) => e.sha256)], stored, ['file']);
  const same = existing.find((e) => e.sha256 === stored.sha256);
  if (same) return present(same);
  const [row] = await c.tx.insert(applicationAttachments).values({
    applicationId: id, sha256: stored.sha256, filename: file.filename.slice(0, 200), contentType: stored.contentType, sizeBytes: stored.sizeBytes, createdAt: c.now(),
  }).returning();
  return present(row!);
}

/** The evidence files of an application, to whoever may view the application. */
export async function listAttachments(c: Ctx, actor: AccountActor, id: string) {
  await loadApplicationView(c, actor, id);
  const rows = await c.tx.select().from(applicationAttachments).where(eq(applicationAttachments.applicationId, id)).orderBy(asc(applicationAttachments.createdAt));
  return { items: rows.map(present) };
}

export async function openAttachment(c: Ctx, actor: AccountActor, id: string, attachmentId: string): Promise<{ blob: OpenedBlob; filename: string; app: Application }> {
  const view = await loadApplicationView(c, actor, id);
  const [row] = await c.tx.select().from(applicationAttachments)
    .where(and(eq(applicationAttachments.applicationId, id), eq(applicationAttachments.id, attachmentId))).limit(1);
  const blob = row ? await c.blobs.open(c.tx, row.sha256) : undefined;
  if (!row || !blob) throw CommonErrors.NOT_FOUND({ detail: '未找到该证明文件' });
  return { blob, filename: row.filename, app: view.app };
}
