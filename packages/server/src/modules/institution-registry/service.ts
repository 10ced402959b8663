/**
 * 医疗机构管理 commands (domain §4.5–4.8): register an institution with its first administrator account, edit it
 * (version-guarded), suspend and reopen it through INSTITUTION_STATUS_TABLE — each in one transaction with its
 * history row (institution_events) and its audit entry.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import {
  institutionIdentifierWarnings, institutionStatusTransition, institutionSuspendedText, provinceCodeOf, regionFullName,
  type CreateInstitution, type EditInstitution, type InstitutionFields, type InstitutionStatusEvent, type ReopenInstitution, type SuspendInstitution,
} from '@medreg/domain';
import { inTransaction, type Ctx, type Deps } from '../../context';
import { accounts, authorities, institutions, type Institution } from '../../db/schema/index';
import { generateOneTimePassword } from '../accounts/first-admin';
import { hashPassword } from '../accounts/passwords';
import { audit } from '../audit/service';
import { InstitutionRegistryErrors as E } from './errors';
import { diffInstitution, recordInstitutionEvent } from './history';
import { approverWithinReach, coversArea, type RegistryKeeper } from './policy';

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string; cause?: { code?: string; constraint?: string; message?: string } };
  const pg = e?.code === '23505' ? e : e?.cause?.code === '23505' ? e.cause : undefined;
  return pg !== undefined && (pg.constraint === constraint || String(pg.message ?? '').includes(constraint));
}

/** The same refusals when a racing writer got there first and the unique index decided. */
export function uniqueRefusal(error: unknown): unknown {
  if (isUniqueViolation(error, 'institutions_area_name_uidx')) return E.INSTITUTION_NAME_TAKEN({ path: ['name'] });
  if (isUniqueViolation(error, 'institutions_credit_code_key')) return E.INSTITUTION_CREDIT_CODE_TAKEN({ path: ['creditCode'] });
  if (isUniqueViolation(error, 'accounts_login_name_uidx')) return E.INSTITUTION_ADMIN_LOGIN_TAKEN({ path: ['admin', 'loginName'] });
  return error;
}

/** Checks what an institution will be: its area in the jurisdiction, the approver within reach, name and code free. */
async function checkFields(c: Ctx, k: RegistryKeeper, v: InstitutionFields, selfId: string | null): Promise<void> {
  if (!coversArea(k, v.areaCode)) {
    throw E.INSTITUTION_AREA_OUTSIDE_JURISDICTION({ path: ['areaCode'], detail: `「${regionFullName(v.areaCode) ?? v.areaCode}」不在${k.authority.name}的辖区内` });
  }
  const [approver] = await c.tx.select().from(authorities).where(eq(authorities.id, v.approvingAuthorityId)).limit(1);
  if (!approver || !approverWithinReach(k, approver, v.areaCode)) {
    throw E.INSTITUTION_APPROVER_OUT_OF_REACH({
      path: ['approvingAuthorityId'],
      detail: `审批机关须为${k.authority.name}或其下级卫生健康行政部门，且其辖区包含「${regionFullName(v.areaCode) ?? v.areaCode}」`,
    });
  }
  const others = selfId ? [ne(institutions.id, selfId)] : [];
  const [sameName] = await c.tx.select({ id: institutions.id }).from(institutions)
    .where(and(eq(institutions.areaCode, v.areaCode), eq(institutions.name, v.name), ...others)).limit(1);
  if (sameName) throw E.INSTITUTION_NAME_TAKEN({ path: ['name'], detail: `「${regionFullName(v.areaCode) ?? v.areaCode}」已有名为「${v.name}」的医疗机构` });
  const [sameCode] = await c.tx.select({ name: institutions.name }).from(institutions)
    .where(and(eq(institutions.creditCode, v.creditCode), ...others)).limit(1);
  if (sameCode) throw E.INSTITUTION_CREDIT_CODE_TAKEN({ path: ['creditCode'], detail: `统一社会信用代码 ${v.creditCode} 已登记为「${sameCode.name}」` });
}

function columnsOf(v: InstitutionFields) {
  return {
    name: v.name, creditCode: v.creditCode, licenceRegNo: v.licenceRegNo, kind: v.kind, grade: v.grade, grassroots: v.grassroots,
    address: v.address, areaCode: v.areaCode, provinceCode: provinceCodeOf(v.areaCode), approvingAuthorityId: v.approvingAuthorityId,
    departments: v.departments,
  };
}

/**
 * 新增医疗机构: the institution (正常) and its first administrator (institution_admin) with a generated one-time
 * password that must be changed at the first login (as `npm run create-admin`). The password is returned once and
 * never stored in clear.
 */
export async function registerInstitution(deps: Deps, k: RegistryKeeper, input: CreateInstitution) {
  const password = generateOneTimePassword(input.admin.loginName);
  const passwordHash = await hashPassword(password);
  try {
    return await inTransaction(deps, async (c) => {
      await checkFields(c, k, input, null);
      const [taken] = await c.tx.select({ id: accounts.id }).from(accounts).where(eq(sql`lower(${accounts.loginName})`, input.admin.loginName.toLowerCase())).limit(1);
      if (taken) throw E.INSTITUTION_ADMIN_LOGIN_TAKEN({ path: ['admin', 'loginName'] });
      const status = institutionStatusTransition(null, 'register');
      const [row] = await c.tx.insert(institutions).values({ ...columnsOf(input), status, createdAt: c.now(), updatedAt: c.now() }).returning();
      const inst = row!;
      await recordInstitutionEvent(c, k, { institutionId: inst.id, event: 'register', version: inst.version, changes: diffInstitution(null, inst) });
      const [admin] = await c.tx.insert(accounts).values({
        kind: 'institution', role: 'institution_admin', loginName: input.admin.loginName, passwordHash, displayName: input.admin.displayName,
        institutionId: inst.id, mustChangePassword: true,
      }).returning({ id: accounts.id, loginName: accounts.loginName });
      await audit(c, k, 'institution.register', 'institution', inst.id, { name: inst.name, areaCode: inst.areaCode, adminAccountId: admin!.id, adminLoginName: admin!.loginName });
      return {
        id: inst.id,
        version: inst.version,
        warnings: institutionIdentifierWarnings(input),
        admin: { loginName: admin!.loginName, displayName: input.admin.displayName, oneTimePassword: password },
      };
    });
  } catch (error) {
    throw uniqueRefusal(error);
  }
}

/** Loads and locks an institution the keeper may touch; one outside the jurisdiction is not found. */
async function lockInstitution(c: Ctx, k: RegistryKeeper, id: string, expectedVersion: number): Promise<Institution> {
  const [row] = await c.tx.select().from(institutions).where(eq(institutions.id, id)).for('update');
  if (!row || !coversArea(k, row.areaCode)) throw E.INSTITUTION_NOT_FOUND_IN_JURISDICTION();
  if (row.version !== expectedVersion) {
    throw E.INSTITUTION_VERSION_CONFLICT({ detail: `「${row.name}」已被他人修改（当前版本 ${row.version}），请刷新后重试`, extra: { currentVersion: row.version } });
  }
  return row;
}

/** 修改医疗机构信息: the version read must still be current (two administrators at once → the second gets 409). */
export async function editInstitution(deps: Deps, k: RegistryKeeper, id: string, input: EditInstitution) {
  try {
    return await inTransaction(deps, async (c) => {
      const before = await lockInstitution(c, k, id, input.expectedVersion);
      await checkFields(c, k, input, id);
      const next = columnsOf(input);
      const changes = diffInstitution(before, next);
      if (Object.keys(changes).length === 0) return { id, version: before.version, changed: false, warnings: institutionIdentifierWarnings(input) };
      const [row] = await c.tx.update(institutions).set({ ...next, version: before.version + 1, updatedAt: c.now() })
        .where(and(eq(institutions.id, id), eq(institutions.version, before.version))).returning();
      await recordInstitutionEvent(c, k, { institutionId: id, event: 'edit', version: row!.version, changes });
      await audit(c, k, 'institution.edit', 'institution', id, { fields: Object.keys(changes), version: row!.version });
      return { id, version: row!.version, changed: true, warnings: institutionIdentifierWarnings(input) };
    });
  } catch (error) {
    throw uniqueRefusal(error);
  }
}

/** 暂停 / 恢复 through INSTITUTION_STATUS_TABLE, with the history row and the audit entry in the same transaction. */
async function moveInstitution(deps: Deps, k: RegistryKeeper, id: string, event: Extract<InstitutionStatusEvent, 'suspend' | 'reopen'>, input: SuspendInstitution | ReopenInstitution) {
  return inTransaction(deps, async (c) => {
    const before = await lockInstitution(c, k, id, input.expectedVersion);
    const reason = input.reason?.trim() || null;
    const status = institutionStatusTransition(before.status, event, reason);
    const [row] = await c.tx.update(institutions)
      .set({ status, suspendedReason: status === 'suspended' ? reason : null, version: before.version + 1, updatedAt: c.now() })
      .where(eq(institutions.id, id)).returning();
    await recordInstitutionEvent(c, k, { institutionId: id, event, version: row!.version, changes: diffInstitution(before, { status }), reason });
    await audit(c, k, `institution.${event}`, 'institution', id, { reason, version: row!.version });
    return { id, version: row!.version, status, notice: status === 'suspended' ? institutionSuspendedText(row!.name) : null };
  });
}

export const suspendInstitution = (deps: Deps, k: RegistryKeeper, id: string, input: SuspendInstitution) => moveInstitution(deps, k, id, 'suspend', input);
export const reopenInstitution = (deps: Deps, k: RegistryKeeper, id: string, input: ReopenInstitution) => moveInstitution(deps, k, id, 'reopen', input);
