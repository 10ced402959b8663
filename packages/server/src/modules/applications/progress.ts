/** 业务进度: the physician's applications, one application with its history, and its photo. */
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { assertActivePhysician } from '../physicians/guard';
import { ApplicationErrors } from './errors';
import { loadApplicationView, presentApplication, presentListItem } from './presenter';
import { selectBlob, selectOwnApplicationsPage } from './queries';

export const OWN_PAGE_SIZE = 20;

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(raw: string): { at: string; id: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || !AT.test(value[0]) || typeof value[1] !== 'string' || !UUID.test(value[1])) {
    throw ApplicationErrors.APPLICATION_CURSOR_INVALID({ path: ['cursor'] });
  }
  return { at: value[0], id: value[1] };
}

/** The physician's own applications, newest first (keyset on (created_at, id), applications_physician_idx). */
export async function listOwnApplications(c: Ctx, actor: AccountActor, input: { cursor?: string }) {
  const physician = await assertActivePhysician(c, actor);
  const rows = await selectOwnApplicationsPage(c, { physicianId: physician.id, cursor: input.cursor ? decodeCursor(input.cursor) : undefined, limit: OWN_PAGE_SIZE });
  const page = rows.slice(0, OWN_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentListItem(r, actor, physician.id)),
    nextCursor: rows.length > OWN_PAGE_SIZE && last ? Buffer.from(JSON.stringify([last.cursorAt, last.id])).toString('base64url') : null,
  };
}

/** One application as its viewer may see it (the applicant: only their own; others → 404). */
export async function getApplication(c: Ctx, actor: AccountActor, id: string) {
  if (actor.kind === 'physician') await assertActivePhysician(c, actor);
  return presentApplication(await loadApplicationView(c, actor, id), actor, c);
}

/** The photo of an application, to those who may view the application. */
export async function getApplicationPhoto(c: Ctx, actor: AccountActor, id: string): Promise<{ content: Buffer; contentType: string }> {
  if (actor.kind === 'physician') await assertActivePhysician(c, actor);
  const view = await loadApplicationView(c, actor, id);
  const sha = typeof view.app.payload.photoSha256 === 'string' ? view.app.payload.photoSha256 : undefined;
  const blob = sha ? await selectBlob(c, sha) : undefined;
  const content = blob ? await c.blobs.get(blob.sha256) : undefined;
  if (!blob || !content) throw ApplicationErrors.PHOTO_NOT_FOUND();
  return { content, contentType: blob.contentType };
}
