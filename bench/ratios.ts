// medreg against what the same PostgreSQL can do, in one run: pgbench select-only and TPC-B-like with the same
// client count, interleaved with medreg's scenarios over HTTP (loopback), round after round, so a noisy machine
// disturbs both alike. Prints req/s, p50/p95/p99, the ratio to the baseline (reads → select-only, writes → TPC-B),
// the server's RSS and statements per request from pg_stat_statements.
//   DATABASE_URL=postgres://medreg:medreg@127.0.0.1:5432/medreg_bench node --import tsx bench/ratios.ts \
//     [--seconds 5] [--rounds 3] [--concurrency 16] [--only verify,search,...]
// Needs bench/generate.ts data and the pg_stat_statements extension (docs/benchmarks.md). pgbench gets its own
// tables (pgbench_*) in the same database, initialised on first use.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    port: { type: 'string', default: '3998' },
    only: { type: 'string' },
    'pgbench-scale': { type: 'string', default: '10' },
  },
});
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const CONCURRENCY = Number(values.concurrency);
const PORT = Number(values.port);
const BASE = `http://127.0.0.1:${PORT}`;
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required (run bench/generate.ts first)');
  process.exit(1);
}

interface Session { cookie: string; csrf: string }
interface Tally { requests: number; errors: number; seconds: number; latencies: number[]; statements: number; firstError?: string }
type Kind = 'read' | 'write';
interface Scenario { key: string; name: string; kind: Kind; prepare?: () => Promise<void>; run: () => Promise<Slice> }
interface Slice { requests: number; errors: number; seconds: number; latencies: number[]; firstError?: string }

const PASSWORD = 'Bench@2026';

async function login(loginName: string): Promise<Session> {
  const captcha = (await (await fetch(`${BASE}/api/v1/captcha`)).json()) as { id: string; testAnswer: string };
  const res = await fetch(`${BASE}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginName, password: PASSWORD, captchaId: captcha.id, captchaAnswer: captcha.testAnswer }),
  });
  if (!res.ok) throw new Error(`login ${loginName}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

/** A client address per request, so the public quotas (per client) count many clients, as in real traffic. */
let ipCounter = 0;
function clientIp(): string {
  const n = ipCounter++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

let sliceSeconds = SECONDS;

/** Runs `request` from CONCURRENCY workers for sliceSeconds; `request` returns null when there is no work left. */
async function closedLoop(request: (worker: number) => Promise<Response | null>): Promise<Slice> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const end = Date.now() + sliceSeconds * 1000;
  const worker = async (w: number) => {
    while (Date.now() < end) {
      const t = performance.now();
      const res = await request(w);
      if (!res) return;
      const text = await res.text();
      latencies.push(performance.now() - t);
      if (!res.ok) {
        errors++;
        firstError ??= `${res.status} ${text.slice(0, 200)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  return { requests: latencies.length, errors, seconds: (performance.now() - started) / 1000, latencies, firstError };
}

function pgbench(mode: 'select-only' | 'tpcb'): Slice & { tps: number; latencyAvg: number } {
  const args = ['-n', '-c', String(CONCURRENCY), '-j', '2', '-T', String(SECONDS), ...(mode === 'select-only' ? ['-S'] : []), url!];
  const out = execFileSync('pgbench', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tps = Number(out.match(/tps = ([\d.]+)/)?.[1] ?? 0);
  const tx = Number(out.match(/number of transactions actually processed: (\d+)/)?.[1] ?? 0);
  const latencyAvg = Number(out.match(/latency average = ([\d.]+) ms/)?.[1] ?? 0);
  return { tps, latencyAvg, requests: tx, errors: 0, seconds: SECONDS, latencies: [] };
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS'));
  return Math.round(Number(line?.match(/\d+/)?.[0] ?? 0) / 1024);
}

/** Statements executed in this database by medreg's role, excluding transaction control and pgbench's own. */
async function statementCount(db: pg.Client): Promise<number> {
  const r = await db.query(`SELECT coalesce(sum(calls), 0)::bigint AS n FROM pg_stat_statements s
    JOIN pg_database d ON d.oid = s.dbid AND d.datname = current_database()
    WHERE s.query !~* '^\\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|SHOW|DISCARD|SELECT pg_advisory)'
      AND s.query !~* 'pgbench_' AND s.query !~* 'pg_stat_statements'`);
  return Number(r.rows[0].n);
}

const quantile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : NaN);

async function main(): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const hasPgbench = (await db.query(`SELECT to_regclass('pgbench_accounts') IS NOT NULL AS ok`)).rows[0].ok as boolean;
  if (!hasPgbench) {
    console.log(`Initialising pgbench tables (scale ${values['pgbench-scale']}) …`);
    execFileSync('pgbench', ['-i', '-q', '-s', String(values['pgbench-scale']), url!], { stdio: 'inherit' });
  }
  const counts = (await db.query(`SELECT (SELECT count(*) FROM physicians) AS physicians, (SELECT count(*) FROM applications) AS applications,
    (SELECT count(*) FROM institutions) AS institutions, (SELECT count(*) FROM registrations) AS registrations,
    (SELECT count(*) FROM certificates) AS certificates`)).rows[0] as Record<string, string>;
  // The institution bench/generate.ts gave the deep queues, its clerk and its commission's reviewer.
  const hot = (await db.query(`SELECT i.id, i.approving_authority_id FROM institutions i ORDER BY i.credit_code LIMIT 1`)).rows[0] as { id: string; approving_authority_id: string };
  const clerk = (await db.query(`SELECT login_name FROM accounts WHERE institution_id = $1 AND role = 'institution_clerk' LIMIT 1`, [hot.id])).rows[0] as { login_name: string };
  const reviewer = (await db.query(`SELECT login_name FROM accounts WHERE authority_id = $1 AND role = 'authority_reviewer' LIMIT 1`, [hot.approving_authority_id])).rows[0] as { login_name: string };
  type Work = { id: string; version: number };
  const toAgree = (await db.query(`SELECT id, version FROM applications WHERE institution_id = $1 AND state = 'pending_institution' ORDER BY id`, [hot.id])).rows as Work[];
  const toApprove = (await db.query(`SELECT a.id, a.version FROM applications a WHERE a.authority_id = $1 AND a.state = 'accepted'
    AND EXISTS (SELECT 1 FROM qualifications q WHERE q.physician_id = a.physician_id) ORDER BY a.id`, [hot.approving_authority_id])).rows as Work[];
  const tokens = (await db.query(`SELECT verify_token FROM certificates WHERE status = 'issued' ORDER BY md5(id::text) LIMIT 5000`)).rows.map((r) => r.verify_token as string);
  const searches = (await db.query(`SELECT p.name, i.name AS institution, i.province_code FROM registrations r
    JOIN physicians p ON p.id = r.physician_id JOIN institutions i ON i.id = r.main_institution_id
    WHERE r.status = 'valid' ORDER BY md5(r.id::text) LIMIT 2000`)).rows as { name: string; institution: string; province_code: string }[];

  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (bench/profile-summary.ts reads it).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'packages/server/src/main.ts'], {
    env: {
      ...process.env, PORT: String(PORT), HOST: '127.0.0.1', MEDREG_TEST_CAPTCHA: '1', MEDREG_DEMO_DATA: '0', LOG_LEVEL: 'info',
      NODE_ENV: 'development', MEDREG_DATA_DIR: '/tmp/medreg-bench-data', TRUST_PROXY: 'loopback',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let rssMax = 0;
  try {
    for (let i = 0; i < 240; i++) {
      try { if ((await fetch(`${BASE}/healthz`)).ok) break; } catch { /* starting */ }
      await new Promise((r) => setTimeout(r, 250));
    }
    const inst = await login(clerk.login_name);
    const auth = await login(reviewer.login_name);
    const rssStart = rssMb(server.pid!);

    let agreeNext = 0;
    let approveNext = 0;
    const post = (path: string, s: Session, body: unknown) => fetch(`${BASE}${path}`, {
      method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    let searchRate = 400;
    const captchas: { id: string; testAnswer: string; ip: string }[] = [];
    const scenarios: Scenario[] = [
      { key: 'verify', name: '证书核验 certificate verification', kind: 'read', run: () => {
        let i = 0;
        return closedLoop(() => fetch(`${BASE}/api/v1/register/certificates/${tokens[i++ % tokens.length]}`, { headers: { 'x-forwarded-for': clientIp() } }));
      } },
      { key: 'search', name: '公众查询 public register search', kind: 'read', prepare: async () => {
        // The captchas are fetched before the timed slice (and outside its statement count): the scenario is the search.
        const need = Math.max(500, Math.ceil(searchRate * sliceSeconds * 1.5));
        captchas.length = 0;
        await Promise.all(Array.from({ length: 8 }, async () => {
          while (captchas.length < need) {
            const ip = clientIp();
            const c = (await (await fetch(`${BASE}/api/v1/captcha`, { headers: { 'x-forwarded-for': ip } })).json()) as { id: string; testAnswer: string };
            captchas.push({ ...c, ip });
          }
        }));
      }, run: async () => {
        let i = 0;
        const slice = await closedLoop(() => {
          const c = captchas[i];
          const s = searches[i++ % searches.length]!;
          if (!c) return Promise.resolve(null);
          return fetch(`${BASE}/api/v1/register/search`, {
            method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': c.ip },
            body: JSON.stringify({ provinceCode: s.province_code, name: s.name, institutionName: s.institution, captchaId: c.id, captchaAnswer: c.testAnswer }),
          });
        });
        searchRate = slice.requests / slice.seconds;
        return slice;
      } },
      { key: 'iqueue', name: '机构待办 institution queue (first page)', kind: 'read', run: () =>
        closedLoop(() => fetch(`${BASE}/api/v1/institution/applications?queue=pending_institution`, { headers: { cookie: inst.cookie } })) },
      { key: 'aqueue', name: '审批机关待办 authority queue 已受理', kind: 'read', run: () =>
        closedLoop(() => fetch(`${BASE}/api/v1/authority/queue?queue=accepted`, { headers: { cookie: auth.cookie } })) },
      { key: 'agree', name: '机构同意 transition (institution 同意)', kind: 'write', run: () =>
        closedLoop(() => {
          const w = toAgree[agreeNext++];
          return w ? post(`/api/v1/institution/applications/${w.id}/approve`, inst, { expectedVersion: w.version }) : Promise.resolve(null);
        }) },
      { key: 'decide', name: '准予注册 decision', kind: 'write', run: () =>
        closedLoop(() => {
          const w = toApprove[approveNext++];
          // Without expectedVersion: with it every 准予注册 answers 409 (see docs/benchmarks.md).
          return w ? post(`/api/v1/authority/applications/${w.id}/approve`, auth, {}) : Promise.resolve(null);
        }) },
    ];
    const only = values.only?.split(',');
    const chosen = scenarios.filter((s) => !only || only.includes(s.key));
    const tallies = new Map<string, Tally>();
    const base = { 'select-only': { tx: 0, seconds: 0, lat: 0 }, tpcb: { tx: 0, seconds: 0, lat: 0 } };

    // Warm-up: plans, caches, JIT of the server — not counted.
    sliceSeconds = 1;
    for (const s of chosen.filter((x) => x.kind === 'read')) {
      await s.prepare?.();
      await s.run();
    }
    sliceSeconds = SECONDS;

    for (let round = 1; round <= ROUNDS; round++) {
      for (const mode of ['select-only', 'tpcb'] as const) {
        const r = pgbench(mode);
        base[mode].tx += r.requests;
        base[mode].seconds += r.seconds;
        base[mode].lat += r.latencyAvg / ROUNDS;
      }
      for (const s of chosen) {
        await s.prepare?.();
        const before = await statementCount(db);
        const slice = await s.run();
        const statements = (await statementCount(db)) - before - 1; // the count query itself
        rssMax = Math.max(rssMax, rssMb(server.pid!));
        const t = tallies.get(s.key) ?? { requests: 0, errors: 0, seconds: 0, latencies: [], statements: 0 };
        t.requests += slice.requests;
        t.errors += slice.errors;
        t.seconds += slice.seconds;
        t.latencies.push(...slice.latencies);
        t.statements += statements;
        t.firstError ??= slice.firstError;
        tallies.set(s.key, t);
      }
      console.error(`round ${round}/${ROUNDS} done`);
    }

    const selectOnly = base['select-only'].tx / base['select-only'].seconds;
    const tpcb = base.tpcb.tx / base.tpcb.seconds;
    console.log(`\nData: ${Object.entries(counts).map(([k, v]) => `${Number(v).toLocaleString('en')} ${k}`).join(', ')}.`);
    console.log(`${CONCURRENCY} clients; ${ROUNDS} rounds of ${SECONDS} s per scenario, interleaved with pgbench; one server process on PostgreSQL.\n`);
    console.log(`| Scenario | req/s (ok) | p50 ms | p95 ms | p99 ms | ratio | statements/request | errors |\n|---|---|---|---|---|---|---|---|`);
    console.log(`| pgbench -S (select-only) | ${selectOnly.toFixed(0)} | avg ${base['select-only'].lat.toFixed(2)} | | | 1 | 1 | 0 |`);
    console.log(`| pgbench TPC-B-like | ${tpcb.toFixed(0)} | avg ${base.tpcb.lat.toFixed(2)} | | | 1 | 7 | 0 |`);
    for (const s of chosen) {
      const t = tallies.get(s.key)!;
      const sorted = t.latencies.sort((a, b) => a - b);
      const rate = (t.requests - t.errors) / t.seconds; // answered successfully
      const ratio = rate / (s.kind === 'read' ? selectOnly : tpcb);
      console.log(`| ${s.name} | ${rate.toFixed(0)} | ${quantile(sorted, 0.5).toFixed(1)} | ${quantile(sorted, 0.95).toFixed(1)} | ${quantile(sorted, 0.99).toFixed(1)} | ${ratio.toFixed(3)} × ${s.kind === 'read' ? 'select-only' : 'TPC-B'} | ${(t.statements / Math.max(1, t.requests)).toFixed(1)} | ${t.errors} |`);
    }
    console.log(`\nServer RSS: ${rssStart} MB after start, ${rssMax} MB at most under load.`);
    console.log(`Work left for the write scenarios: ${Math.max(0, toAgree.length - agreeNext)} to 同意, ${Math.max(0, toApprove.length - approveNext)} to 准予注册 (regenerate when low).`);
    for (const s of chosen) {
      const e = tallies.get(s.key)?.firstError;
      if (e) console.log(`first error of ${s.key}: ${e}`);
    }
  } finally {
    server.kill('SIGTERM');
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
