/** 审计日志 of an authority administrator's jurisdiction: one page with the total, and the CSV export. */
import { ACTOR_ROLE_LABELS, AUDIT_ENTITY_TYPE_LABELS, CommonErrors, auditActionLabel, type AuditTrailQuery } from '@medreg/domain';
import type { SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
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
export const EXPORT_LIMIT = 50_000;
const EXPORT_PAGE = 500;
const CSV_HEADER = ['序号', '链序号', '时间', '操作人登录名', '操作人', '角色', '所属单位', '操作', '对象类型', '对象编号', '详情', '请求编号', 'IP地址'];

/** A CSV cell: quoted, quotes doubled, and a leading = + - @ neutralised so a spreadsheet does not run it. */
export function cell(value: unknown): string {
  let s = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replaceAll('"', '""')}"`;
}

/**
 * The export: the same filters as the list, page by page (keyset), as UTF-8 CSV with a BOM for spreadsheets.
 * The filter is resolved before the answer starts, so a refusal is still a problem document.
 */
export async function exportAuditTrail(c: Ctx, actor: AccountActor, q: AuditTrailQuery): Promise<AsyncGenerator<string>> {
  const where = await whereOf(c, actor, q);
  return csvRows(c, where, q.sort);
}

async function* csvRows(c: Ctx, where: SQL | undefined, sort: AuditTrailQuery['sort']): AsyncGenerator<string> {
  yield `\uFEFF${CSV_HEADER.map(cell).join(',')}\r\n`;
  let afterId: number | undefined;
  let written = 0;
  while (written < EXPORT_LIMIT) {
    const rows = await selectTrailPage(c, where, sort, afterId, Math.min(EXPORT_PAGE, EXPORT_LIMIT - written));
    if (rows.length === 0) break;
    yield rows.map((r) => {
      const p = presentTrailRow(r);
      return [p.id, p.seq, p.at, p.actor.loginName, p.actor.displayName, p.actor.roleLabel, p.actor.organization, p.actionLabel,
        p.entityTypeLabel, p.entityId, p.detail, p.requestId, p.ip].map(cell).join(',');
    }).join('\r\n') + '\r\n';
    written += rows.length;
    afterId = rows[rows.length - 1]!.id;
    if (rows.length < EXPORT_PAGE) break;
  }
}
