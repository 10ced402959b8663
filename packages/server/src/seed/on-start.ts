// What a start puts into the database: reference data always, demo data only when asked for.
import type { Deps } from '../context';
import { formatLogins, seedDemoDataIfEmpty } from './demo';
import { isDatabaseEmpty, seedReferenceData } from './reference';

export const NO_ACCOUNTS_HINT = '数据库中尚无账户：请运行 npm run create-admin 创建首个国家卫生健康委管理员账户（首次登录须修改密码）。';

/**
 * Seeds reference data (idempotent) and, when MEDREG_DEMO_DATA / --demo asks for it (never in
 * production: the configuration refuses that), the demo set. Returns the text for the start-up
 * banner: the demo logins, or a hint to create the first administrator; null when there is nothing to say.
 */
export async function seedOnStart(deps: Deps): Promise<string | null> {
  await seedReferenceData(deps.db);
  if (deps.config.MEDREG_DEMO_DATA) {
    const { logins } = await seedDemoDataIfEmpty(deps);
    return formatLogins(logins, { identities: deps.config.NODE_ENV === 'development' });
  }
  return (await isDatabaseEmpty(deps.db)) ? NO_ACCOUNTS_HINT : null;
}
