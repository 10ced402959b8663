// Entry point: read the environment, open the engine, migrate, seed reference (and, when asked, demo) data, listen.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayInChina } from '@medreg/domain';
import { loadConfig } from './config';
import { createDeps, openEngine } from './bootstrap';
import { migrate } from './db/migrate';
import { buildApp } from './app';
import { asyncLogDestination } from './http/log-destination';
import { seedOnStart } from './seed/on-start';
import { RecordOnlySender } from './modules/notifications/sender';
import { createJobRunner } from './jobs/index';
import { qualificationImportWorker } from './jobs/qualification-import-worker';
import { sealLegacyCertCodes } from './security/seal-legacy-pii';
import { hasLegacyBlobFiles } from './storage/import-files';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  const { engine, release } = await openEngine(config);
  const deps = await createDeps(config, engine);
  const { applied } = await migrate(engine);
  const log = asyncLogDestination();
  process.on('exit', log.flush);
  const app = await buildApp({
    deps,
    webDist: WEB_DIST,
    logger: { level: config.LOG_LEVEL, stream: log.stream },
  });
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  const sealed = await sealLegacyCertCodes(deps);
  if (sealed) app.log.info({ sealed }, 'plain-text qualification codes encrypted');
  if (await hasLegacyBlobFiles(path.join(config.MEDREG_DATA_DIR, 'blobs'))) {
    app.log.warn('数据目录 blobs/ 中有旧版本保存的文件：请运行 npm run blobs:import 把它们导入共享存储，否则其他进程看不到这些照片和材料');
  }

  const banner = await seedOnStart(deps);

  // Scheduled jobs on the pg-boss queue (src/jobs): each run is taken by one process.
  const jobs = createJobRunner(deps, app.log, new RecordOnlySender(app.log));
  jobs.start();
  // Qualification imports on their own pg-boss queue: each import is taken by one process.
  const imports = qualificationImportWorker(deps, app.log);
  imports.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await jobs.stop();
    await imports.stop();
    await app.close();
    await release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ host: config.HOST, port: config.PORT });
  const base = `http://localhost:${config.PORT}`;
  const engineLine = engine.kind === 'pglite' ? `PGlite (${path.resolve(config.MEDREG_DATA_DIR)})` : 'PostgreSQL';
  console.log(`\nmedreg 医师电子化注册信息系统 已启动: ${base}  [${engineLine}]`);
  console.log(`API 文档: ${base}/api/docs`);
  if (config.MEDREG_CLOCK_OFFSET_DAYS) {
    console.log(`服务器时钟偏移 ${config.MEDREG_CLOCK_OFFSET_DAYS} 天（MEDREG_CLOCK_OFFSET_DAYS，仅限开发和测试）：服务器日期 ${todayInChina(deps.now())}（北京时间）`);
  }
  if (banner) console.log(banner);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
