// Issue 7, point 8: `npm run backup` after a small journey, `npm run restore` into an empty place,
// and the restored server shows the same application, photo and certificate. On the engine of the run.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { pgDumpAvailable } from '../../src/backup/pg-tools';
import { ConfigSchema } from '../../src/config';
import type { Deps } from '../../src/context';
import { migrate } from '../../src/db/migrate';
import { PiiCipher } from '../../src/security/pii';
import { seedReferenceData } from '../../src/seed/reference';
import { PostgresBlobStore } from '../../src/storage/postgres-blob-store';
import { loggedIn } from '../helpers/agent';
import { completeDraft, makeApplicant, PNG_PHOTO_SIZE, startFirstRegistration } from '../helpers/applications-factories';
import { decoded } from '../helpers/upload-samples';
import { emptyPlace, type EmptyPlace } from '../helpers/empty-database';
import { makeAuthority, makeInstitution, PASSWORD } from '../helpers/factories';
import { makeRegisteredPhysician } from '../helpers/register-factories';
import { cleanEnv, HttpAgent, SERVER_ROOT, startServerProcess, type ServerProcess } from '../helpers/server-process';

const KEY = Buffer.alloc(32, 5).toString('base64');
const OTHER_KEY = Buffer.alloc(32, 6).toString('base64');
const onPostgres = process.env.MEDREG_TEST_ENGINE === 'postgres';
const cli = (name: string) => fileURLToPath(new URL(`../../src/cli/${name}.ts`, import.meta.url));

function run(name: 'backup' | 'restore', env: Record<string, string>, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli(name), ...args], { cwd: SERVER_ROOT, env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.once('exit', (code) => resolve({ code, out }));
  });
}

const PUBLIC_BASE_URL = 'https://medreg.example.cn';

interface Journey {
  applicationId: string; applicationState: string; businessCode: string; photo: Buffer;
  applicantLogin: string; doctorLogin: string; registrationId: string; certificate: Buffer;
}

/** A physician's submitted application with a photo, and a registered physician's certificate PDF, on `place`. */
async function journey(place: EmptyPlace): Promise<Journey> {
  const engine = await place.open();
  const config = ConfigSchema.parse({ NODE_ENV: 'test', MEDREG_TEST_CAPTCHA: '1', LOG_LEVEL: 'silent', MEDREG_PII_KEY: KEY, PUBLIC_BASE_URL, ...place.env });
  const deps: Deps = { config, engine, db: engine.db, pii: new PiiCipher(Buffer.from(KEY, 'base64')), blobs: new PostgresBlobStore(engine.db), now: () => new Date() };
  await migrate(engine);
  await seedReferenceData(engine.db);
  const app = await buildApp({ deps, logger: false });
  try {
    const county = await makeAuthority(deps, { areaCode: '110108', level: 'county', name: '北京市海淀区卫生健康委员会' });
    const hospital = await makeInstitution(deps, { name: '北京市海淀医院', areaCode: '110108', authorityId: county.id });
    const doctor = await makeRegisteredPhysician(deps, hospital.institution, { name: '欧阳晓燕' });
    const owner = await loggedIn(app, doctor.loginName, PASSWORD);
    const pdf = await owner.get(`/api/v1/physician/registrations/${doctor.registration.id}/certificate.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);

    const applicant = await makeApplicant(app, deps, { name: '李备份' });
    const draft = await completeDraft(applicant.agent, await startFirstRegistration(applicant.agent), hospital.institution);
    const submitted = await applicant.agent.post(`/api/v1/applications/${draft.id}/submit`, { expectedVersion: draft.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const body = submitted.json() as { id: string; state: string; businessCode: string; payload: { photoSha256: string } };
    const photo = (await deps.blobs.get(deps.db, body.payload.photoSha256))!;
    return {
      applicationId: body.id, applicationState: body.state, businessCode: body.businessCode, photo, applicantLogin: applicant.loginName,
      doctorLogin: doctor.loginName, registrationId: doctor.registration.id, certificate: pdf.rawPayload,
    };
  } finally {
    await app.close();
    await engine.close();
  }
}

describe.skipIf(onPostgres && !(await pgDumpAvailable()))(`backup and restore (${onPostgres ? 'PostgreSQL, pg_dump' : 'PGlite data directory'})`, () => {
  const places: EmptyPlace[] = [];
  const servers: ServerProcess[] = [];
  let source: EmptyPlace;
  let done: Journey;
  let backupDir: string;
  const place = async () => { const p = await emptyPlace('medreg-br-'); places.push(p); return p; };

  beforeAll(async () => {
    source = await place();
    done = await journey(source);
    backupDir = path.join((await place()).dataDir, 'backup');
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) await s.stop('SIGKILL');
    for (const p of places) await p.drop();
  });

  it('backs up the database (files included) and the manifest, without the key', async () => {
    const prod = { ...source.env, NODE_ENV: 'production', MEDREG_PII_KEY: KEY };
    const refused = await run('backup', prod, [path.join(backupDir, '..', 'with-key'), '--include-dev-key']);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/生产环境不得把密钥放进备份/);

    const result = await run('backup', prod, [backupDir]);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/MEDREG_PII_KEY/);
    const manifest = JSON.parse(await readFile(path.join(backupDir, 'manifest.json'), 'utf8')) as {
      engine: string; medregVersion: string; createdAt: string; migrations: string[]; parts: { name: string; kind: string; sha256: string; files?: number }[];
      piiKey: { source: string; included: boolean };
    };
    expect(manifest).toMatchObject({ engine: onPostgres ? 'postgres' : 'pglite', medregVersion: '0.1.0', piiKey: { source: 'MEDREG_PII_KEY', included: false } });
    expect(manifest.migrations).toContain('20261201130000_account_must_change_password.sql');
    // Photos and PDFs are rows of the database: the dump alone carries them.
    expect(manifest.parts.map((p) => p.kind)).toEqual([onPostgres ? 'postgres-dump' : 'pglite-datadir']);
    expect(manifest).toMatchObject({ blobStore: 'postgres' });
    expect(result.out).toMatch(/照片、材料和生成的 PDF 保存在数据库中/);
    for (const p of manifest.parts) expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
    const everything = (await readdir(backupDir, { recursive: true })).join('\n');
    expect(everything).not.toMatch(/pii\.key/);
  }, 120_000);

  it('refuses a restore with the wrong key and leaves the place empty', async () => {
    const target = await place();
    const result = await run('restore', { ...target.env, NODE_ENV: 'production', MEDREG_PII_KEY: OTHER_KEY }, [backupDir]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/所给的 PII 密钥与备份不符/);
    expect(await readdir(target.dataDir)).toEqual([]);
    const engine = await target.open();
    try {
      const tables = await engine.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      expect(tables[0]!.n).toBe(0);
    } finally {
      await engine.close();
    }
  }, 60_000);

  it('restores into an empty place where the server shows the same application, photo and certificate', async () => {
    const target = await place();
    const result = await run('restore', { ...target.env, NODE_ENV: 'production', MEDREG_PII_KEY: KEY }, [backupDir]);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/密钥校验通过/);

    // The same public address, so the certificate (its QR link) is the same document: served from the restored cache.
    const server = await startServerProcess({ ...target.env, MEDREG_PII_KEY: KEY, MEDREG_TEST_CAPTCHA: '1', PUBLIC_BASE_URL });
    servers.push(server);
    const applicant = new HttpAgent(server.baseUrl);
    expect((await applicant.login(done.applicantLogin, PASSWORD)).status).toBe(200);
    const list = (await applicant.request('GET', '/api/v1/applications')).json() as { items?: { id: string }[] } | { id: string }[];
    expect(JSON.stringify(list)).toContain(done.applicationId);
    const detail = await applicant.request('GET', `/api/v1/applications/${done.applicationId}`);
    expect(detail.status, detail.text).toBe(200);
    expect(detail.json()).toMatchObject({ state: done.applicationState, businessCode: done.businessCode });
    const photo = await fetch(`${server.baseUrl}/api/v1/applications/${done.applicationId}/photo`, { headers: { cookie: applicant.cookie! } });
    expect(photo.status).toBe(200);
    // The photo as it was stored (re-encoded on upload), still the applicant's 100×140 PNG.
    const served = Buffer.from(await photo.arrayBuffer());
    expect(served.equals(done.photo)).toBe(true);
    expect(await decoded(served)).toMatchObject({ format: 'png', width: PNG_PHOTO_SIZE.width, height: PNG_PHOTO_SIZE.height });

    const doctor = new HttpAgent(server.baseUrl);
    expect((await doctor.login(done.doctorLogin, PASSWORD)).status).toBe(200);
    const pdf = await fetch(`${server.baseUrl}/api/v1/physician/registrations/${done.registrationId}/certificate.pdf`, { headers: { cookie: doctor.cookie! } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).equals(done.certificate)).toBe(true);
    await server.stop();
  }, 120_000);
});
