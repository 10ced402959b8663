/**
 * The authority opens a 资格补改 request's attachments to decide on it: staff of an authority whose jurisdiction
 * covers the authority the request was routed to (the list's rule, ./corrections.ts visibleToAuthority); any
 * other request is answered as not found. Each download is audited: the files show a physician's ID card and
 * certificates.
 */
import { and, eq } from 'drizzle-orm';
import { CommonErrors } from '@medreg/domain';
import type { Ctx } from '../../context';
import { authorities, qualificationCorrections } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import type { OpenedBlob } from '../../storage/blob-store';
import { audit, auditActorOf } from '../audit/service';
import { visibleToAuthority } from './corrections';

const EXTENSIONS: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'application/pdf': '.pdf' };

/**
 * `attachment` (never shown inline in medreg's origin), named 附件1.pdf, 附件2.jpg … by position and stored type:
 * the name the physician's file had is neither trusted nor kept.
 */
export function attachmentContentDisposition(index: number, contentType: string): string {
  const extension = EXTENSIONS[contentType] ?? '';
  return `attachment; filename="attachment-${index + 1}${extension}"; filename*=UTF-8''${encodeURIComponent(`附件${index + 1}${extension}`)}`;
}

export async function openCorrectionAttachment(c: Ctx, actor: AccountActor, correctionId: string, index: number): Promise<OpenedBlob> {
  if (!actor.authority) throw CommonErrors.FORBIDDEN();
  const [row] = await c.tx.select({ attachments: qualificationCorrections.attachments })
    .from(qualificationCorrections)
    .innerJoin(authorities, eq(authorities.id, qualificationCorrections.authorityId))
    .where(and(eq(qualificationCorrections.id, correctionId), ...visibleToAuthority(actor.authority)))
    .limit(1);
  const sha = row?.attachments[index];
  const blob = sha ? await c.blobs.open(c.tx, sha) : undefined;
  if (!blob) throw CommonErrors.NOT_FOUND({ detail: '未找到该资格补改申请的附件' });
  await audit(c, auditActorOf(actor), 'qualification_correction.attachment_download', 'qualification_correction', correctionId, {
    index, contentType: blob.contentType, sizeBytes: blob.sizeBytes,
  });
  return blob;
}
