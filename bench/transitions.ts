// Measures a workflow transition (institution 同意) in-process against pgbench TPC-B in the same run:
// `concurrency` workers each take pending applications of the bench data set and decide them through
// decideApplication (the service the route calls: lock, write, notices, audit, then the detail read).
//   DATABASE_URL=postgres://…/medreg_bench PGBENCH_DB=medreg_pgb node --import tsx bench/transitions.ts --seconds 10 --concurrency 16
// PGBENCH_DB must have been initialised with `pgbench -i`. HTTP and session lookup are not included.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ConfigSchema } from '../packages/server/src/config';
import { postgresEngine } from '../packages/server/src/db/engine';
import type { Deps } from '../packages/server/src/context';
import { PiiCipher } from '../packages/server/src/security/pii';
import { createBlobStore } from '../packages/server/src/storage/create-blob-store';
import { decideApplication } from '../packages/server/src/modules/institutions/decisions';
import type { AccountActor } from '../packages/server/src/http/actor';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '16' } } });
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const url = process.env.DATABASE_URL!;
const pgbenchDb = process.env.PGBENCH_DB;

function pgbench(): number | undefined {
  if (!pgbenchDb) return undefined;
  const target = new URL(url);
  const out = execFileSync('pgbench', ['-h', target.hostname, '-p', target.port || '5432', '-U', decodeURIComponent(target.username),
    '-c', String(concurrency), '-j', '2', '-T', String(seconds), '-n', pgbenchDb], { env: { ...process.env, PGPASSWORD: decodeURIComponent(target.password) } }).toString();
  return Number(/tps = ([\d.]+)/.exec(out)?.[1]);
}

async function main(): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`
    SELECT a.id, a.version, a.institution_id, i.name AS institution_name, c.id AS clerk_id, c.login_name
    FROM applications a JOIN institutions i ON i.id = a.institution_id
    JOIN LATERAL (SELECT id, login_name FROM accounts WHERE institution_id = i.id AND role = 'institution_clerk' LIMIT 1) c ON true
    WHERE a.state = 'pending_institution' LIMIT $1`, [concurrency * seconds * 400]);
  await client.end();
  const engine = postgresEngine(url, concurrency);
  const config = ConfigSchema.parse({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url });
  const deps: Deps = { config, engine, db: engine.db, pii: new PiiCipher(Buffer.alloc(32, 7)), blobs: createBlobStore(config, engine.db), now: () => new Date() };

  const tps = pgbench();
  let next = 0;
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end && next < rows.length) {
      const r = rows[next++];
      const actor: AccountActor = {
        kind: 'institution', role: 'institution_clerk', accountId: r.clerk_id, loginName: r.login_name, displayName: '经办人',
        institutionId: r.institution_id, institutionName: r.institution_name, authorityId: null, authority: null, physicianId: null,
        csrfToken: '', mustChangePassword: false,
      };
      const t = performance.now();
      try {
        await decideApplication(deps, actor, r.id, 'institution_approve', { expectedVersion: r.version });
        latencies.push(performance.now() - t);
      } catch (error) {
        if (errors++ === 0) console.error(error);
      }
    }
  }));
  const wall = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await engine.close();
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]?.toFixed(1);
  const rps = latencies.length / wall;
  console.log(`pgbench TPC-B (${concurrency} clients): ${tps?.toFixed(0) ?? '—'} tps`);
  console.log(`institution 同意: ${rps.toFixed(0)} /s, p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms, errors ${errors}` +
    (tps ? `, ratio ${(rps / tps).toFixed(3)} × TPC-B` : ''));
  console.log(`Node CPU per transition: ${((cpu.user + cpu.system) / 1000 / latencies.length).toFixed(2)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
