/**
 * 人员账户 commands of an authority administrator: create, 停用/启用, 重置密码, 调整所属部门. Each runs in one
 * transaction with its audit entry; the account is locked and checked against the version the administrator saw
 * (two administrators acting at once: the second gets 409), against the status table, and against the staff rule
 * as it is and as it will be.
 */
import { eq, sql } from 'drizzle-orm';
import {
  CommonErrors, STAFF_ACCOUNT_WORKFLOW, allowedStaffAccountActions, staffAccountStatus, staffAccountTransition, staffRefusal,
  type NewAuthorityStaff, type StaffAccountAction, type StaffActor, type StaffTarget, type StaffWithOneTimePassword,
} from '@medreg/domain';
import { inTransaction, type Ctx, type Deps } from '../../context';
import type { AccountActor } from '../../http/actor';
import { accounts, authorities, type Account, type Authority } from '../../db/schema/index';
import { generateOneTimePassword } from '../accounts/first-admin';
import { hashPassword } from '../accounts/passwords';
import { destroyAllSessions } from '../accounts/sessions';
import { clearAllFailures } from '../accounts/login-failures';
import { audit } from '../audit/service';
import { AuthorityStaffErrors } from './errors';
import { presentStaffAccount } from './presenter';
import { authorityInReachOrRefuse, staffActorOf } from './reach';

/** Refuses what the staff rule refuses; `asIs` means the account as it stands (outside reach = not found). */
function assertMayManage(actor: StaffActor, target: StaffTarget, asIs: boolean): void {
  const refusal = staffRefusal(actor, target);
  if (refusal === null) return;
  if (refusal === 'not_administrator') throw CommonErrors.FORBIDDEN({ detail: '只有卫生健康行政部门管理员可以管理人员账户' });
  if (asIs && refusal === 'outside_jurisdiction') throw AuthorityStaffErrors.STAFF_ACCOUNT_NOT_FOUND();
  if (refusal === 'own_account') throw AuthorityStaffErrors.STAFF_OWN_ACCOUNT();
  if (refusal === 'role_not_grantable') throw AuthorityStaffErrors.STAFF_ROLE_NOT_GRANTABLE({ path: ['role'] });
  throw AuthorityStaffErrors.STAFF_AUTHORITY_OUT_OF_REACH({ path: ['authorityId'] });
}

/** 新建人员账户: bound to one authority in reach, with a one-time password shown once and 修改密码 at first login. */
export async function createAuthorityStaff(deps: Deps, actor: AccountActor, input: NewAuthorityStaff): Promise<StaffWithOneTimePassword> {
  const staffActor = staffActorOf(actor);
  const oneTimePassword = generateOneTimePassword(input.loginName);
  const passwordHash = await hashPassword(oneTimePassword);
  return inTransaction(deps, async (c) => {
    const authority = await authorityInReachOrRefuse(c, staffActor, input.authorityId);
    assertMayManage(staffActor, { role: input.role, authority }, false);
    const [taken] = await c.tx.select({ id: accounts.id }).from(accounts)
      .where(eq(sql`lower(${accounts.loginName})`, input.loginName.toLowerCase())).limit(1);
    if (taken) throw AuthorityStaffErrors.STAFF_LOGIN_NAME_TAKEN({ path: ['loginName'] });
    const [row] = await c.tx.insert(accounts).values({
      kind: 'authority', role: input.role, loginName: input.loginName, passwordHash, displayName: input.displayName,
      phone: input.phone ?? null, email: input.email ?? null, authorityId: authority.id, mustChangePassword: true,
    }).returning();
    await audit(c, actor, 'authority.staff.create', 'account', row!.id, { loginName: input.loginName, role: input.role, authorityId: authority.id });
    return { account: presentStaffAccount(row!, authority, staffActor, c.now()), oneTimePassword };
  });
}

interface Locked { account: Account; authority: Authority }

/** Locks the account, then checks the rule (as it is), the version the administrator saw and the status table. */
async function lockForAction(c: Ctx, actor: StaffActor, id: string, version: number, action: StaffAccountAction): Promise<Locked> {
  const [account] = await c.tx.select().from(accounts).where(eq(accounts.id, id)).for('update');
  if (!account || account.kind !== 'authority' || !account.authorityId) throw AuthorityStaffErrors.STAFF_ACCOUNT_NOT_FOUND();
  const [authority] = await c.tx.select().from(authorities).where(eq(authorities.id, account.authorityId));
  if (!authority) throw AuthorityStaffErrors.STAFF_ACCOUNT_NOT_FOUND();
  assertMayManage(actor, { accountId: account.id, role: account.role, authority }, true);
  if (account.version !== version) {
    throw AuthorityStaffErrors.STAFF_VERSION_CONFLICT({ path: ['version'], extra: { currentVersion: account.version } });
  }
  const status = staffAccountStatus(account);
  if (staffAccountTransition(status, action) === null) {
    const allowed = allowedStaffAccountActions(status).map((a) => STAFF_ACCOUNT_WORKFLOW[a].label);
    throw AuthorityStaffErrors.STAFF_ACTION_NOT_ALLOWED({
      detail: `该账户当前状态不允许${STAFF_ACCOUNT_WORKFLOW[action].label}；现在可以：${allowed.join('、')}`,
      extra: { allowedActions: allowedStaffAccountActions(status) },
    });
  }
  return { account, authority };
}

async function save(c: Ctx, id: string, version: number, changes: Partial<Account>): Promise<Account> {
  const [row] = await c.tx.update(accounts).set({ ...changes, version: version + 1, updatedAt: c.now() })
    .where(sql`${accounts.id} = ${id} AND ${accounts.version} = ${version}`).returning();
  if (!row) throw AuthorityStaffErrors.STAFF_VERSION_CONFLICT({ path: ['version'] });
  return row;
}

/** 停用 / 启用. A disabled account cannot log in and its sessions end at once. */
export async function setAuthorityStaffDisabled(deps: Deps, actor: AccountActor, id: string, input: { disabled: boolean; version: number }) {
  const staffActor = staffActorOf(actor);
  return inTransaction(deps, async (c) => {
    const action = input.disabled ? 'disable' : 'enable';
    const { authority } = await lockForAction(c, staffActor, id, input.version, action);
    const row = await save(c, id, input.version, { disabled: input.disabled });
    if (input.disabled) await destroyAllSessions(c, id);
    await audit(c, actor, `authority.staff.${action}`, 'account', id, {});
    return presentStaffAccount(row, authority, staffActor, c.now());
  });
}

/** 重置密码: a new one-time password (shown once), 修改密码 at next login, unlocked, sessions ended. */
export async function resetAuthorityStaffPassword(deps: Deps, actor: AccountActor, id: string, input: { version: number }): Promise<StaffWithOneTimePassword> {
  const staffActor = staffActorOf(actor);
  return inTransaction(deps, async (c) => {
    const { account, authority } = await lockForAction(c, staffActor, id, input.version, 'reset_password');
    const oneTimePassword = generateOneTimePassword(account.loginName);
    const row = await save(c, id, input.version, {
      passwordHash: await hashPassword(oneTimePassword), mustChangePassword: true, failedLoginCount: 0, lockedUntil: null,
    });
    await destroyAllSessions(c, id);
    await clearAllFailures(c, account.loginName);
    await audit(c, actor, 'authority.staff.reset_password', 'account', id, {});
    return { account: presentStaffAccount(row, authority, staffActor, c.now()), oneTimePassword };
  });
}

/** 调整所属部门: moves the account to another authority in reach (checked as it is and as it will be). */
export async function reassignAuthorityStaff(deps: Deps, actor: AccountActor, id: string, input: { authorityId: string; version: number }) {
  const staffActor = staffActorOf(actor);
  return inTransaction(deps, async (c) => {
    const { account, authority: from } = await lockForAction(c, staffActor, id, input.version, 'reassign');
    const to = await authorityInReachOrRefuse(c, staffActor, input.authorityId);
    if (to.id === from.id) throw AuthorityStaffErrors.STAFF_SAME_AUTHORITY({ path: ['authorityId'] });
    assertMayManage(staffActor, { accountId: account.id, role: account.role, authority: to }, false);
    const row = await save(c, id, input.version, { authorityId: to.id });
    await audit(c, actor, 'authority.staff.reassign', 'account', id, { fromAuthorityId: from.id, toAuthorityId: to.id });
    return presentStaffAccount(row, to, staffActor, c.now());
  });
}
