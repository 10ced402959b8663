/** 医疗机构变更记录: each registration, edit, suspension and reopening as one row, old → new per field. */
import { desc, eq, inArray } from 'drizzle-orm';
import { INSTITUTION_FIELD_LABELS, INSTITUTION_GRADE_LABELS, INSTITUTION_KIND_LABELS, INSTITUTION_STATUS_LABELS, regionFullName } from '@medreg/domain';
import type { Ctx } from '../../context';
import { accounts, authorities, institutionEvents, type Institution, type InstitutionEventKind } from '../../db/schema/index';
import type { RegistryKeeper } from './policy';

export const TRACKED_FIELDS = [
  'name', 'creditCode', 'licenceRegNo', 'kind', 'grade', 'grassroots', 'address', 'areaCode', 'approvingAuthorityId', 'departments', 'status',
] as const satisfies readonly (keyof typeof INSTITUTION_FIELD_LABELS & keyof Institution)[];

export type Changes = Record<string, { old: unknown; new: unknown }>;

/** The tracked fields whose value differs between `before` (null when new) and `after`. */
export function diffInstitution(before: Partial<Institution> | null, after: Partial<Institution>): Changes {
  const out: Changes = {};
  for (const f of TRACKED_FIELDS) {
    const a = before ? before[f] : null;
    const b = after[f];
    if (b === undefined) continue;
    if (JSON.stringify(a ?? null) !== JSON.stringify(b)) out[f] = { old: a ?? null, new: b };
  }
  return out;
}

export async function recordInstitutionEvent(c: Ctx, k: RegistryKeeper, e: { institutionId: string; event: InstitutionEventKind; version: number; changes: Changes; reason?: string | null }) {
  await c.tx.insert(institutionEvents).values({
    institutionId: e.institutionId, event: e.event, version: e.version, changes: e.changes, reason: e.reason ?? null,
    actorAccountId: k.accountId, actorAuthorityId: k.authorityId, createdAt: c.now(),
  });
}

const EVENT_LABELS = { register: '登记医疗机构', edit: '修改信息', suspend: '暂停', reopen: '恢复' } as const satisfies Record<InstitutionEventKind, string>;

/** How one stored value reads in the history. */
function display(field: string, v: unknown, authorityNames: Map<string, string>): string {
  if (v === null || v === undefined || v === '') return '（空）';
  switch (field) {
    case 'kind': return INSTITUTION_KIND_LABELS[v as keyof typeof INSTITUTION_KIND_LABELS] ?? String(v);
    case 'grade': return INSTITUTION_GRADE_LABELS[v as keyof typeof INSTITUTION_GRADE_LABELS] ?? String(v);
    case 'status': return INSTITUTION_STATUS_LABELS[v as keyof typeof INSTITUTION_STATUS_LABELS] ?? String(v);
    case 'grassroots': return v ? '是' : '否';
    case 'areaCode': return regionFullName(String(v)) ?? String(v);
    case 'approvingAuthorityId': return authorityNames.get(String(v)) ?? String(v);
    case 'departments': return Array.isArray(v) ? v.join('、') || '（无）' : String(v);
    default: return String(v);
  }
}

/** The newest 200 events of an institution, each with its changes as labelled old → new. */
export async function institutionHistory(c: Ctx, institutionId: string) {
  const rows = await c.tx.select({ e: institutionEvents, actorName: accounts.displayName, actorLogin: accounts.loginName })
    .from(institutionEvents).leftJoin(accounts, eq(accounts.id, institutionEvents.actorAccountId))
    .where(eq(institutionEvents.institutionId, institutionId)).orderBy(desc(institutionEvents.version)).limit(200);
  const ids = [...new Set(rows.flatMap((r) => {
    const ch = r.e.changes.approvingAuthorityId;
    return ch ? [ch.old, ch.new].filter((x): x is string => typeof x === 'string') : [];
  }))];
  const names = new Map((ids.length ? await c.tx.select({ id: authorities.id, name: authorities.name }).from(authorities).where(inArray(authorities.id, ids)) : [])
    .map((a) => [a.id, a.name] as const));
  return rows.map(({ e, actorName, actorLogin }) => ({
    version: e.version,
    event: e.event,
    eventLabel: EVENT_LABELS[e.event],
    reason: e.reason,
    actor: actorName ? `${actorName}（${actorLogin}）` : '系统',
    at: e.createdAt.toISOString(),
    changes: Object.entries(e.changes).map(([field, ch]) => ({
      field, label: INSTITUTION_FIELD_LABELS[field as keyof typeof INSTITUTION_FIELD_LABELS] ?? field,
      old: display(field, ch.old, names), new: display(field, ch.new, names),
    })),
  }));
}
