// The authority opens a 资格补改 request's attachments: listed with their type and size (no hashes), downloaded
// by staff whose jurisdiction covers the request (others: not found), each download audited.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, qualificationCorrections } from '../../src/db/schema/index';
import { samplePhotoPng } from '../../src/pdf/test-fixtures';
import { type Agent, expectProblem, loggedIn } from '../helpers/agent';
import { submitCorrection } from '../helpers/corrections-factories';
import { makeAuthority, makeAuthorityStaff, makeIdNumber, PASSWORD } from '../helpers/factories';
import { signUp } from '../helpers/physicians-factories';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { samplePdf } from '../helpers/upload-samples';

let t: TestApp;
let correctionId: string;
let stored: Buffer[];
let shas: string[];
let physician: Agent;
const staff: Record<'guangdong' | 'national' | 'shenzhenCounty' | 'beijing', Agent> = {} as never;

interface ListedAttachment { index: number; contentType: string | null; sizeBytes: number | null; url: string }
interface Listed { id: string; attachments: ListedAttachment[] }

beforeAll(async () => {
  t = await createTestApp();
  const gd = await makeAuthority(t.deps, { areaCode: '440000', level: 'province', name: '广东省卫生健康委员会' });
  const national = await makeAuthority(t.deps, { areaCode: '000000', level: 'national', name: '国家卫生健康委员会' });
  const county = await makeAuthority(t.deps, { areaCode: '440305', level: 'county', name: '深圳市南山区卫生健康局' });
  const beijing = await makeAuthority(t.deps, { areaCode: '110000', level: 'province', name: '北京市卫生健康委员会' });
  for (const [key, id] of [['guangdong', gd.id], ['national', national.id], ['shenzhenCounty', county.id], ['beijing', beijing.id]] as const) {
    staff[key] = await loggedIn(t.app, (await makeAuthorityStaff(t.deps, id)).loginName, PASSWORD);
  }
  const s = await signUp(t.app, { name: '梁医生', idNumber: makeIdNumber({ areaCode: '440305' }) });
  physician = s.agent;
  const res = await submitCorrection(s.agent, '资格证书姓名有误', [
    { filename: '医师资格证书.pdf', type: 'application/pdf', data: await samplePdf() },
    { filename: '身份证.png', type: 'image/png', data: samplePhotoPng(100, 140) },
  ]);
  expect(res.statusCode, res.body).toBe(201);
  correctionId = (res.json() as { id: string }).id;
  const [row] = await t.deps.db.select().from(qualificationCorrections).where(eq(qualificationCorrections.id, correctionId));
  shas = row!.attachments;
  stored = await Promise.all(shas.map(async (sha) => (await t.deps.blobs.get(t.deps.db, sha))!));
});
afterAll(async () => { await t.close(); });

const url = (index: number | string, id = correctionId) => `/api/v1/authority/qualification-corrections/${id}/attachments/${index}`;

describe('the authority list of 资格补改 requests', () => {
  it('describes each attachment by place, type, size and address, and shows no hash', async () => {
    const res = await staff.guangdong.get('/api/v1/authority/qualification-corrections');
    expect(res.statusCode, res.body).toBe(200);
    const item = (res.json() as { items: Listed[] }).items.find((i) => i.id === correctionId)!;
    expect(item.attachments).toEqual([
      { index: 0, contentType: 'application/pdf', sizeBytes: stored[0]!.length, url: url(0) },
      { index: 1, contentType: 'image/png', sizeBytes: stored[1]!.length, url: url(1) },
    ]);
    for (const sha of shas) expect(res.body).not.toContain(sha);
  });
});

describe('downloading an attachment', () => {
  it('gives staff of the routed-to authority the stored bytes, as a download that is neither sniffed nor cached', async () => {
    for (const index of [0, 1]) {
      const res = await staff.guangdong.get(url(index));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.rawPayload.equals(stored[index]!)).toBe(true);
      expect(res.headers['content-type']).toBe(index === 0 ? 'application/pdf' : 'image/png');
      expect(res.headers['content-disposition']).toMatch(/^attachment; /);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent(`附件${index + 1}${index === 0 ? '.pdf' : '.png'}`));
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(Number(res.headers['content-length'])).toBe(stored[index]!.length);
    }
  });

  it('records who downloaded which attachment in the audit log', async () => {
    const before = await t.deps.db.select().from(auditLog)
      .where(and(eq(auditLog.action, 'qualification_correction.attachment_download'), eq(auditLog.entityId, correctionId)));
    expect((await staff.national.get(url(1))).statusCode).toBe(200);
    const after = await t.deps.db.select().from(auditLog)
      .where(and(eq(auditLog.action, 'qualification_correction.attachment_download'), eq(auditLog.entityId, correctionId)));
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ actorRole: 'authority_reviewer', entityType: 'qualification_correction', detail: { index: 1, contentType: 'image/png' } });
  });

  it('answers not found outside the jurisdiction: another province, and a county below the routed-to province', async () => {
    for (const agent of [staff.beijing, staff.shenzhenCounty]) {
      expectProblem(await agent.get(url(0)), 404, 'NOT_FOUND');
      const listed = (await agent.get('/api/v1/authority/qualification-corrections')).json() as { items: Listed[] };
      expect(listed.items.map((i) => i.id)).not.toContain(correctionId);
    }
  });

  it('answers not found for an attachment the request does not have, or a request that does not exist', async () => {
    expectProblem(await staff.guangdong.get(url(2)), 404, 'NOT_FOUND');
    expectProblem(await staff.guangdong.get(url(0, '00000000-0000-4000-8000-000000000000')), 404, 'NOT_FOUND');
    expectProblem(await staff.guangdong.get(url('x')), 400, 'VALIDATION_FAILED');
  });

  it('is not open to physicians, the one who filed it included', async () => {
    expectProblem(await physician.get(url(0)), 403, 'FORBIDDEN');
  });
});
