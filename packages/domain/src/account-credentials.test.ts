import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PASSWORD_POLICY_TEXT, checkPassword, credentialsSchema, loginNameSchema, passwordSchema, passwordSchemaFor } from './account-credentials';
import { emailSchema, phoneSchema } from './contact';

describe('loginNameSchema', () => {
  it('accepts 4–32 letters, digits and underscores starting with a letter', () => {
    for (const ok of ['zhang', 'Zhang_San1', 'abcd', 'a'.repeat(32)]) expect(loginNameSchema.safeParse(ok).success).toBe(true);
  });

  it('refuses names that are short, long, start with a digit or hold other characters', () => {
    for (const bad of ['abc', 'a'.repeat(33), '1abc', '_abc', 'zhang san', '张三abc', 'ab-cd']) expect(loginNameSchema.safeParse(bad).success).toBe(false);
  });
});

describe('password policy', () => {
  it('describes itself in Chinese', () => {
    expect(PASSWORD_POLICY_TEXT).toMatch(/8–32位.*至少3类.*登录名/);
  });

  it('accepts 8–32 characters of at least 3 classes', () => {
    expect(checkPassword('Abcdef12')).toEqual([]);
    expect(checkPassword('abcdef1!')).toEqual([]);
    expect(passwordSchema.safeParse('ABCDEF1!').success).toBe(true);
  });

  it('refuses short, long, two-class and spaced passwords', () => {
    expect(checkPassword('Ab1!')).toEqual(['length']);
    expect(checkPassword(`Ab1!${'x'.repeat(29)}`)).toEqual(['length']);
    expect(checkPassword('abcdefgh12')).toEqual(['classes']);
    expect(checkPassword('Abc def12')).toEqual(['characters']);
  });

  it('refuses a password containing the login name, ignoring case', () => {
    expect(checkPassword('Zhangsan#2026', 'zhangsan')).toEqual(['contains_login_name']);
    expect(passwordSchemaFor('zhangsan').safeParse('xZHANGSAN1!').error?.issues[0]?.message).toBe('密码不能包含登录名');
    const r = credentialsSchema.safeParse({ loginName: 'zhangsan', password: 'Zhangsan#2026' });
    expect(r.error?.issues).toEqual([expect.objectContaining({ path: ['password'], message: '密码不能包含登录名' })]);
    expect(credentialsSchema.safeParse({ loginName: 'zhangsan', password: 'Li#Si2026' }).success).toBe(true);
  });

  it('never accepts a password with fewer than 3 classes', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9]{8,32}$/), (p) => checkPassword(p).includes('classes')));
  });
});

describe('contact schemas', () => {
  it('accepts mainland mobiles, dropping spaces, hyphens and +86', () => {
    expect(phoneSchema.parse('13800138000')).toBe('13800138000');
    expect(phoneSchema.parse('+86 138-0013-8000')).toBe('13800138000');
    for (const bad of ['12800138000', '1380013800', '138001380001', '010-12345678', '']) {
      expect(phoneSchema.safeParse(bad).error?.issues[0]?.message).toMatch(/手机号码/);
    }
  });

  it('accepts an e-mail address and trims it', () => {
    expect(emailSchema.parse(' doctor@example.cn ')).toBe('doctor@example.cn');
    expect(emailSchema.safeParse('doctor@').error?.issues[0]?.message).toBe('请输入有效的电子邮箱地址');
  });
});
