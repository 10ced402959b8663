// The first national administrator of an installation without demo data (`npm run create-admin`).
import { randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { PASSWORD_PROBLEM_TEXT, checkPassword, loginNameSchema } from '@medreg/domain';
import type { Deps } from '../../context';
import { inTransaction } from '../../context';
import { accounts, authorities } from '../../db/schema/index';
import { audit } from '../audit/service';
import { hashPassword } from './passwords';

/** 国家卫生健康委员会: the national authority (area code 000000, see the authorities table). */
export const NATIONAL_AUTHORITY = { name: '国家卫生健康委员会', areaCode: '000000', level: 'national' } as const;
export const DEFAULT_ADMIN_LOGIN = 'nhc_admin';

export class FirstAdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FirstAdminError';
  }
}

export interface FirstAdminInput {
  loginName?: string;
  displayName?: string;
  /** Given by the operator (stdin); generated when absent. */
  password?: string;
  /** Create one even though a national administrator exists already. */
  additional?: boolean;
}

export interface FirstAdmin {
  accountId: string;
  loginName: string;
  password: string;
  generated: boolean;
  authorityName: string;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#%^*-_=+';

/** A 16-character one-time password that keeps the password policy. */
export function generateOneTimePassword(loginName: string): string {
  for (;;) {
    const password = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (checkPassword(password, loginName).length === 0 && /[!-/:-@[-`{-~]/.test(password)) return password;
  }
}

/**
 * Creates an authority administrator of 国家卫生健康委员会 (and the authority itself when the
 * database has none yet), with must_change_password set: the first login leads to the password change.
 * Refuses when a national administrator exists, unless `additional` is set.
 */
export async function createFirstAdmin(deps: Deps, input: FirstAdminInput = {}): Promise<FirstAdmin> {
  const name = loginNameSchema.safeParse(input.loginName ?? DEFAULT_ADMIN_LOGIN);
  if (!name.success) throw new FirstAdminError(name.error.issues[0]!.message);
  const loginName = name.data;
  const generated = input.password === undefined;
  const password = input.password ?? generateOneTimePassword(loginName);
  const problem = checkPassword(password, loginName)[0];
  if (problem) throw new FirstAdminError(`密码不符合要求：${PASSWORD_PROBLEM_TEXT[problem]}`);

  return inTransaction(deps, async (c) => {
    let [authority] = await c.tx.select().from(authorities).where(eq(authorities.level, 'national')).limit(1).for('update');
    authority ??= (await c.tx.insert(authorities).values({ ...NATIONAL_AUTHORITY, parentId: null }).returning())[0]!;
    const [existing] = await c.tx.select({ loginName: accounts.loginName }).from(accounts)
      .where(and(eq(accounts.authorityId, authority.id), eq(accounts.role, 'authority_admin'))).limit(1);
    if (existing && !input.additional) {
      throw new FirstAdminError(`${authority.name}已有管理员账户（${existing.loginName}），未创建新账户。如确需再建一个，请加 --additional。`);
    }
    const [taken] = await c.tx.select({ id: accounts.id }).from(accounts).where(eq(sql`lower(${accounts.loginName})`, loginName.toLowerCase())).limit(1);
    if (taken) throw new FirstAdminError(`登录名 ${loginName} 已被占用，请用 --login-name 指定另一个`);
    const [account] = await c.tx.insert(accounts).values({
      kind: 'authority', role: 'authority_admin', loginName, passwordHash: await hashPassword(password),
      displayName: input.displayName ?? `${authority.name}管理员`, authorityId: authority.id, mustChangePassword: true,
    }).returning();
    await audit(c, { accountId: null, role: 'system' }, 'account.admin_created', 'account', account!.id, { loginName, authorityId: authority.id, via: 'create-admin' });
    return { accountId: account!.id, loginName, password, generated, authorityName: authority.name };
  });
}
