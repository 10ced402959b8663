/**
 * 执业注册管理 (authority portal): search the registrations of the jurisdiction, read one with its history, export
 * the list, and 【依职权注销】 — the granting authority cancels on a statutory ground it found (《医师法》第十七条
 * 第三款: 县级以上人民政府卫生健康主管部门依职权发现医师有前款规定情形的，应当及时通报准予注册的卫生健康主管部门；
 * 准予注册的卫生健康主管部门应当及时注销注册), with its 文书编号, through cancelRegistration (cause
 * supervision('cancellation_trigger'), initiator authority).
 */
import {
  CANCELLATION_GROUND_INFO, CANCELLATION_INITIATOR_LABELS, CommonErrors, PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO, REGISTRATION_STATUS_LABELS,
  REGISTRATION_TABLE, getScope, isCancellationGround, regionFullName, supervision, todayInChina, toDayNumber,
  BusinessErrors, type ExOfficioCancellationForm, type RegistrationStatus,
} from '@medreg/domain';
import { z } from 'zod';
import type { Ctx } from '../../context';
import { cursorPart, decodeCursor, encodeCursor } from '../../db/cursor';
import type { AccountActor } from '../../http/actor';
import { keysetRows, mapRows, type ExportColumn, type ExportTable } from '../../http/export/table';
import { AuthorityErrors } from '../authority/errors';
import { selectAuthoritiesWithin } from '../authority/queue-queries';
import { cancelRegistration } from '../lifecycle/cancel-registration';
import { LifecycleErrors } from '../lifecycle/errors';
import { canCancelExOfficio, canSeeRegistration } from './policy';
import {
  countRegistrations, selectCancellation, selectHistory, selectRegistration, selectRegistrationPage, type RegistrationFilter, type RegistrationRow,
} from './queries';
import type { RegistrationSearchQuery } from './schemas';

const notFound = () => CommonErrors.NOT_FOUND({ detail: '未找到该执业注册，或不在本部门辖区内' });

async function filterOf(c: Ctx, actor: AccountActor, q: Omit<RegistrationSearchQuery, 'cursor' | 'limit'>): Promise<RegistrationFilter> {
  if (!actor.authority) throw CommonErrors.FORBIDDEN({ detail: '当前账户不属于卫生健康行政部门' });
  const within = await selectAuthoritiesWithin(c, actor.authority);
  return {
    authorityIds: within.map((a) => a.id),
    name: q.name?.trim() || undefined,
    idNumberHash: q.idNumber?.trim() ? c.pii.hash(q.idNumber.trim().toUpperCase()) : undefined,
    licenceCode: q.licenceCode?.trim() || undefined,
    status: q.status,
  };
}

const grantingOf = (r: RegistrationRow) => ({ id: r.authorityId, areaCode: r.authorityAreaCode, level: r.authorityLevel });

function presentRow(actor: AccountActor, r: RegistrationRow) {
  return {
    id: r.id, name: r.name, idNumberMasked: r.idNumberMasked, licenceCode: r.licenceCode, levelLabel: PHYSICIAN_LEVEL_INFO[r.level].label,
    categoryLabel: PRACTICE_CATEGORY_INFO[r.category].label, institutionName: r.institutionName, authorityName: r.authorityName,
    approvedOn: r.approvedOn, status: r.status, statusLabel: REGISTRATION_STATUS_LABELS[r.status],
    canCancel: canCancelExOfficio(actor, grantingOf(r), r.status),
  };
}

const decodeAt = (raw: string) => {
  const [on, id] = decodeCursor(raw, z.tuple([cursorPart.date, cursorPart.id]), AuthorityErrors.QUEUE_CURSOR_INVALID);
  return { on, id };
};

export async function searchRegistrations(c: Ctx, actor: AccountActor, q: RegistrationSearchQuery) {
  const f = await filterOf(c, actor, q);
  const rows = await selectRegistrationPage(c, f, q.cursor ? decodeAt(q.cursor) : undefined, q.limit);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentRow(actor, r)),
    count: await countRegistrations(c, f),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.approvedOn, last.id]) : null,
  };
}

/** At most this many rows in one export; a narrower filter finds the rest. */
export const REGISTRATION_EXPORT_MAX = 50_000;

type RegistrationItem = ReturnType<typeof presentRow>;

const COLUMNS: readonly ExportColumn<RegistrationItem>[] = [
  { header: '姓名', width: 10, value: (p) => p.name },
  { header: '身份证号', width: 22, value: (p) => p.idNumberMasked },
  { header: '执业证书编码', width: 18, value: (p) => p.licenceCode },
  { header: '执业级别', width: 12, value: (p) => p.levelLabel },
  { header: '执业类别', width: 10, value: (p) => p.categoryLabel },
  { header: '主要执业机构', width: 28, value: (p) => p.institutionName },
  { header: '准予注册部门', width: 28, value: (p) => p.authorityName },
  { header: '批准日期', width: 12, value: (p) => p.approvedOn },
  { header: '注册状态', width: 10, value: (p) => p.statusLabel },
];

/** The export: the same filters and order as the list, page by page (keyset); 身份证号 masked as in the list. */
export async function registrationsSheet(c: Ctx, actor: AccountActor, q: Omit<RegistrationSearchQuery, 'cursor' | 'limit'>): Promise<ExportTable<RegistrationItem>> {
  const f = await filterOf(c, actor, q);
  const rows = keysetRows(
    // The page query reads one row more than asked, to tell whether a next page exists.
    (cursor: { on: string; id: string } | undefined, limit) => selectRegistrationPage(c, f, cursor, limit - 1),
    (last) => ({ on: last.approvedOn, id: last.id }),
    { max: REGISTRATION_EXPORT_MAX },
  );
  return { name: '执业注册', columns: COLUMNS, rows: mapRows(rows, (r) => presentRow(actor, r)) };
}

async function visibleRegistration(c: Ctx, actor: AccountActor, id: string) {
  const r = await selectRegistration(c, id);
  if (!r || !canSeeRegistration(actor, grantingOf(r))) throw notFound();
  return r;
}

export async function registrationDetail(c: Ctx, actor: AccountActor, id: string) {
  const r = await visibleRegistration(c, actor, id);
  const cancellation = await selectCancellation(c, id);
  const history = await selectHistory(c, id);
  const label = (s: string | null) => (s && s in REGISTRATION_STATUS_LABELS ? REGISTRATION_STATUS_LABELS[s as RegistrationStatus] : s);
  return {
    ...presentRow(actor, r),
    scopes: r.scopes.map((s) => getScope(s)?.name ?? s),
    practiceLocation: regionFullName(r.practiceLocationCode) ?? r.practiceLocationCode,
    statusSince: r.statusSince.toISOString(),
    version: r.version,
    cancellation: cancellation ? {
      effectiveOn: cancellation.effectiveOn,
      groundLabel: isCancellationGround(cancellation.ground) ? CANCELLATION_GROUND_INFO[cancellation.ground].label : cancellation.ground,
      initiatorLabel: CANCELLATION_INITIATOR_LABELS[cancellation.initiator] ?? cancellation.initiator,
      triggerOn: cancellation.triggerOn, documentNo: cancellation.documentNo, note: cancellation.note,
    } : null,
    history: history.map((h) => ({
      at: h.at.toISOString(), event: h.event, label: Object.hasOwn(REGISTRATION_TABLE, h.event) ? REGISTRATION_TABLE[h.event as keyof typeof REGISTRATION_TABLE].label : h.event,
      fromStatusLabel: label(h.fromStatus), toStatusLabel: label(h.toStatus) ?? h.toStatus,
    })),
  };
}

/** 【依职权注销】: the statutory ground, the day of the event (not after today), the 文书编号. */
export async function cancelExOfficio(c: Ctx, actor: AccountActor, id: string, input: ExOfficioCancellationForm & { expectedVersion: number }) {
  const r = await visibleRegistration(c, actor, id);
  if (!canCancelExOfficio(actor, grantingOf(r), r.status)) {
    throw BusinessErrors.REGISTRATION_NOT_VALID({ detail: `该执业注册为「${REGISTRATION_STATUS_LABELS[r.status]}」状态，不能注销` });
  }
  if (r.version !== input.expectedVersion) throw LifecycleErrors.RECORD_CHANGED({ detail: '该执业注册已被其他操作更改，请刷新后重新办理', extra: { current: { status: r.status, version: r.version } } });
  if (toDayNumber(input.triggerOn) > toDayNumber(todayInChina(c.now()))) throw BusinessErrors.TRIGGER_DATE_IN_FUTURE({ path: ['triggerOn'] });
  const done = await cancelRegistration(c, {
    registrationId: id, event: 'cancel', ground: input.ground, initiator: 'authority', cause: supervision('cancellation_trigger'),
    actor, triggerOn: input.triggerOn, documentNo: input.documentNo, note: input.note ?? null,
  });
  return { registrationId: id, status: 'cancelled' as const, effectiveOn: done.effectiveOn, voidedCertificate: done.voidedCertificateId !== null, bar: done.bar };
}
