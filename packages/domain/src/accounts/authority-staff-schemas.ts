/** 人员账户: the API's inputs and answers (validation, OpenAPI, the authority portal's forms). */
import { z } from 'zod';
import { loginNameSchema } from '../account-credentials';
import { emailSchema, phoneSchema } from '../contact';
import { nameText, plainText } from '../text/plain-text';
import { AUTHORITY_STAFF_ROLES } from './staff-authority';
import { STAFF_ACCOUNT_STATUSES } from './staff-account-workflow';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const id = (message: string) => z.uuid({ error: message });
const role = z.enum(AUTHORITY_STAFF_ROLES, { error: '请选择角色（审核人员或管理员）' });
const version = z.number({ error: '缺少账户版本号，请刷新后重试' }).int().min(1);

export const AuthorityStaffQuery = z.object({
  authorityId: z.preprocess(blank, id('所选卫生健康行政部门无效').optional()),
  role: z.preprocess(blank, role.optional()),
  status: z.preprocess(blank, z.enum(STAFF_ACCOUNT_STATUSES, { error: '请选择账户状态（正常或已停用）' }).optional()),
  /** Part of the login name or the name. */
  name: z.preprocess(blank, plainText().trim().max(30, '姓名或登录名最多30个字').optional()),
  cursor: plainText().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type AuthorityStaffQueryInput = z.input<typeof AuthorityStaffQuery>;
export type AuthorityStaffQuery = z.output<typeof AuthorityStaffQuery>;

export const NewAuthorityStaff = z.object({
  authorityId: id('请选择所属卫生健康行政部门'),
  role,
  loginName: loginNameSchema,
  displayName: nameText({ error: '请填写姓名' }).trim().min(2, '请填写姓名（2–30个字）').max(30, '请填写姓名（2–30个字）'),
  phone: z.preprocess(blank, phoneSchema.optional()),
  email: z.preprocess(blank, emailSchema.optional()),
});
export type NewAuthorityStaff = z.infer<typeof NewAuthorityStaff>;

export const StaffStatusChange = z.object({ disabled: z.boolean({ error: '请选择停用或启用' }), version });
export const StaffPasswordReset = z.object({ version });
export const StaffReassignment = z.object({ authorityId: id('请选择新的所属卫生健康行政部门'), version });
export type StaffReassignment = z.infer<typeof StaffReassignment>;

export const ReachableAuthority = z.object({
  id: z.string(), name: z.string(), areaCode: z.string(), level: z.enum(['national', 'province', 'city', 'county']),
});
export type ReachableAuthority = z.infer<typeof ReachableAuthority>;

export const AuthorityStaffAccount = z.object({
  id: z.string(),
  loginName: z.string(),
  displayName: z.string(),
  role: z.enum(AUTHORITY_STAFF_ROLES),
  roleLabel: z.string(),
  authority: ReachableAuthority,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(STAFF_ACCOUNT_STATUSES),
  statusLabel: z.string(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  /** What the viewer may do to this account now (the server's policy and the status table). */
  allowedActions: z.array(z.enum(['disable', 'enable', 'reset_password', 'reassign'])),
});
export type AuthorityStaffAccount = z.infer<typeof AuthorityStaffAccount>;

export const AuthorityStaffPage = z.object({ items: z.array(AuthorityStaffAccount), total: z.number(), nextCursor: z.string().nullable() });
export type AuthorityStaffPage = z.infer<typeof AuthorityStaffPage>;

/** The answer of 新建 and 重置密码: the one-time password is in this answer only (never stored in clear). */
export const StaffWithOneTimePassword = z.object({ account: AuthorityStaffAccount, oneTimePassword: z.string() });
export type StaffWithOneTimePassword = z.infer<typeof StaffWithOneTimePassword>;
