// HTTP load benchmark: starts medreg on the benchmark database and measures the queue and search
// endpoints under concurrent load (bounded in count and time, loopback only).
//   DATABASE_URL=postgres://…/medreg_bench node --import tsx bench/http.ts --seconds 10 --concurrency 16
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '16' }, port: { type: 'string', default: '3999' } } });
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const PORT = Number(values.port);
const BASE = `http://127.0.0.1:${PORT}`;
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required (run bench/generate.ts first)');
  process.exit(1);
}

interface Session { cookie: string; csrf: string }

async function login(loginName: string, password: string): Promise<Session> {
  const captcha = (await (await fetch(`${BASE}/api/v1/captcha`)).json()) as { id: string; testAnswer: string };
  const res = await fetch(`${BASE}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginName, password, captchaId: captcha.id, captchaAnswer: captcha.testAnswer }),
  });
  if (!res.ok) throw new Error(`login ${loginName}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

async function load(name: string, session: Session, paths: string[]): Promise<string> {
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const end = Date.now() + SECONDS * 1000;
  const worker = async () => {
    while (Date.now() < end) {
      const path = paths[i++ % paths.length]!;
      const t = performance.now();
      const res = await fetch(`${BASE}${path}`, { headers: { cookie: session.cookie } });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      if (!res.ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(1);
  return `| ${name} | ${(latencies.length / SECONDS).toFixed(0)} | ${q(0.5)} | ${q(0.95)} | ${q(0.99)} | ${errors} |`;
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS'));
  return Math.round(Number(line?.match(/\d+/)?.[0] ?? 0) / 1024);
}

async function main(): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const counts = (await db.query(`SELECT (SELECT count(*) FROM physicians) AS physicians, (SELECT count(*) FROM applications) AS applications,
    (SELECT count(*) FROM institutions) AS institutions, (SELECT count(*) FROM registrations) AS registrations`)).rows[0];
  const clerk = (await db.query(`SELECT a.login_name, a.institution_id FROM accounts a WHERE a.role = 'institution_clerk' AND a.login_name LIKE 'bench_%'
    ORDER BY (SELECT count(*) FROM applications x WHERE x.institution_id = a.institution_id) DESC LIMIT 1`)).rows[0] as { login_name: string; institution_id: string };
  const sample = (await db.query(`SELECT physician_name, business_code FROM applications WHERE institution_id = $1 LIMIT 1`, [clerk.institution_id])).rows[0] as { physician_name: string; business_code: string };
  const reviewer = (await db.query(`SELECT a.login_name FROM accounts a JOIN institutions i ON i.approving_authority_id = a.authority_id WHERE i.id = $1 LIMIT 1`, [clerk.institution_id])).rows[0] as { login_name: string };
  await db.end();

  const server = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', MEDREG_TEST_CAPTCHA: '1', MEDREG_DEMO_DATA: '0', LOG_LEVEL: 'warn', NODE_ENV: 'development', MEDREG_DATA_DIR: '/tmp/medreg-bench-data' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; i < 200; i++) {
      try { if ((await fetch(`${BASE}/healthz`)).ok) break; } catch { /* starting */ }
      await new Promise((r) => setTimeout(r, 250));
    }
    const inst = await login(clerk.login_name, 'Bench@2026');
    const auth = await login(reviewer.login_name, 'Bench@2026');
    const rssBefore = rssMb(server.pid!);
    const name = encodeURIComponent(sample.physician_name);
    const rows = [
      await load('institution queue 待机构确认 (first page)', inst, ['/api/v1/institution/applications?queue=pending_institution']),
      await load('institution queue 已完成审批 (first page)', inst, ['/api/v1/institution/applications?queue=completed']),
      await load('institution search by 姓名', inst, [`/api/v1/institution/applications?queue=completed&name=${name}`]),
      await load('institution search by 业务编号', inst, [`/api/v1/institution/applications?queue=completed&businessCode=${sample.business_code}`]),
      await load('institution search by 申请日期 range', inst, ['/api/v1/institution/applications?queue=completed&submittedFrom=2025-06-01&submittedTo=2025-12-31']),
      await load('authority queue 已受理', auth, ['/api/v1/authority/queue?queue=accepted']),
    ];
    const rssAfter = rssMb(server.pid!);
    console.log(`\nData: ${JSON.stringify(counts)}; ${CONCURRENCY} concurrent clients, ${SECONDS} s per scenario, one server process.\n`);
    console.log('| Scenario | req/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|');
    console.log(rows.join('\n'));
    console.log(`\nServer RSS: ${rssBefore} MB before, ${rssAfter} MB after.`);
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
