/**
 * The checks of a 批量导入医疗机构 file against the register, as the form's are (service.ts checkFields), for all
 * rows at once: each kind of look-up is one query per chunk of rows (never one per row), on the indexes the
 * form's checks use (institutions_area_name_uidx, the credit code's unique key, accounts_login_name_uidx,
 * authorities by name).
 */
import { inArray, sql } from 'drizzle-orm';
import { INSTITUTION_IMPORT_COLUMNS as COL, regionFullName, type CreateInstitution, type InstitutionImportRowError, type ParsedInstitutionRow } from '@medreg/domain';
import type { Ctx } from '../../context';
import { accounts, authorities, institutions } from '../../db/schema/index';
import { approverWithinReach, coversArea, type RegistryKeeper } from './policy';

const CHUNK = 500;

export interface CheckedRow {
  row: number;
  value: CreateInstitution;
}

async function inChunks<T, R>(items: readonly T[], query: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...await query(items.slice(i, i + CHUNK)));
  return out;
}

/** The look-ups of one chunk of rows, each served by an index (test/institution-registry/institution-import.test.ts shows the plans). */
export const registerLookups = {
  approvers: (c: Ctx, names: string[]) => c.tx.select().from(authorities).where(inArray(authorities.name, names)),
  sameNames: (c: Ctx, pairs: { areaCode: string; name: string }[]) => c.tx.select({ areaCode: institutions.areaCode, name: institutions.name }).from(institutions)
    .where(sql`(${institutions.areaCode}, ${institutions.name}) IN (${sql.join(pairs.map((p) => sql`(${p.areaCode}, ${p.name})`), sql`, `)})`),
  creditCodes: (c: Ctx, codes: string[]) => c.tx.select({ creditCode: institutions.creditCode, name: institutions.name }).from(institutions)
    .where(inArray(institutions.creditCode, codes)),
  /** Lower-cased names: accounts_login_name_uidx is on lower(login_name). */
  logins: (c: Ctx, lowered: string[]) => c.tx.select({ login: sql<string>`lower(${accounts.loginName})` }).from(accounts)
    .where(inArray(sql`lower(${accounts.loginName})`, lowered)),
};

/** Every row checked against the jurisdiction and the register; the rows that pass carry the approver's id. */
export async function checkAgainstRegister(c: Ctx, k: RegistryKeeper, rows: readonly ParsedInstitutionRow[]): Promise<{ rows: CheckedRow[]; errors: InstitutionImportRowError[] }> {
  const errors: InstitutionImportRowError[] = [];
  const fail = (row: number, field: keyof typeof COL, message: string) => errors.push({ row, field: COL[field].label, message });
  const place = (areaCode: string) => regionFullName(areaCode) ?? areaCode;

  const approvers = await inChunks([...new Set(rows.map((r) => r.value.approvingAuthorityName))], (names) => registerLookups.approvers(c, names));
  const sameNames = new Set((await inChunks(rows.map((r) => ({ areaCode: r.value.areaCode, name: r.value.name })), (pairs) => registerLookups.sameNames(c, pairs)))
    .map((r) => `${r.areaCode}|${r.name}`));
  const codes = new Map((await inChunks([...new Set(rows.map((r) => r.value.creditCode))], (chunk) => registerLookups.creditCodes(c, chunk)))
    .map((r) => [r.creditCode, r.name] as const));
  const logins = new Set((await inChunks([...new Set(rows.map((r) => r.value.admin.loginName.toLowerCase()))], (chunk) => registerLookups.logins(c, chunk)))
    .map((r) => r.login));

  const checked: CheckedRow[] = [];
  for (const { row, value } of rows) {
    const before = errors.length;
    const { approvingAuthorityName, ...fields } = value;
    if (!coversArea(k, value.areaCode)) fail(row, 'areaCode', `「${place(value.areaCode)}」不在${k.authority.name}的辖区内`);
    const approver = approvers.find((a) => a.name === approvingAuthorityName && approverWithinReach(k, a, value.areaCode));
    if (!approver) {
      fail(row, 'approvingAuthority', approvers.some((a) => a.name === approvingAuthorityName)
        ? `审批机关须为${k.authority.name}或其下级卫生健康行政部门，且其辖区包含「${place(value.areaCode)}」`
        : `未找到名为「${approvingAuthorityName}」的卫生健康行政部门，请填写其全称`);
    }
    if (sameNames.has(`${value.areaCode}|${value.name}`)) fail(row, 'name', `「${place(value.areaCode)}」已有名为「${value.name}」的医疗机构`);
    const holder = codes.get(value.creditCode);
    if (holder !== undefined) fail(row, 'creditCode', `统一社会信用代码 ${value.creditCode} 已登记为「${holder}」`);
    if (logins.has(value.admin.loginName.toLowerCase())) fail(row, 'adminLoginName', `登录名「${value.admin.loginName}」已被使用，请换一个`);
    if (errors.length === before && approver) checked.push({ row, value: { ...fields, approvingAuthorityId: approver.id } });
  }
  return { rows: checked, errors };
}
