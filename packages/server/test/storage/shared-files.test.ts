// Files every server process can read: two app instances with data directories of their own on one database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { applications, blobs, pdfCache } from '../../src/db/schema/index';
import { rowsOf } from '../../src/db/rows';
import { readPdfText } from '../../src/pdf/test-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createPeerApp, type PeerApp } from '../helpers/peer-app';
import { loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD, makeInstitution } from '../helpers/factories';
import { completeDraft, makeApplicant, startFirstRegistration } from '../helpers/applications-factories';
import { makeRegistration } from '../helpers/register-factories';

let t: TestApp;
let peer: PeerApp;
let hospital: Awaited<ReturnType<typeof makeInstitution>>;
let applicant: Awaited<ReturnType<typeof makeApplicant>>;
let applicationId: string;
let clerkOnA: Agent;
let clerkOnB: Agent;

/** Whether a PDF embeds a raster image (the photo): its image XObject dictionary is never compressed. */
const embedsImage = (pdf: Buffer) => pdf.includes('/Subtype /Image');

beforeAll(async () => {
  t = await createTestApp();
  peer = await createPeerApp(t);
  expect(peer.deps.config.MEDREG_DATA_DIR).not.toBe(t.deps.config.MEDREG_DATA_DIR);
  hospital = await makeInstitution(t.deps, { name: '北京市海淀医院' });
  applicant = await makeApplicant(t.app, t.deps, { name: '欧阳晓燕' });
  // The photo is uploaded through instance A (completeDraft uploads it) and the application submitted there.
  const draft = await completeDraft(applicant.agent, await startFirstRegistration(applicant.agent), hospital.institution);
  const submitted = await applicant.agent.post(`/api/v1/applications/${draft.id}/submit`, { expectedVersion: draft.version });
  expect(submitted.statusCode, submitted.body).toBe(200);
  applicationId = draft.id;
  clerkOnA = await loggedIn(t.app, hospital.clerkLogin, PASSWORD);
  clerkOnB = await loggedIn(peer.app, hospital.clerkLogin, PASSWORD);
}, 60_000);

afterAll(async () => {
  await peer?.close();
  await t?.close();
});

describe('files shared by every server process', () => {
  it('serves a photo uploaded through one instance from the other', async () => {
    const onA = await applicant.agent.get(`/api/v1/applications/${applicationId}/photo`);
    expect(onA.statusCode).toBe(200);
    const physicianOnB = await loggedIn(peer.app, applicant.loginName, PASSWORD);
    const onB = await physicianOnB.get(`/api/v1/applications/${applicationId}/photo`);
    expect(onB.statusCode, onB.body).toBe(200);
    expect(onB.headers['content-type']).toMatch(/^image\/(png|jpeg)/);
    expect(onB.rawPayload.equals(onA.rawPayload)).toBe(true);
    expect(Number(onB.headers['content-length'])).toBe(onA.rawPayload.length);
  });

  it('prints that photo on the 审核表 rendered by the other instance, and both serve the same document', async () => {
    const onB = await clerkOnB.get(`/api/v1/institution/applications/${applicationId}/form.pdf`);
    expect(onB.statusCode, onB.body).toBe(200);
    expect(embedsImage(onB.rawPayload)).toBe(true);
    expect((await readPdfText(onB.rawPayload)).pages.join('')).toContain('欧阳晓燕');
    const onA = await clerkOnA.get(`/api/v1/institution/applications/${applicationId}/form.pdf`);
    expect(onA.rawPayload.equals(onB.rawPayload)).toBe(true);
  });

  it('keeps the cached 审核表 encrypted, since it prints the full 身份证号', async () => {
    const [cached] = await t.deps.db.select({ sha256: pdfCache.sha256, sealed: pdfCache.sealed }).from(pdfCache)
      .where(and(eq(pdfCache.kind, 'application_form'), eq(pdfCache.subjectId, applicationId)));
    expect(cached!.sealed).toBe(true);
    const [row] = await rowsOf<{ content: Buffer | Uint8Array }>(t.deps.db, sql`SELECT content FROM blobs WHERE sha256 = ${cached!.sha256}`);
    const stored = Buffer.from(row!.content);
    expect(stored.subarray(0, 5).toString('latin1')).not.toBe('%PDF-');
    expect(stored.includes(applicant.idNumber)).toBe(false);
  });

  it('prints the photo on the certificate rendered by the other instance', async () => {
    const registration = await makeRegistration(t.deps, { physicianId: applicant.physician.id, institution: hospital.institution, applicationId });
    const physicianOnB = await loggedIn(peer.app, applicant.loginName, PASSWORD);
    const onB = await physicianOnB.get(`/api/v1/physician/registrations/${registration.id}/certificate.pdf`);
    expect(onB.statusCode, onB.body).toBe(200);
    expect(embedsImage(onB.rawPayload)).toBe(true);
    const onA = await applicant.agent.get(`/api/v1/physician/registrations/${registration.id}/certificate.pdf`);
    expect(onA.rawPayload.equals(onB.rawPayload)).toBe(true);
  });

  it('renders the 审核表 anew when what it prints changes (the institution opinion), and only then', async () => {
    const before = await clerkOnA.get(`/api/v1/institution/applications/${applicationId}/form.pdf`);
    const again = await clerkOnB.get(`/api/v1/institution/applications/${applicationId}/form.pdf`);
    expect(again.rawPayload.equals(before.rawPayload)).toBe(true);
    expect((await readPdfText(before.rawPayload)).pages.join('')).not.toContain('经核实，申请人所填信息属实');

    const [app] = await t.deps.db.select({ version: applications.version }).from(applications).where(eq(applications.id, applicationId));
    const agreed = await clerkOnA.post(`/api/v1/institution/applications/${applicationId}/approve`, { expectedVersion: app!.version });
    expect(agreed.statusCode, agreed.body).toBe(200);

    const after = await clerkOnB.get(`/api/v1/institution/applications/${applicationId}/form.pdf`);
    expect(after.statusCode).toBe(200);
    expect(after.rawPayload.equals(before.rawPayload)).toBe(false);
    expect((await readPdfText(after.rawPayload)).pages.join('')).toContain('经核实，申请人所填信息属实');
    const rows = await t.deps.db.select({ sha256: pdfCache.sha256 }).from(pdfCache)
      .where(and(eq(pdfCache.kind, 'application_form'), eq(pdfCache.subjectId, applicationId)));
    expect(rows).toHaveLength(1);
  });

  it('has no file under either data directory: the bytes are in the database', async () => {
    const [count] = await rowsOf<{ n: number }>(t.deps.db, sql`SELECT count(*)::int AS n FROM blobs WHERE content IS NULL`);
    expect(count!.n).toBe(0);
    const [photo] = await t.deps.db.select({ size: blobs.sizeBytes }).from(blobs)
      .innerJoin(applications, eq(applications.photoSha256, blobs.sha256)).where(eq(applications.id, applicationId));
    expect(photo!.size).toBeGreaterThan(0);
  });
});
