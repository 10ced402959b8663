import {
  AUTHORITY_STAFF_ROLE_LABELS, STAFF_ACCOUNT_STATUS_LABELS, allowedStaffAccountActions, mayManageStaff, staffAccountStatus,
  type AuthorityStaffAccount, type AuthorityStaffRole, type StaffActor,
} from '@medreg/domain';
import type { Account, Authority } from '../../db/schema/index';
import { presentAuthority } from './reach';

/** An authority staff account, with what the viewer may do to it now (buttons follow the server). */
export function presentStaffAccount(a: Account, authority: Authority, viewer: StaffActor, now: Date): AuthorityStaffAccount {
  const role = a.role as AuthorityStaffRole;
  const status = staffAccountStatus(a);
  const manageable = mayManageStaff(viewer, { accountId: a.id, role, authority });
  return {
    id: a.id,
    loginName: a.loginName,
    displayName: a.displayName,
    role,
    roleLabel: AUTHORITY_STAFF_ROLE_LABELS[role] ?? role,
    authority: presentAuthority(authority),
    phone: a.phone,
    email: a.email,
    status,
    statusLabel: STAFF_ACCOUNT_STATUS_LABELS[status],
    locked: a.lockedUntil !== null && a.lockedUntil > now,
    mustChangePassword: a.mustChangePassword,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    allowedActions: manageable ? allowedStaffAccountActions(status) : [],
  };
}
