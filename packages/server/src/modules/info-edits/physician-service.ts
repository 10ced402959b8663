/**
 * The physician's side of 个人信息修改 (domain §2.2 BT-11, 信息维护 → 个人信息修改 [S13][S14]): the values as they stand
 * per registration, filing a request (one pending per registration), the own requests and 撤回.
 * 「修改后需经主要执业机构审核通过后生效」: filing changes nothing on the registration.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  InfoEditErrors, PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO, REGISTRATION_STATUS_LABELS, checkInfoEditDates,
  infoEditRows, todayInChina, type InfoEditForm,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { blobs, infoEditEvents, infoEdits, institutions, registrationProfiles, registrations, type Physician } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import type { InspectedUpload } from '../../storage/upload-inspection';
import { audit, auditActorOf } from '../audit/service';
import { assertActivePhysician } from '../physicians/guard';
import { currentInfoValues } from './current-values';
import { InfoEditServerErrors } from './errors';
import { presentInfoEdit } from './presenter';
import { findInfoEdit, lockInfoEdit, pendingOf, selectOwnInfoEdits } from './queries';
import { applyInfoEditStep } from './transition';

/** The physician's registrations that 个人信息修改 concerns: every one they hold, valid ones editable. */
async function ownRegistrations(c: Ctx, physicianId: string) {
  return c.tx.select({
    id: registrations.id, status: registrations.status, licenceCode: registrations.licenceCode, level: registrations.level,
    category: registrations.category, institutionName: institutions.name,
  }).from(registrations)
    .innerJoin(institutions, eq(institutions.id, registrations.mainInstitutionId))
    .where(and(eq(registrations.physicianId, physicianId), inArray(registrations.status, ['valid', 'suspended', 'filed']))) // registrations_physician_idx
    .orderBy(registrations.approvedOn)
    .limit(20);
}

/** The form's starting point: per registration the values as they stand, whether an edit may be filed and why not. */
export async function currentInfo(c: Ctx, actor: AccountActor) {
  const physician = await assertActivePhysician(c, actor);
  const regs = await ownRegistrations(c, physician.id);
  // A physician holds a handful of registrations at most (one per 执业地点): one look-up each.
  const out = [];
  for (const r of regs) {
    const [values, pending, profile] = await Promise.all([
      currentInfoValues(c, r.id),
      pendingOf(c, r.id),
      c.tx.select({ id: registrationProfiles.registrationId }).from(registrationProfiles).where(eq(registrationProfiles.registrationId, r.id)),
    ]);
    const blockedReason = r.status !== 'valid'
      ? `该执业注册当前状态为「${REGISTRATION_STATUS_LABELS[r.status]}」，不能修改个人信息`
      : pending ? InfoEditErrors.INFO_EDIT_PENDING().message : null;
    out.push({
      registrationId: r.id, licenceCode: r.licenceCode, institutionName: r.institutionName,
      levelLabel: PHYSICIAN_LEVEL_INFO[r.level].label, categoryLabel: PRACTICE_CATEGORY_INFO[r.category].label,
      statusLabel: REGISTRATION_STATUS_LABELS[r.status], values,
      photoUrl: values.photoSha256 ? `/api/v1/physician/registrations/${r.id}/info-photo?v=${values.photoSha256.slice(0, 12)}` : null,
      canEdit: blockedReason === null, blockedReason, pendingId: pending?.id ?? null, edited: profile.length > 0,
    });
  }
  return { registrations: out };
}

async function ownValidRegistration(c: Ctx, physician: Physician, registrationId: string) {
  const [reg] = await c.tx.select().from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.physicianId, physician.id))).for('update');
  if (!reg) throw InfoEditServerErrors.INFO_EDIT_REGISTRATION_NOT_FOUND({ path: ['registrationId'] });
  if (reg.status !== 'valid') {
    throw InfoEditServerErrors.INFO_EDIT_REGISTRATION_NOT_VALID({
      path: ['registrationId'], detail: `该执业注册当前状态为「${REGISTRATION_STATUS_LABELS[reg.status]}」，不能修改个人信息`,
    });
  }
  return reg;
}

/**
 * Files a request: the registration locked (so two filings for it queue up), one pending at a time (409
 * INFO_EDIT_PENDING), the form's rules (毕业时间 not in the future; at least one value really changed), the new
 * photo present as an uploaded image. Sent to the registration's main institution.
 */
export async function createInfoEdit(c: Ctx, actor: AccountActor, form: InfoEditForm) {
  const physician = await assertActivePhysician(c, actor);
  const reg = await ownValidRegistration(c, physician, form.registrationId);
  const pending = await pendingOf(c, reg.id);
  if (pending) throw InfoEditErrors.INFO_EDIT_PENDING({ path: ['registrationId'], extra: { infoEditId: pending.id } });
  checkInfoEditDates(form.changes, todayInChina(c.now()));
  const current = await currentInfoValues(c, reg.id);
  const rows = infoEditRows(current, form.changes);
  const photo = rows.find((r) => r.field === 'photoSha256');
  if (photo) {
    const [blob] = await c.tx.select({ type: blobs.contentType }).from(blobs).where(eq(blobs.sha256, photo.new));
    if (!blob || !['image/jpeg', 'image/png'].includes(blob.type)) throw InfoEditServerErrors.INFO_EDIT_PHOTO_MISSING({ path: ['changes', 'photoSha256'] });
  }
  const [row] = await c.tx.insert(infoEdits).values({
    registrationId: reg.id, physicianId: physician.id, institutionId: reg.mainInstitutionId, status: 'pending', changes: rows,
    photoSha256: photo?.new ?? null, oldPhotoSha256: photo?.old ?? null, createdAt: c.now(),
  }).returning();
  await c.tx.insert(infoEditEvents).values({
    infoEditId: row!.id, action: 'submit', fromStatus: null, toStatus: 'pending', actorAccountId: actor.accountId, actorRole: actor.role, createdAt: c.now(),
  });
  await audit(c, auditActorOf(actor), 'info_edit.submit', 'info_edit', row!.id, {
    registrationId: reg.id, institutionId: reg.mainInstitutionId, fields: rows.map((r) => r.field),
  });
  return row!.id;
}

export async function ownInfoEdit(c: Ctx, actor: AccountActor, id: string) {
  const physician = await assertActivePhysician(c, actor);
  const row = await findInfoEdit(c, id, { physicianId: physician.id });
  if (!row) throw InfoEditServerErrors.INFO_EDIT_NOT_FOUND();
  return presentInfoEdit(row, 'physician', actor.role);
}

export async function listOwnInfoEdits(c: Ctx, actor: AccountActor) {
  const physician = await assertActivePhysician(c, actor);
  const rows = await selectOwnInfoEdits(c, physician.id);
  return { items: rows.map((r) => presentInfoEdit(r, 'physician', actor.role)) };
}

/** 撤回 (待机构审核 → 已撤回). */
export async function withdrawInfoEdit(c: Ctx, actor: AccountActor, id: string, input: { expectedVersion: number }) {
  const physician = await assertActivePhysician(c, actor);
  const before = await lockInfoEdit(c, id, { physicianId: physician.id });
  if (!before) throw InfoEditServerErrors.INFO_EDIT_NOT_FOUND();
  await applyInfoEditStep(c, actor, before, input.expectedVersion, { action: 'withdraw', patch: { decidedAt: c.now() } });
}

/** Stores an inspected, re-encoded photo (storage/upload-inspection.ts) for a request to refer to. */
export async function storeInfoEditPhoto(c: Ctx, actor: AccountActor, photo: InspectedUpload) {
  await assertActivePhysician(c, actor);
  const stored = await c.blobs.put(c.tx, photo.content, photo.contentType);
  return { photoSha256: stored.sha256, sizeBytes: photo.sizeBytes, contentType: photo.contentType };
}

/** The photo of one of the physician's own requests (old or new). */
export async function ownInfoEditPhoto(c: Ctx, actor: AccountActor, id: string, side: 'old' | 'new') {
  const physician = await assertActivePhysician(c, actor);
  const row = await findInfoEdit(c, id, { physicianId: physician.id });
  return openPhoto(c, row ? (side === 'old' ? row.edit.oldPhotoSha256 : row.edit.photoSha256) : null);
}

/** The current photo of one of the physician's own registrations. */
export async function ownRegistrationPhoto(c: Ctx, actor: AccountActor, registrationId: string) {
  const physician = await assertActivePhysician(c, actor);
  const [reg] = await c.tx.select({ id: registrations.id }).from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.physicianId, physician.id)));
  return openPhoto(c, reg ? (await currentInfoValues(c, reg.id)).photoSha256 : null);
}

export async function openPhoto(c: Ctx, sha: string | null) {
  const photo = sha ? await c.blobs.open(c.tx, sha) : undefined;
  if (!photo) throw InfoEditServerErrors.INFO_EDIT_PHOTO_NOT_FOUND();
  return photo;
}

