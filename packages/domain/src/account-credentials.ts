/**
 * Login name and password rules of the physician account (seed step 5: 手机号、电子邮箱、登录名、登录密码).
 * Password policy: GB/T 22239-2019 (网络安全等级保护基本要求) 身份鉴别 asks that 身份鉴别信息具有复杂度要求;
 * medreg's reading: 8–32 printable ASCII characters, at least 3 of 4 character classes, not containing the login name.
 */
import { z } from 'zod';

export const LOGIN_NAME_MESSAGE = '登录名须为4–32位，以字母开头，只能包含字母、数字和下划线';

export const loginNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, { error: LOGIN_NAME_MESSAGE });

export const PASSWORD_CHARACTER_CLASSES = ['lower', 'upper', 'digit', 'symbol'] as const;
export type PasswordCharacterClass = (typeof PASSWORD_CHARACTER_CLASSES)[number];

export const passwordPolicy = {
  minLength: 8,
  maxLength: 32,
  minClasses: 3,
  classes: {
    lower: { label: '小写字母', pattern: /[a-z]/ },
    upper: { label: '大写字母', pattern: /[A-Z]/ },
    digit: { label: '数字', pattern: /[0-9]/ },
    symbol: { label: '特殊符号', pattern: /[!-/:-@[-`{-~]/ },
  },
} as const satisfies {
  minLength: number; maxLength: number; minClasses: number;
  classes: Record<PasswordCharacterClass, { label: string; pattern: RegExp }>;
};

export const PASSWORD_POLICY_TEXT = `密码长度为${passwordPolicy.minLength}–${passwordPolicy.maxLength}位，须包含小写字母、大写字母、数字、特殊符号中的至少${passwordPolicy.minClasses}类，不能包含空格，且不能包含登录名`;

export const PASSWORD_PROBLEMS = ['length', 'characters', 'classes', 'contains_login_name'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

export const PASSWORD_PROBLEM_TEXT = {
  length: `密码长度应为${passwordPolicy.minLength}–${passwordPolicy.maxLength}位`,
  characters: '密码只能包含字母、数字和英文特殊符号，不能包含空格',
  classes: `密码须包含小写字母、大写字母、数字、特殊符号中的至少${passwordPolicy.minClasses}类`,
  contains_login_name: '密码不能包含登录名',
} as const satisfies Record<PasswordProblem, string>;

/** Every way the password breaks the policy; [] when it keeps it. The login-name check ignores case. */
export function checkPassword(password: string, loginName?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < passwordPolicy.minLength || password.length > passwordPolicy.maxLength) problems.push('length');
  if (!/^[!-~]*$/.test(password)) problems.push('characters');
  const classes = PASSWORD_CHARACTER_CLASSES.filter((c) => passwordPolicy.classes[c].pattern.test(password)).length;
  if (classes < passwordPolicy.minClasses) problems.push('classes');
  const name = loginName?.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) problems.push('contains_login_name');
  return problems;
}

/** The password alone (the login-name rule needs `credentialsSchema` or `passwordSchemaFor`). */
export const passwordSchema = z.string().superRefine((password, ctx) => {
  for (const p of checkPassword(password)) ctx.addIssue({ code: 'custom', message: PASSWORD_PROBLEM_TEXT[p], params: { problem: p } });
});

/** The password of a known login name (e.g. a password change). */
export function passwordSchemaFor(loginName: string) {
  return z.string().superRefine((password, ctx) => {
    for (const p of checkPassword(password, loginName)) ctx.addIssue({ code: 'custom', message: PASSWORD_PROBLEM_TEXT[p], params: { problem: p } });
  });
}

/** Login name and password together, so the password can be checked against the name. */
export const credentialsSchema = z
  .object({ loginName: loginNameSchema, password: passwordSchema })
  .superRefine(({ loginName, password }, ctx) => {
    if (checkPassword(password, loginName).includes('contains_login_name')) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: PASSWORD_PROBLEM_TEXT.contains_login_name, params: { problem: 'contains_login_name' } });
    }
  });
