// `npm run create-admin [-- --login-name NAME] [--display-name 名称] [--password-stdin] [--additional]`:
// creates the first 国家卫生健康委员会 administrator of an installation and prints a one-time password.
// On PGlite the server must be stopped (the data directory is opened by one process at a time).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { createDeps, openEngine } from '../bootstrap';
import { migrate } from '../db/migrate';
import { createFirstAdmin, DEFAULT_ADMIN_LOGIN } from '../modules/accounts/first-admin';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'login-name': { type: 'string', default: DEFAULT_ADMIN_LOGIN },
      'display-name': { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      additional: { type: 'boolean', default: false },
    },
  });
  const password = values['password-stdin'] ? await readStdin() : undefined;
  const config = loadConfig();
  const { engine, release } = await openEngine(config);
  try {
    const deps = await createDeps(config, engine);
    await migrate(engine);
    const admin = await createFirstAdmin(deps, {
      loginName: values['login-name'], displayName: values['display-name'], password, additional: values.additional,
    });
    console.log(`已创建${admin.authorityName}管理员账户 (authority administrator created)`);
    console.log(`  登录名 (login name): ${admin.loginName}`);
    if (admin.generated) console.log(`  一次性密码 (one-time password): ${admin.password}`);
    console.log('首次登录后须立即修改密码 (the first login must change the password).');
    console.log(`登录入口: ${config.publicBaseUrl}/login?portal=authority`);
  } finally {
    await release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
