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
import { cell } from '../audit/trail';
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

async function filterOf(c: Ctx, actor: AccountActor, q: RegistrationSearchQuery): Promise<RegistrationFilter> {
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

const EXPORT_LIMIT = 50_000;
const EXPORT_PAGE = 500;
const CSV_HEADER = ['姓名', '身份证号', '执业证书编码', '执业级别', '执业类别', '主要执业机构', '准予注册部门', '批准日期', '注册状态'];

/** The export: the same filters as the list, page by page (keyset), UTF-8 CSV with a BOM; 身份证号 masked as in the list. */
export async function exportRegistrations(c: Ctx, actor: AccountActor, q: RegistrationSearchQuery): Promise<AsyncGenerator<string>> {
  const f = await filterOf(c, actor, q);
  return (async function* rowsOf() {
    yield `\uFEFF${CSV_HEADER.map(cell).join(',')}\r\n`;
    let cursor: { on: string; id: string } | undefined;
    for (let written = 0; written < EXPORT_LIMIT;) {
      const rows = (await selectRegistrationPage(c, f, cursor, EXPORT_PAGE)).slice(0, EXPORT_PAGE);
      if (rows.length === 0) break;
      yield rows.map((r) => {
        const p = presentRow(actor, r);
        return [p.name, p.idNumberMasked, p.licenceCode, p.levelLabel, p.categoryLabel, p.institutionName, p.authorityName, p.approvedOn, p.statusLabel].map(cell).join(',');
      }).join('\r\n') + '\r\n';
      written += rows.length;
      const last = rows[rows.length - 1]!;
      cursor = { on: last.approvedOn, id: last.id };
      if (rows.length < EXPORT_PAGE) break;
    }
  })();
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
