/**
 * The files an applicant uploads for one business application (today the photo; scanned evidence later) are
 * limited together to UPLOAD_LIMITS.applicationTotalBytes. The sum is taken from the sizes in the `blobs`
 * index, so every kind of file the application refers to counts, whatever uploaded it.
 */
import { inArray, sql } from 'drizzle-orm';
import { UPLOAD_LIMITS, formatMegabytes } from '@medreg/domain';
import type { Ctx } from '../../context';
import { blobs } from '../../db/schema/index';
import type { FirstRegistrationPayload } from './draft-rules';
import { ApplicationErrors } from './errors';

/** The blobs the applicant uploaded for the application, as its payload names them. */
export function uploadedFilesOf(payload: FirstRegistrationPayload): string[] {
  return payload.photoSha256 ? [payload.photoSha256] : [];
}

async function storedBytes(c: Ctx, sha256s: string[]): Promise<number> {
  if (sha256s.length === 0) return 0;
  const [row] = await c.tx.select({ total: sql<string>`coalesce(sum(${blobs.sizeBytes}), 0)` }).from(blobs).where(inArray(blobs.sha256, sha256s));
  return Number(row?.total ?? 0);
}

/**
 * Refuses (APPLICATION_FILES_TOO_LARGE on `path`) a new file when, with the other files the application keeps
 * (`keptFiles`), it would pass the limit. A file stored twice counts once. Called before the new file is
 * stored, in the transaction that stores it.
 */
export async function assertApplicationFilesFit(
  c: Ctx,
  keptFiles: string[],
  incoming: { sha256: string; sizeBytes: number },
  path: (string | number)[],
  limit: number = UPLOAD_LIMITS.applicationTotalBytes,
): Promise<void> {
  const others = [...new Set(keptFiles)].filter((sha) => sha !== incoming.sha256);
  const total = (await storedBytes(c, others)) + incoming.sizeBytes;
  if (total <= limit) return;
  throw ApplicationErrors.APPLICATION_FILES_TOO_LARGE({
    path,
    detail: `本申请的照片和材料合计将达 ${formatMegabytes(total)}，超过 ${formatMegabytes(limit)}，请压缩或删减后再上传`,
    extra: { totalBytes: total, limitBytes: limit },
  });
}
