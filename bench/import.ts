// 国家医师资格信息导入 benchmark: generates N rows (default 5,000,000) of the import template to a CSV file, then on
// the same PostgreSQL database times (1) a raw `COPY` of that file into a plain table and (2) medreg's import of
// the same file (upload into chunks, row checks, encryption, COPY into staging, merge), printing rows/s, the ratio
// and the peak RSS of this process.
//   DATABASE_URL=postgres://…/medreg_bench node --import tsx bench/import.ts --rows 200000
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { eq } from 'drizzle-orm';
import { ConfigSchema } from '../packages/server/src/config';
import type { Deps } from '../packages/server/src/context';
import { postgresEngine } from '../packages/server/src/db/engine';
import { migrate } from '../packages/server/src/db/migrate';
import { accounts, qualificationImports } from '../packages/server/src/db/schema/index';
import { seedReferenceData } from '../packages/server/src/seed/reference';
import type { AccountActor } from '../packages/server/src/http/actor';
import { runImport } from '../packages/server/src/modules/qualification-import/run-import';
import { startImport } from '../packages/server/src/modules/qualification-import/upload';
import { syntheticCsv } from '../packages/server/src/modules/qualification-import/synthetic-file';
import { PiiCipher } from '../packages/server/src/security/pii';
import { createBlobStore } from '../packages/server/src/storage/create-blob-store';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '5000000' }, file: { type: 'string' } } });
const rows = Number(values.rows);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required (a PostgreSQL database for the benchmark)');
  process.exit(1);
}

let peakRss = 0, peakHeap = 0, peakExternal = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapTotal);
  peakExternal = Math.max(peakExternal, m.external);
}, 100);
sampler.unref();
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en');

async function main(): Promise<void> {
  const file = values.file ?? path.join(tmpdir(), `medreg-import-${rows}.csv`);
  let t0 = Date.now();
  await pipeline(Readable.from(syntheticCsv(rows, 5000)), createWriteStream(file));
  console.log(`generated ${rows.toLocaleString('en')} rows → ${file} (${mb((await stat(file)).size)}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const engine = postgresEngine(url!, 4);
  await migrate(engine);
  await seedReferenceData(engine.db);
  const client = new pg.Client({ connectionString: url });
  await client.connect();

  // 1. Raw COPY of the same CSV into a plain table of text columns.
  await client.query('DROP TABLE IF EXISTS bench_raw_qualifications');
  await client.query(`CREATE UNLOGGED TABLE bench_raw_qualifications (name text, id_number text, cert_code text, ticket text, level text, category text, exam_code text, exam_year text, obtained text, speciality text)`);
  t0 = Date.now();
  await pipeline(createReadStream(file), client.query(copyFrom(`COPY bench_raw_qualifications FROM STDIN WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')`)));
  const copyMs = Date.now() - t0;
  await client.query('DROP TABLE bench_raw_qualifications');
  const rssAfterCopy = peakRss;
  const externalAfterCopy = peakExternal;

  // 2. medreg's import of the same file, as the worker runs it (upload into chunks, then read, check, stage, merge).
  const config = ConfigSchema.parse({ NODE_ENV: 'test', LOG_LEVEL: 'silent', MEDREG_DEMO_DATA: '0' });
  const deps: Deps = { config, engine, db: engine.db, pii: new PiiCipher(Buffer.alloc(32, 9)), blobs: createBlobStore(config, engine.db), now: () => new Date() };
  let authority = (await client.query(`SELECT id, name, area_code FROM authorities WHERE level = 'province' ORDER BY area_code LIMIT 1`)).rows[0];
  authority ??= (await client.query(`INSERT INTO authorities (name, area_code, level) VALUES ('北京市卫生健康委员会', '110000', 'province') RETURNING id, name, area_code`)).rows[0];
  let [account] = await engine.db.select().from(accounts).where(eq(accounts.loginName, 'bench_import_admin'));
  if (!account) {
    [account] = await engine.db.insert(accounts).values({ loginName: 'bench_import_admin', displayName: '导入基准', passwordHash: 'x', kind: 'authority', role: 'authority_admin', authorityId: authority.id } as typeof accounts.$inferInsert).returning();
  }
  const actor = { kind: 'authority', role: 'authority_admin', accountId: account!.id, authorityId: authority.id, authority: { name: authority.name, areaCode: authority.area_code, level: 'province' } } as AccountActor;
  t0 = Date.now();
  const cpu0 = process.cpuUsage();
  const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const created = await startImport(deps, actor, { filename: path.basename(file), stream, truncated: () => false });
  const uploadMs = Date.now() - t0;
  await runImport(deps, created.id, { error: (o, m) => console.error(m, o) });
  const importMs = Date.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // Where the time went: reading (parse, checks, encryption, COPY into staging) vs. the one-transaction merge.
  const events = (await client.query(`SELECT action, created_at FROM qualification_import_events WHERE import_id = $1 ORDER BY id`, [created.id])).rows as { action: string; created_at: Date }[];
  const at = (a: string) => events.find((e) => e.action === a)?.created_at.getTime() ?? NaN;
  const [done] = await engine.db.select().from(qualificationImports).where(eq(qualificationImports.id, created.id));
  await client.end();
  await engine.close();

  console.log(`raw COPY:       ${(copyMs / 1000).toFixed(1)} s, ${rate(rows, copyMs)} rows/s (peak RSS so far ${mb(rssAfterCopy)}, buffers ${mb(externalAfterCopy)})`);
  console.log(`medreg import:  ${(importMs / 1000).toFixed(1)} s, ${rate(rows, importMs)} rows/s (upload into chunks ${(uploadMs / 1000).toFixed(1)} s), status ${done!.status}, inserted ${done!.rowsInserted}, updated ${done!.rowsUpdated}, unchanged ${done!.rowsUnchanged}, rejected ${done!.rowsRejected}`);
  console.log(`phases: read+check+stage ${((at('merge') - at('read')) / 1000).toFixed(1)} s, merge ${((at('finish') - at('merge')) / 1000).toFixed(1)} s; this process used ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU`);
  console.log(`ratio (medreg rows/s ÷ COPY rows/s): ${(copyMs / importMs).toFixed(2)}`);
  console.log(`peak RSS: ${mb(peakRss)} (JS heap ${mb(peakHeap)}, buffers outside it ${mb(peakExternal)})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
