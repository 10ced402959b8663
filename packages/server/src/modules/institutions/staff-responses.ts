/** Response shapes of 账户管理 (staff.ts): the institution's admin and clerk accounts. */
import { z } from 'zod';
import { Instant } from '../applications/responses';

export const StaffAccount = z.object({
  id: z.uuid(),
  loginName: z.string(),
  displayName: z.string(),
  role: z.enum(['institution_admin', 'institution_clerk']),
  roleLabel: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  disabled: z.boolean().describe('是否已停用'),
  lockedUntil: Instant.nullable().describe('登录失败锁定至（未锁定为 null）'),
  createdAt: Instant,
  manageable: z.boolean().describe('当前管理员能否停用、启用或重置其密码'),
});

export const StaffList = z.object({ items: z.array(StaffAccount).describe('管理员在前') });
