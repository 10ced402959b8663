/**
 * The main institution's side of 个人信息修改 (domain §2.2 BT-11: 「经主要执业机构审核通过后生效」, §1.2 item 8
 * 审核医师个人信息修改): the queue, a request's page with 修改前 → 修改后, 同意 and 不同意 (with a reason). Only the
 * institution the request was sent to sees it; any other gets 404. No authority step follows.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { INFO_EDIT_STATUS_LABELS, applyInfoEditRows, type RefuseInfoEdit } from '@medreg/domain';
import type { Ctx } from '../../context';
import { cursorPart, decodeCursor, encodeCursor } from '../../db/cursor';
import { accounts, physicians, registrationProfiles, registrations, type InfoEdit } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import { keysetRows, mapRows, type ExportColumn, type ExportTable } from '../../http/export/table';
import { audit, auditActorOf } from '../audit/service';
import { institutionIdOf } from '../institutions/policy';
import { notifyAccount } from '../notifications/outbox';
import { currentInfoValues } from './current-values';
import { InfoEditServerErrors } from './errors';
import { presentHistory, presentInfoEdit, presentRows } from './presenter';
import { openPhoto } from './physician-service';
import { countQueue, findInfoEdit, lockInfoEdit, selectApprovedEdits, selectInfoEditEvents, selectQueuePage, type QueueFilter } from './queries';
import type { InfoEditPage, InfoEditQueueQuery } from './schemas';
import { applyInfoEditStep } from './transition';

const Cursor = z.tuple([cursorPart.timestamp, cursorPart.id]);

/** China dates → instants: the day starts at 00:00 UTC+8. */
const chinaMidnight = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000);

function filterOf(actor: AccountActor, q: Omit<InfoEditQueueQuery, 'cursor'> & { cursor?: string }): QueueFilter {
  const cursor = q.cursor ? decodeCursor(q.cursor, Cursor, InfoEditServerErrors.INFO_EDIT_CURSOR_INVALID) : undefined;
  return {
    institutionId: institutionIdOf(actor), status: q.status, name: q.name, limit: q.limit,
    ...(q.submittedFrom ? { submittedFrom: chinaMidnight(q.submittedFrom) } : {}),
    ...(q.submittedTo ? { submittedBefore: chinaMidnight(q.submittedTo, 1) } : {}),
    ...(cursor ? { cursor: { createdAt: cursor[0], id: cursor[1] } } : {}),
  };
}

export async function listInfoEditQueue(c: Ctx, actor: AccountActor, q: InfoEditQueueQuery): Promise<InfoEditPage> {
  const filter = filterOf(actor, q);
  const [rows, total] = await Promise.all([selectQueuePage(c, filter), countQueue(c, filter)]);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentInfoEdit(r, 'institution', actor.role)),
    total,
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdAtExact, last.edit.id]) : null,
  };
}

/** An institution's 信息修改 requests are few; an export stops here. */
export const INFO_EDIT_EXPORT_MAX = 10_000;

type InfoEditItem = ReturnType<typeof presentInfoEdit>;
const changesOf = (v: InfoEditItem) =>
  v.rows.map((x) => (x.field === 'photoSha256' ? '照片：已更换' : `${x.label}：${x.old ?? '（空）'} → ${x.new}`)).join('；');

const COLUMNS: readonly ExportColumn<InfoEditItem>[] = [
  { header: '提交时间', width: 22, value: (v) => v.createdAt },
  { header: '姓名', width: 10, value: (v) => v.physicianName },
  { header: '身份证号', width: 22, value: (v) => v.idNumberMasked },
  { header: '执业证书编码', width: 18, value: (v) => v.registration.licenceCode },
  { header: '修改项目', width: 18, value: (v) => v.rows.map((x) => x.label).join('、') },
  { header: '修改内容（修改前 → 修改后）', width: 40, value: changesOf },
  { header: '审核状态', width: 12, value: (v) => v.statusLabel },
  { header: '审核时间', width: 22, value: (v) => v.decidedAt },
  { header: '不同意理由', width: 28, value: (v) => v.decisionReason },
];

/** The export: the queue's filters and order, page by page (keyset), the 身份证号 masked as in the queue. */
export function infoEditSheet(c: Ctx, actor: AccountActor, q: Omit<InfoEditQueueQuery, 'cursor' | 'limit'>): ExportTable<InfoEditItem> {
  const filter = filterOf(actor, { ...q, limit: 1 });
  const rows = keysetRows(
    // The page query reads one row more than asked, to tell whether a next page exists.
    (cursor: QueueFilter['cursor'], limit) => selectQueuePage(c, { ...filter, limit: limit - 1, ...(cursor ? { cursor } : {}) }),
    (last) => ({ createdAt: last.createdAtExact, id: last.edit.id }),
    { max: INFO_EDIT_EXPORT_MAX },
  );
  return { name: '信息修改审核', columns: COLUMNS, rows: mapRows(rows, (r) => presentInfoEdit(r, 'institution', actor.role)) };
}

export async function institutionInfoEditDetail(c: Ctx, actor: AccountActor, id: string) {
  const row = await findInfoEdit(c, id, { institutionId: institutionIdOf(actor) });
  if (!row) throw InfoEditServerErrors.INFO_EDIT_NOT_FOUND();
  const [events, earlier] = await Promise.all([selectInfoEditEvents(c, id), selectApprovedEdits(c, row.edit.registrationId, id)]);
  return {
    ...presentInfoEdit(row, 'institution', actor.role),
    history: presentHistory(events),
    earlier: earlier.map((e) => ({ id: e.id, decidedAt: e.decidedAt?.toISOString() ?? null, rows: presentRows('institution', e.id, e.changes) })),
  };
}

async function lockOwn(c: Ctx, actor: AccountActor, id: string): Promise<InfoEdit> {
  const before = await lockInfoEdit(c, id, { institutionId: institutionIdOf(actor) });
  if (!before) throw InfoEditServerErrors.INFO_EDIT_NOT_FOUND();
  return before;
}

async function notifyPhysician(c: Ctx, physicianId: string, template: string, subject: string, body: string) {
  const [p] = await c.tx.select({ accountId: physicians.accountId, phone: accounts.phone, email: accounts.email })
    .from(physicians).leftJoin(accounts, eq(accounts.id, physicians.accountId)).where(eq(physicians.id, physicianId));
  if (p?.accountId) await notifyAccount(c, { accountId: p.accountId, phone: p.phone, email: p.email }, template, subject, body);
}

/**
 * 同意: the registration carries the approved values from now on (registration_profiles, which the certificate's
 * photo and the roster's 是否修改过信息 read), in the same transaction as the status change. The registration is
 * rechecked: still valid and still this institution's.
 */
export async function approveInfoEdit(c: Ctx, actor: AccountActor, id: string, input: { expectedVersion: number }) {
  const before = await lockOwn(c, actor, id);
  const [reg] = await c.tx.select().from(registrations).where(eq(registrations.id, before.registrationId)).for('update');
  const after = await applyInfoEditStep(c, actor, before, input.expectedVersion, { action: 'approve', patch: { decidedAt: c.now() } });
  if (!reg || reg.status !== 'valid' || reg.mainInstitutionId !== actor.institutionId) {
    throw InfoEditServerErrors.INFO_EDIT_REGISTRATION_NOT_VALID({ detail: '该执业注册已不是本机构的有效注册，不能同意此信息修改申请' });
  }
  const values = applyInfoEditRows(await currentInfoValues(c, reg.id), before.changes);
  const profile = { ...values, infoEditId: before.id, editedAt: c.now() };
  await c.tx.insert(registrationProfiles).values({ registrationId: reg.id, ...profile })
    .onConflictDoUpdate({ target: registrationProfiles.registrationId, set: profile });
  await audit(c, auditActorOf(actor), 'registration.info_edited', 'registration', reg.id, {
    infoEditId: before.id, fields: before.changes.map((r) => r.field),
  });
  const labels = before.changes.map((r) => r.label).join('、');
  await notifyPhysician(c, before.physicianId, 'info_edit.approve', `个人信息修改申请${INFO_EDIT_STATUS_LABELS.approved}`,
    `您提交的个人信息修改（${labels}）已经主要执业机构审核同意，执业注册信息已更新。`);
  return after;
}

/** 不同意 with the reason the physician reads. */
export async function refuseInfoEdit(c: Ctx, actor: AccountActor, id: string, input: RefuseInfoEdit) {
  const before = await lockOwn(c, actor, id);
  const reason = input.reason.trim();
  const after = await applyInfoEditStep(c, actor, before, input.expectedVersion, {
    action: 'refuse', reason, patch: { decisionReason: reason, decidedAt: c.now() },
  });
  await notifyPhysician(c, before.physicianId, 'info_edit.refuse', `个人信息修改申请${INFO_EDIT_STATUS_LABELS.refused}`,
    `您提交的个人信息修改未获主要执业机构同意。理由：${reason}。执业注册信息未作修改，您可修改后重新提交。`);
  return after;
}

export async function institutionInfoEditPhoto(c: Ctx, actor: AccountActor, id: string, side: 'old' | 'new') {
  const row = await findInfoEdit(c, id, { institutionId: institutionIdOf(actor) });
  return openPhoto(c, row ? (side === 'old' ? row.edit.oldPhotoSha256 : row.edit.photoSha256) : null);
}
