import { z } from 'zod';

/** The declared success bodies of the account operations (captcha, session). */

export const CaptchaView = z.object({
  id: z.string().describe('验证码编号（登录、注册时随答案一并提交）'),
  svg: z.string().describe('验证码图片（SVG）'),
  testAnswer: z.string().optional().describe('验证码答案（仅测试模式 MEDREG_TEST_CAPTCHA 开启时返回）'),
});

const ACCOUNT_KINDS = ['physician', 'institution', 'authority'] as const;
const ACCOUNT_ROLES = ['physician', 'institution_admin', 'institution_clerk', 'authority_reviewer', 'authority_admin'] as const;
const AUTHORITY_LEVELS = ['national', 'province', 'city', 'county'] as const;

const Anonymous = z.object({ authenticated: z.literal(false).describe('未登录') });

const SignedIn = z.object({
  authenticated: z.literal(true),
  kind: z.enum(ACCOUNT_KINDS).describe('账户类型：医师、医疗机构、卫生健康行政部门'),
  role: z.enum(ACCOUNT_ROLES),
  roleLabel: z.string().describe('角色名称'),
  loginName: z.string(),
  displayName: z.string().describe('显示名称（医师姓名或工作人员姓名）'),
  institution: z.object({ id: z.string(), name: z.string().nullable() }).nullable().describe('所属医疗机构（机构账户）'),
  authority: z.object({
    id: z.string().nullable(),
    name: z.string(),
    areaCode: z.string().describe('辖区行政区划代码'),
    level: z.enum(AUTHORITY_LEVELS).describe('部门层级：国家、省、市、县'),
  }).nullable().describe('所属卫生健康行政部门（部门账户）'),
  physicianId: z.string().nullable().describe('医师档案编号（医师账户）'),
  csrfToken: z.string().describe('CSRF 令牌：修改类请求须在 x-csrf-token 请求头中回传'),
  mustChangePassword: z.boolean().describe('仍在使用初始密码：须先修改密码'),
});

/** 当前登录身份: signed in (with the CSRF token to echo) or anonymous. */
export const SessionView = z.discriminatedUnion('authenticated', [SignedIn, Anonymous]);

export const SignedOut = Anonymous;
