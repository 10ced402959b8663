import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { loadVisibleApplication, selectBlobType } from './application-queries';
import { InstitutionErrors } from './errors';
import { readPayload } from './payload-view';

/** The applicant's photo of an application the actor may see (from the BlobStore). */
export async function loadApplicationPhoto(c: Ctx, actor: AccountActor, id: string): Promise<{ content: Buffer; contentType: string }> {
  const record = await loadVisibleApplication(c, actor, id);
  const sha = readPayload(record.app.payload).photoSha256 ?? record.physician.photoSha256;
  const content = sha ? await c.blobs.get(sha) : undefined;
  if (!sha || !content) throw InstitutionErrors.APPLICATION_PHOTO_MISSING();
  // Only images are served from here, whatever the blob index says (no same-origin HTML or SVG).
  const stored = await selectBlobType(c, sha);
  const contentType = stored === 'image/png' || stored === 'image/jpeg' ? stored : sniffImageType(content);
  return { content, contentType };
}

function sniffImageType(content: Buffer): string {
  if (content[0] === 0x89 && content[1] === 0x50) return 'image/png';
  if (content[0] === 0xff && content[1] === 0xd8) return 'image/jpeg';
  return 'application/octet-stream';
}
