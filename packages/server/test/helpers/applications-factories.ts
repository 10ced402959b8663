// Factories and helpers for the physician's business applications (业务申请 → 首次注册).
import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../src/context';
import { inTransaction } from '../../src/context';
import { accounts, physicians, type Institution } from '../../src/db/schema/index';
import type { AccountActor } from '../../src/http/actor';
import { applyTransition, type TransitionOptions } from '../../src/modules/applications/transition';
import type { Agent } from './agent';
import { loggedIn } from './agent';
import { makePhysician, PASSWORD } from './factories';
import { samplePhotoPng } from '../../src/pdf/test-fixtures';

/** A logged-in physician (activated unless told otherwise) with a qualification. */
export async function makeApplicant(app: FastifyInstance, deps: Deps, o: Parameters<typeof makePhysician>[1] = {}) {
  // makePhysician({ activated: false }) fails on an empty UPDATE: create it activated, then undo the activation.
  const p = await makePhysician(deps, { ...o, activated: true });
  if (o.activated === false) {
    await deps.db.update(physicians).set({ activationStatus: 'verified', activationMethod: null, activatedAt: null }).where(eq(physicians.id, p.physician.id));
  }
  const agent = await loggedIn(app, p.loginName, PASSWORD);
  return { ...p, agent };
}

export interface PresentedApp {
  id: string;
  version: number;
  state: string;
  businessCode: string | null;
  payload: Record<string, unknown>;
  [key: string]: unknown;
}

/** 【办理】 首次注册 and returns the draft. */
export async function startFirstRegistration(agent: Agent): Promise<PresentedApp> {
  const res = await agent.post('/api/v1/applications', { businessType: 'first_registration' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as PresentedApp;
}

/** Saves one step; expects success and returns the application. */
export async function saveStep(agent: Agent, draft: PresentedApp, fields: Record<string, unknown>): Promise<PresentedApp> {
  const res = await agent.patch(`/api/v1/applications/${draft.id}`, { expectedVersion: draft.version, ...fields });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PresentedApp;
}

/** A real 100×140 PNG portrait (it must decode completely: uploads are re-encoded). */
export const PNG_PHOTO_SIZE = { width: 100, height: 140 } as const;
export const PNG_PHOTO = samplePhotoPng(PNG_PHOTO_SIZE.width, PNG_PHOTO_SIZE.height);

/** A multipart/form-data body with one file field. */
export function multipart(content: Buffer, filename = 'photo.png', field = 'photo', type = 'image/png') {
  const boundary = `----medreg${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function uploadPhoto(agent: Agent, id: string, content: Buffer = PNG_PHOTO, filename = 'photo.png') {
  const { payload, headers } = multipart(content, filename);
  return agent.request('POST', `/api/v1/applications/${id}/photo`, payload, { headers });
}

export const ALL_DECLARATIONS = {
  civilCapacity: true, noCriminalPenalty: true, noRevocation: true, noAssessmentCancellation: true, noOtherBar: true, truthful: true,
};

/** Fills every step of the form for a clinical 执业医师 at `institution`, photo included; returns the complete draft. */
export async function completeDraft(agent: Agent, draft: PresentedApp, institution: Institution, o: { scopes?: string[]; category?: string } = {}): Promise<PresentedApp> {
  let d = await saveStep(agent, draft, { practiceLocationCode: institution.provinceCode, institutionId: institution.id });
  d = await saveStep(agent, d, { category: o.category ?? 'clinical', scopes: o.scopes ?? ['11'], startDate: '2026-11-01', department: institution.departments[0] });
  d = await saveStep(agent, d, {
    education: { education: '本科', degree: '学士', school: '北京大学医学部', major: '临床医学', graduationDate: '2023-07-01' },
    title: '住院医师',
  });
  const photo = await uploadPhoto(agent, d.id);
  expect(photo.statusCode, photo.body).toBe(200);
  d = photo.json() as PresentedApp;
  return saveStep(agent, d, { declarations: ALL_DECLARATIONS });
}

/** Gives the institution's admin a phone and an e-mail, so notifications to the staff can be counted. */
export async function giveStaffContacts(deps: Deps, institutionId: string) {
  await deps.db.update(accounts).set({ phone: '13911112222', email: 'staff@example.cn' })
    .where(eq(accounts.institutionId, institutionId));
}

/** An actor object for staff, to drive the workflow directly (the institution and authority portals do this over HTTP). */
export function staffActor(account: { id: string; role: string; loginName: string; displayName: string; institutionId: string | null; authorityId: string | null },
  org: { institutionName?: string; authority?: { name: string; areaCode: string; level: 'national' | 'province' | 'city' | 'county' } } = {}): AccountActor {
  return {
    kind: account.role.startsWith('institution') ? 'institution' : 'authority',
    role: account.role as AccountActor['role'],
    accountId: account.id,
    loginName: account.loginName,
    displayName: account.displayName,
    institutionId: account.institutionId,
    institutionName: org.institutionName ?? null,
    authorityId: account.authorityId,
    authority: org.authority ?? null,
    physicianId: null,
    csrfToken: '',
    mustChangePassword: false,
  };
}

/** Takes a workflow action as staff, in its own transaction. */
export async function actAs(deps: Deps, actor: AccountActor, id: string, action: Parameters<typeof applyTransition>[3], reason?: string, patch?: TransitionOptions['patch']) {
  return inTransaction(deps, (c) => applyTransition(c, actor, id, action, { reason, patch }));
}
