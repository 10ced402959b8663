/** 业务进度: the physician's applications, one application with its history, and its photo. */
import { z } from 'zod';
import type { Ctx } from '../../context';
import { cursorPart, decodeCursor, encodeCursor } from '../../db/cursor';
import type { AccountActor } from '../../http/actor';
import { assertActivePhysician } from '../physicians/guard';
import { ApplicationErrors } from './errors';
import { loadApplicationView, presentApplicationAudited, presentListItem } from './presenter';
import { selectOwnApplicationsPage } from './queries';
import type { OpenedBlob } from '../../storage/blob-store';

export const OWN_PAGE_SIZE = 20;

/** Keyset cursor: the (created_at printed exactly, id) of the last row shown. */
const OwnCursor = z.tuple([cursorPart.timestamp, cursorPart.id]);

function decodeOwnCursor(raw: string): { at: string; id: string } {
  const [at, id] = decodeCursor(raw, OwnCursor, ApplicationErrors.APPLICATION_CURSOR_INVALID);
  return { at, id };
}

/** The physician's own applications, newest first (keyset on (created_at, id), applications_physician_idx). */
export async function listOwnApplications(c: Ctx, actor: AccountActor, input: { cursor?: string }) {
  const physician = await assertActivePhysician(c, actor);
  const rows = await selectOwnApplicationsPage(c, { physicianId: physician.id, cursor: input.cursor ? decodeOwnCursor(input.cursor) : undefined, limit: OWN_PAGE_SIZE });
  const page = rows.slice(0, OWN_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentListItem(r, actor, physician.id)),
    nextCursor: rows.length > OWN_PAGE_SIZE && last ? encodeCursor([last.cursorAt, last.id]) : null,
  };
}

/** One application as its viewer may see it (the applicant: only their own; others → 404). */
export async function getApplication(c: Ctx, actor: AccountActor, id: string) {
  if (actor.kind === 'physician') await assertActivePhysician(c, actor);
  return presentApplicationAudited(c, await loadApplicationView(c, actor, id), actor);
}

/** The photo of an application, to those who may view the application. */
export async function getApplicationPhoto(c: Ctx, actor: AccountActor, id: string): Promise<OpenedBlob> {
  if (actor.kind === 'physician') await assertActivePhysician(c, actor);
  const view = await loadApplicationView(c, actor, id);
  const sha = typeof view.app.payload.photoSha256 === 'string' ? view.app.payload.photoSha256 : undefined;
  const photo = sha ? await c.blobs.open(c.tx, sha) : undefined;
  if (!photo) throw ApplicationErrors.PHOTO_NOT_FOUND();
  return photo;
}
