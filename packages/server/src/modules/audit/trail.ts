/** 审计日志 of an authority administrator's jurisdiction: one page with the total, and the export (Excel and CSV). */
import { ACTOR_ROLE_LABELS, AUDIT_ENTITY_TYPE_LABELS, CommonErrors, auditActionLabel, type AuditTrailQuery } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { keysetRows, mapRows, type ExportColumn, type ExportTable } from '../../http/export/table';
import { accountIdByLoginName, countTrail, selectTrailPage, trailFilter, type TrailRow, type TrailScope } from './trail-queries';

function scopeOf(actor: AccountActor): TrailScope {
  if (!actor.authority) throw CommonErrors.FORBIDDEN();
  return { areaCode: actor.authority.areaCode, level: actor.authority.level };
}

function decodeCursor(cursor: string): number {
  const id = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isSafeInteger(id) || id < 0) throw CommonErrors.VALIDATION_FAILED({ path: ['cursor'], detail: '分页游标无效，请从第一页重新查询' });
  return id;
}

const encodeCursor = (id: number) => Buffer.from(String(id)).toString('base64url');

async function whereOf(c: Ctx, actor: AccountActor, q: Omit<AuditTrailQuery, 'cursor' | 'limit' | 'sort'>) {
  const actorAccountId = q.actor ? await accountIdByLoginName(c, q.actor) : undefined;
  return trailFilter(scopeOf(actor), q, actorAccountId);
}

export function presentTrailRow(r: TrailRow) {
  return {
    id: r.id,
    seq: r.seq,
    at: r.at.toISOString(),
    actor: {
      accountId: r.actorAccountId,
      loginName: r.loginName,
      displayName: r.displayName,
      role: r.actorRole,
      roleLabel: (ACTOR_ROLE_LABELS as Record<string, string>)[r.actorRole] ?? (r.actorRole === 'system' ? '系统' : r.actorRole),
      organization: r.organization,
    },
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    entityType: r.entityType,
    entityTypeLabel: AUDIT_ENTITY_TYPE_LABELS[r.entityType] ?? r.entityType,
    entityId: r.entityId,
    detail: r.detail,
    requestId: r.requestId,
    ip: r.ip,
  };
}

export async function listAuditTrail(c: Ctx, actor: AccountActor, q: AuditTrailQuery) {
  const afterId = q.cursor ? decodeCursor(q.cursor) : undefined;
  const where = await whereOf(c, actor, q);
  const [rows, total] = await Promise.all([selectTrailPage(c, where, q.sort, afterId, q.limit + 1), countTrail(c, where)]);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page.map(presentTrailRow), total, nextCursor: rows.length > q.limit && last ? encodeCursor(last.id) : null };
}

/** At most this many rows in one export; the page says so when a filter is needed. */
export const AUDIT_EXPORT_MAX = 50_000;

type TrailItem = ReturnType<typeof presentTrailRow>;
const jsonText = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

const COLUMNS: readonly ExportColumn<TrailItem>[] = [
  { header: '序号', width: 8, value: (p) => p.id },
  { header: '链序号', width: 8, value: (p) => p.seq },
  { header: '时间', width: 24, value: (p) => p.at },
  { header: '操作人登录名', width: 16, value: (p) => p.actor.loginName },
  { header: '操作人', width: 10, value: (p) => p.actor.displayName },
  { header: '角色', width: 12, value: (p) => p.actor.roleLabel },
  { header: '所属单位', width: 28, value: (p) => p.actor.organization },
  { header: '操作', width: 18, value: (p) => p.actionLabel },
  { header: '对象类型', width: 12, value: (p) => p.entityTypeLabel },
  { header: '对象编号', width: 38, value: (p) => p.entityId },
  { header: '详情', width: 40, value: (p) => jsonText(p.detail) },
  { header: '请求编号', width: 20, value: (p) => p.requestId },
  { header: 'IP地址', width: 16, value: (p) => p.ip },
];

/**
 * The export: the same filters and order as the list, page by page (keyset). The filter is resolved before the
 * answer starts, so a refusal is still a problem document.
 */
export async function auditTrailSheet(c: Ctx, actor: AccountActor, q: Omit<AuditTrailQuery, 'cursor' | 'limit'>): Promise<ExportTable<TrailItem>> {
  const where = await whereOf(c, actor, q);
  const rows = keysetRows(
    (afterId: number | undefined, limit) => selectTrailPage(c, where, q.sort, afterId, limit),
    (last) => last.id,
    { max: AUDIT_EXPORT_MAX },
  );
  return { name: '审计日志', columns: COLUMNS, rows: mapRows(rows, presentTrailRow) };
}
