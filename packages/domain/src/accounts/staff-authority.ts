/**
 * 人员账户 — who may manage which authority staff account (卫生健康行政部门的审核人员和管理员).
 * Every authority account is bound to exactly one authority. An authority administrator manages the reviewers and
 * administrators of its own authority and of the authorities inside its jurisdiction (a province its cities and
 * counties, a city its counties); never an account of an authority above or beside it, never its own account,
 * and never with a role above its own. The same rule decides each action (create, disable/enable, reset password,
 * reassign: the account as it is AND as it will be) and narrows the list.
 * GB/T 22239-2019 (网络安全等级保护基本要求) 访问控制: 应授予管理用户所需的最小权限，实现管理用户的权限分离 —
 * medreg's reading: no administrator grants more than it holds, nor beyond the area it administers.
 */
import { jurisdictionContains, type Jurisdiction } from '../jurisdiction';

export const AUTHORITY_STAFF_ROLES = ['authority_reviewer', 'authority_admin'] as const;
export type AuthorityStaffRole = (typeof AUTHORITY_STAFF_ROLES)[number];

/** 审核人员 reviews and decides; 管理员 also administers (staff, calendar, audit). */
export const AUTHORITY_STAFF_ROLE_LABELS = {
  authority_reviewer: '审核人员',
  authority_admin: '管理员',
} as const satisfies Record<AuthorityStaffRole, string>;

/** Higher rank, more powers: a role may only be granted by an actor of at least that rank. */
const ROLE_RANK: Record<AuthorityStaffRole, number> = { authority_reviewer: 1, authority_admin: 2 };

export interface StaffAuthority extends Jurisdiction {
  id: string;
}

export interface StaffActor {
  accountId: string;
  role: string;
  authority: StaffAuthority | null;
}

/** An account as it is, or as an action would leave it (the new authority, the new role). */
export interface StaffTarget {
  accountId?: string;
  role: string;
  authority: StaffAuthority;
}

export const STAFF_REFUSALS = ['not_administrator', 'own_account', 'role_not_grantable', 'outside_jurisdiction'] as const;
export type StaffRefusal = (typeof STAFF_REFUSALS)[number];

export function isAuthorityStaffRole(role: string): role is AuthorityStaffRole {
  return (AUTHORITY_STAFF_ROLES as readonly string[]).includes(role);
}

/** The authority lies in the actor's reach: its own, or one inside its jurisdiction. */
export function authorityInReach(actor: StaffActor, authority: StaffAuthority): boolean {
  if (!actor.authority) return false;
  return actor.authority.id === authority.id || jurisdictionContains(actor.authority, authority);
}

/** Why the actor may not manage the target, or null when it may. */
export function staffRefusal(actor: StaffActor, target: StaffTarget): StaffRefusal | null {
  if (actor.role !== 'authority_admin' || !actor.authority) return 'not_administrator';
  if (target.accountId !== undefined && target.accountId === actor.accountId) return 'own_account';
  if (!isAuthorityStaffRole(target.role) || ROLE_RANK[target.role] > ROLE_RANK[actor.role]) return 'role_not_grantable';
  if (!authorityInReach(actor, target.authority)) return 'outside_jurisdiction';
  return null;
}

/** Whether the actor may create, change or hold the target account (as it is or as it will be). */
export function mayManageStaff(actor: StaffActor, target: StaffTarget): boolean {
  return staffRefusal(actor, target) === null;
}
