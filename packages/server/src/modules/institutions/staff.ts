import { asc, desc, eq, sql } from 'drizzle-orm';
import { CommonErrors, PASSWORD_PROBLEM_TEXT, checkPassword } from '@medreg/domain';
import { inTransaction, reading, type Ctx, type Deps } from '../../context';
import type { AccountActor } from '../../http/actor';
import { accounts, type Account } from '../../db/schema/index';
import { hashPassword } from '../accounts/passwords';
import { destroyAllSessions } from '../accounts/sessions';
import { clearAllFailures } from '../accounts/login-failures';
import { audit } from '../audit/service';
import { InstitutionErrors } from './errors';
import { canManageStaff, institutionIdOf } from './policy';

const ROLE_LABELS = { institution_admin: '机构管理员', institution_clerk: '经办人' } as const;

export function presentStaff(a: Account, actor: AccountActor, now: Date) {
  return {
    id: a.id,
    loginName: a.loginName,
    displayName: a.displayName,
    // An account bound to an institution is an admin or a clerk (accounts_role_matches_kind).
    role: a.role as keyof typeof ROLE_LABELS,
    roleLabel: ROLE_LABELS[a.role as keyof typeof ROLE_LABELS] ?? a.role,
    phone: a.phone,
    email: a.email,
    disabled: a.disabled,
    lockedUntil: a.lockedUntil && a.lockedUntil > now ? a.lockedUntil.toISOString() : null,
    createdAt: a.createdAt.toISOString(),
    manageable: canManageStaff(actor, a),
  };
}

/** 账户管理: the institution's staff accounts, admins first. */
export async function listStaff(deps: Deps, actor: AccountActor) {
  const institutionId = institutionIdOf(actor);
  const rows = await reading(deps).tx.select().from(accounts)
    .where(eq(accounts.institutionId, institutionId))
    .orderBy(asc(accounts.role), desc(accounts.createdAt), desc(accounts.id)); // the export's keyset order (staff-export.ts)
  const now = deps.now();
  return { items: rows.map((a) => presentStaff(a, actor, now)) };
}

export interface NewClerk { loginName: string; password: string; displayName: string; phone?: string; email?: string }

/** Creates a clerk (经办人) account of the admin's institution with an initial password. */
export async function createClerk(deps: Deps, actor: AccountActor, input: NewClerk) {
  const institutionId = institutionIdOf(actor);
  const passwordHash = await hashPassword(input.password);
  const account = await inTransaction(deps, async (c) => {
    const [taken] = await c.tx.select({ id: accounts.id }).from(accounts)
      .where(eq(sql`lower(${accounts.loginName})`, input.loginName.toLowerCase()));
    if (taken) throw InstitutionErrors.STAFF_LOGIN_NAME_TAKEN({ path: ['loginName'] });
    const [row] = await c.tx.insert(accounts).values({
      kind: 'institution', role: 'institution_clerk', loginName: input.loginName, passwordHash, displayName: input.displayName,
      phone: input.phone ?? null, email: input.email ?? null, institutionId,
    }).returning();
    await audit(c, actor, 'institution.staff.create', 'account', row!.id, { loginName: input.loginName });
    return row!;
  });
  return presentStaff(account, actor, deps.now());
}

/** Loads and locks a staff account the admin may manage; anything else is 404 (not theirs to see). */
async function lockManagedClerk(c: Ctx, actor: AccountActor, id: string): Promise<Account> {
  const [target] = await c.tx.select().from(accounts).where(eq(accounts.id, id)).for('update');
  if (!target || !canManageStaff(actor, target)) throw InstitutionErrors.STAFF_NOT_FOUND();
  return target;
}

/** 停用 / 启用 a clerk. A disabled account's sessions end at once. */
export async function setClerkDisabled(deps: Deps, actor: AccountActor, id: string, disabled: boolean) {
  const account = await inTransaction(deps, async (c) => {
    await lockManagedClerk(c, actor, id);
    const [row] = await c.tx.update(accounts).set({ disabled, updatedAt: c.now() }).where(eq(accounts.id, id)).returning();
    if (disabled) await destroyAllSessions(c, id);
    await audit(c, actor, disabled ? 'institution.staff.disable' : 'institution.staff.enable', 'account', id, {});
    return row!;
  });
  return presentStaff(account, actor, deps.now());
}

/** 重置密码: a new initial password (same policy), unlocks the account and ends its sessions. */
export async function resetClerkPassword(deps: Deps, actor: AccountActor, id: string, password: string) {
  const account = await inTransaction(deps, async (c) => {
    const target = await lockManagedClerk(c, actor, id);
    const problem = checkPassword(password, target.loginName)[0];
    if (problem) throw CommonErrors.VALIDATION_FAILED({ path: ['password'], detail: PASSWORD_PROBLEM_TEXT[problem] });
    const [row] = await c.tx.update(accounts)
      .set({ passwordHash: await hashPassword(password), failedLoginCount: 0, lockedUntil: null, updatedAt: c.now() })
      .where(eq(accounts.id, id)).returning();
    await destroyAllSessions(c, id);
    await clearAllFailures(c, target.loginName);
    await audit(c, actor, 'institution.staff.reset_password', 'account', id, {});
    return row!;
  });
  return presentStaff(account, actor, deps.now());
}
