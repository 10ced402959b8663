/**
 * 批量导入医疗机构 (domain §4.5–4.8): check a file (检查, nothing written) or import it — all or nothing. On
 * success every institution is registered (正常, through INSTITUTION_STATUS_TABLE) with its first administrator
 * account, its history row and its audit entry, all in one transaction.
 *
 * The one-time passwords: generated here, hashed with argon2id before the transaction opens (so the transaction
 * stays short), stored only as that hash (must_change_password set: the first login leads to the password
 * change), and returned once to the route, which sends them as the credentials workbook in the response and
 * keeps nothing.
 */
import { createHash } from 'node:crypto';
import {
  boundedImportErrors, institutionStatusTransition, provinceCodeOf, regionFullName, type InstitutionImportRowError,
} from '@medreg/domain';
import { inTransaction, reading, type Deps } from '../../context';
import { accounts, institutionEvents, institutions } from '../../db/schema/index';
import { generateOneTimePassword } from '../accounts/first-admin';
import { hashPassword } from '../accounts/passwords';
import { audit } from '../audit/service';
import { InstitutionRegistryErrors as E } from './errors';
import { diffInstitution } from './history';
import { checkAgainstRegister } from './import-checks';
import { readImportFile, type ImportUpload } from './import-file';
import type { RegistryKeeper } from './policy';
import { uniqueRefusal } from './service';

const INSERT_BATCH = 500;
/** argon2id runs on libuv's thread pool; this many hashes at once keep it busy without queueing the whole file. */
const HASH_CONCURRENCY = 4;

export interface ImportCheck {
  rowCount: number;
  valid: boolean;
  /** Rows with at least one problem. */
  errorRows: number;
  rowErrors: InstitutionImportRowError[];
  moreErrors: number;
}

async function checkFile(deps: Deps, k: RegistryKeeper, upload: ImportUpload) {
  const file = await readImportFile(upload);
  const register = await checkAgainstRegister(reading(deps), k, file.rows);
  return { rowCount: file.rowCount, parsed: file.rows, rows: register.rows, errors: [...file.errors, ...register.errors] };
}

function report(rowCount: number, errors: readonly InstitutionImportRowError[]): ImportCheck {
  const bounded = boundedImportErrors(errors);
  return { rowCount, valid: errors.length === 0, errorRows: bounded.rows, rowErrors: bounded.errors, moreErrors: bounded.more };
}

function refusal(rowCount: number, errors: readonly InstitutionImportRowError[]) {
  const r = report(rowCount, errors);
  return E.INSTITUTION_IMPORT_INVALID({
    detail: `导入文件有${r.errorRows}行需要更正（共${errors.length}处），未导入任何医疗机构。请按提示更正后重新导入。`,
    extra: {
      rowCount, errorRows: r.errorRows, rowErrors: r.rowErrors, moreErrors: r.moreErrors,
      errors: r.rowErrors.map((e) => ({ path: ['file', e.row, e.field], message: `第${e.row}行「${e.field}」：${e.message}` })),
    },
  });
}

/** 检查: every problem of the file, nothing written. */
export async function checkInstitutionImport(deps: Deps, k: RegistryKeeper, upload: ImportUpload): Promise<ImportCheck> {
  const checked = await checkFile(deps, k, upload);
  return report(checked.rowCount, checked.errors);
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  }));
  return out;
}

export interface ImportedInstitution {
  row: number;
  id: string;
  name: string;
  areaCode: string;
  areaName: string;
  loginName: string;
  displayName: string;
  oneTimePassword: string;
}

/** 导入: all or nothing; the created institutions with their administrators' one-time passwords (shown once). */
export async function importInstitutions(deps: Deps, k: RegistryKeeper, upload: ImportUpload): Promise<{ importId: string; imported: ImportedInstitution[] }> {
  const checked = await checkFile(deps, k, upload);
  if (checked.errors.length > 0) throw refusal(checked.rowCount, checked.errors);
  const credentials = await mapLimited(checked.rows, HASH_CONCURRENCY, async (r) => {
    const password = generateOneTimePassword(r.value.admin.loginName);
    return { password, hash: await hashPassword(password) };
  });
  try {
    return await inTransaction(deps, async (c) => {
      // The register may have changed while the passwords were hashed: the same checks again, in the transaction.
      const again = await checkAgainstRegister(c, k, checked.parsed);
      if (again.errors.length > 0) throw refusal(checked.rowCount, again.errors);
      const now = c.now();
      const status = institutionStatusTransition(null, 'register');
      const importId = createHash('sha256').update(`${k.accountId}|${now.toISOString()}|${checked.rows.map((r) => r.value.creditCode).join(',')}`).digest('hex').slice(0, 32);
      const imported: ImportedInstitution[] = [];
      for (let i = 0; i < checked.rows.length; i += INSERT_BATCH) {
        const batch = checked.rows.slice(i, i + INSERT_BATCH);
        const made = await c.tx.insert(institutions).values(batch.map(({ value: v }) => ({
          name: v.name, creditCode: v.creditCode, licenceRegNo: v.licenceRegNo, kind: v.kind, grade: v.grade, grassroots: v.grassroots,
          address: v.address, areaCode: v.areaCode, provinceCode: provinceCodeOf(v.areaCode), approvingAuthorityId: v.approvingAuthorityId,
          departments: v.departments, status, createdAt: now, updatedAt: now,
        }))).returning();
        // Matched back by the credit code (unique), not by the order RETURNING happens to give.
        const byCode = new Map(made.map((m) => [m.creditCode, m] as const));
        const rows = batch.map((r, j) => ({ r, inst: byCode.get(r.value.creditCode)!, cred: credentials[i + j]! }));
        await c.tx.insert(institutionEvents).values(rows.map(({ inst }) => ({
          institutionId: inst.id, event: 'register' as const, version: inst.version, changes: diffInstitution(null, inst), reason: null,
          actorAccountId: k.accountId, actorAuthorityId: k.authorityId, createdAt: now,
        })));
        const admins = await c.tx.insert(accounts).values(rows.map(({ r, inst, cred }) => ({
          kind: 'institution' as const, role: 'institution_admin' as const, loginName: r.value.admin.loginName, passwordHash: cred.hash,
          displayName: r.value.admin.displayName, institutionId: inst.id, mustChangePassword: true,
        }))).returning({ id: accounts.id, institutionId: accounts.institutionId, loginName: accounts.loginName });
        const adminOf = new Map(admins.map((a) => [a.institutionId, a] as const));
        for (const { r, inst, cred } of rows) {
          const admin = adminOf.get(inst.id)!;
          await audit(c, k, 'institution.register', 'institution', inst.id, { name: inst.name, areaCode: inst.areaCode, adminAccountId: admin.id, adminLoginName: admin.loginName, via: 'import', importId });
          imported.push({
            row: r.row, id: inst.id, name: inst.name, areaCode: inst.areaCode, areaName: regionFullName(inst.areaCode) ?? inst.areaCode,
            loginName: admin.loginName, displayName: r.value.admin.displayName, oneTimePassword: cred.password,
          });
        }
      }
      await audit(c, k, 'institution.import', 'institution', null, { importId, fileName: upload.filename.slice(0, 200), rows: imported.length });
      return { importId, imported };
    });
  } catch (error) {
    throw uniqueRefusal(error);
  }
}
