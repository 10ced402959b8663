// Shared steps of the lifecycle tests: a small jurisdiction tree with logged-in staff, and the generic path
// (start → form → submit → institution 同意 → 受理 → 准予/不予) driven over HTTP as the three portals do.
import { expect } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Deps } from '../../src/context';
import {
  auditLog, certificateEvents, certificates, filingEvents, multiSiteFilings, registrationEvents, registrations,
} from '../../src/db/schema/index';
import { loggedIn, type Agent } from '../helpers/agent';
import { makeJurisdictions, staffOf } from '../helpers/authority-factories';
import { PASSWORD, makePhysician, makeQualification } from '../helpers/factories';
import { makeRegistration } from '../helpers/register-factories';
import { multipart } from '../helpers/applications-factories';
import { samplePdf } from '../helpers/upload-samples';

/** A fixed working day (Tuesday), so dates in assertions do not depend on when the suite runs. */
export const NOW = '2026-11-10T02:00:00Z';
export const TODAY = '2026-11-10';

/**
 * 北京市 ⊃ 海淀区, 东城区; 深圳市 ⊃ 南山区 (authority-factories), each institution's clerk logged in and a reviewer
 * of each county authority logged in.
 */
export async function makeWorld(app: FastifyInstance, deps: Deps) {
  const j = await makeJurisdictions(deps);
  const clerk = {
    hd: await loggedIn(app, j.hdInstitution.clerkLogin, PASSWORD),
    dc: await loggedIn(app, j.dcInstitution.clerkLogin, PASSWORD),
    ns: await loggedIn(app, j.nsInstitution.clerkLogin, PASSWORD),
  };
  const reviewer = {
    hd: await staffOf(app, deps, j.haidian.id),
    dc: await staffOf(app, deps, j.dongcheng.id),
    ns: await staffOf(app, deps, j.nanshan.id),
    bj: await staffOf(app, deps, j.beijing.id),
  };
  return { ...j, clerk, reviewer };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;

type InstitutionLike = { id: string; areaCode: string; approvingAuthorityId: string };

/** A logged-in physician (or assistant) with one 有效 registration at `institution`. */
export async function registeredPhysician(app: FastifyInstance, deps: Deps, institution: InstitutionLike, o: {
  name?: string; level?: 'physician' | 'assistant'; category?: 'clinical' | 'dental' | 'public_health' | 'tcm'; scopes?: string[];
} = {}) {
  const doc = await makePhysician(deps, { name: o.name ?? '测试医师', level: o.level, category: o.category });
  const registration = await makeRegistration(deps, {
    physicianId: doc.physician.id, qualificationId: doc.qualification.id, institution, level: o.level, category: o.category, scopes: o.scopes ?? ['11'],
  });
  const agent = await loggedIn(app, doc.loginName, PASSWORD);
  return { ...doc, agent, registration };
}

/** A further qualification of the same person (another category, or 执业医师 after an assistant's exam). */
export async function addQualification(deps: Deps, doc: { name: string; idNumber: string; physician: { id: string } }, level: 'physician' | 'assistant', category: 'clinical' | 'dental' | 'public_health' | 'tcm') {
  return (await makeQualification(deps, { name: doc.name, idNumber: doc.idNumber, level, category, physicianId: doc.physician.id })).qualification;
}

export interface Presented {
  id: string; version: number; state: string; businessCode: string | null; businessType: string; dueDate: string | null;
  institution: { id: string; name: string } | null; authority: { id: string; name: string } | null;
  business: {
    type: string; kindLabel: string | null; form: Record<string, unknown>; reason: string | null;
    review: { field: string; label: string; old: string | null; new: string | null; changed: boolean }[];
    subjectRegistrationId: string | null; subjectFilingId: string | null;
  } | null;
}

export type Subject = { registrationId?: string; filingId?: string };

/** 【办理】: 201 with the draft. */
export async function startBusiness(agent: Agent, businessType: string, subject: Subject): Promise<Presented> {
  const res = await agent.post('/api/v1/applications', { businessType, ...subject });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Presented;
}

export function putForm(agent: Agent, app: Presented, form: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return agent.request('PUT', `/api/v1/applications/${app.id}/form`, { expectedVersion: app.version, form });
}

/** 【确认，下一步】: 200 with the saved application. */
export async function saveForm(agent: Agent, app: Presented, form: Record<string, unknown>): Promise<Presented> {
  const res = await putForm(agent, app, form);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Presented;
}

/** 【提交】: 200, 待机构确认. */
export async function submit(agent: Agent, app: Presented): Promise<Presented> {
  const res = await agent.post(`/api/v1/applications/${app.id}/submit`, { expectedVersion: app.version });
  expect(res.statusCode, res.body).toBe(200);
  const submitted = res.json() as Presented;
  expect(submitted.state).toBe('pending_institution');
  return submitted;
}

/** Start, save the form, submit. */
export async function submitted(agent: Agent, businessType: string, subject: Subject, form: Record<string, unknown>): Promise<Presented> {
  const draft = await startBusiness(agent, businessType, subject);
  return submit(agent, await saveForm(agent, draft, form));
}

/** The institution's 同意; returns the new version. */
export async function institutionApproves(clerk: Agent, app: { id: string; version: number }): Promise<number> {
  const res = await clerk.post(`/api/v1/institution/applications/${app.id}/approve`, { expectedVersion: app.version });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { version: number }).version;
}

/** The authority's 受理; returns the accepted application (its due date, if a clock runs). */
export async function accepts(reviewer: Agent, id: string, version: number): Promise<{ version: number; dueDate: string | null; state: string }> {
  const res = await reviewer.post(`/api/v1/authority/applications/${id}/accept`, { expectedVersion: version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { version: number; dueDate: string | null; state: string };
}

export function approveRequest(reviewer: Agent, id: string, version: number): Promise<LightMyRequestResponse> {
  return reviewer.post(`/api/v1/authority/applications/${id}/approve`, { expectedVersion: version });
}

/** Submitted → institution 同意 → 受理: returns the version 准予 must name. */
export async function toAccepted(clerk: Agent, reviewer: Agent, app: Presented): Promise<number> {
  const version = await institutionApproves(clerk, app);
  return (await accepts(reviewer, app.id, version)).version;
}

/** The whole path to 准予 (200). */
export async function approvedThrough(clerk: Agent, reviewer: Agent, app: Presented): Promise<{ state: string; version: number }> {
  const res = await approveRequest(reviewer, app.id, await toAccepted(clerk, reviewer, app));
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { state: string; version: number };
  expect(body.state).toBe('approved');
  return body;
}

/** 【上传证明文件】: a one-page PDF; returns its fileSha256 for form.evidence[]. */
export async function uploadEvidence(agent: Agent, id: string, text = 'Training certificate'): Promise<string> {
  const { payload, headers } = multipart(await samplePdf({ text }), 'evidence.pdf', 'file', 'application/pdf');
  const res = await agent.request('POST', `/api/v1/applications/${id}/attachments`, payload, { headers });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { fileSha256: string }).fileSha256;
}

export function registrationsOf(deps: Deps, physicianId: string) {
  return deps.db.select().from(registrations).where(eq(registrations.physicianId, physicianId));
}

export async function registrationEventsOf(deps: Deps, registrationId: string) {
  const rows = await deps.db.select().from(registrationEvents).where(eq(registrationEvents.registrationId, registrationId)).orderBy(registrationEvents.id);
  return rows;
}

export async function filingEventsOf(deps: Deps, filingId: string) {
  return deps.db.select().from(filingEvents).where(eq(filingEvents.filingId, filingId)).orderBy(filingEvents.id);
}

export async function filingsOf(deps: Deps, physicianId: string) {
  return deps.db.select().from(multiSiteFilings).where(eq(multiSiteFilings.physicianId, physicianId));
}

export async function certificatesOf(deps: Deps, registrationId: string) {
  return deps.db.select().from(certificates).where(eq(certificates.registrationId, registrationId)).orderBy(certificates.createdAt);
}

export async function certificateEventsOf(deps: Deps, certificateIds: string[]) {
  if (certificateIds.length === 0) return [];
  return deps.db.select().from(certificateEvents).where(inArray(certificateEvents.certificateId, certificateIds)).orderBy(certificateEvents.id);
}

/** The audit entries about one record (entity type and id), oldest first. */
export async function auditOf(deps: Deps, entityType: string, entityId: string) {
  return deps.db.select().from(auditLog).where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId))).orderBy(auditLog.id);
}

/** The audit actions recorded for a lifecycle record (registration / multi_site_filing / certificate). */
export async function auditActionsOf(deps: Deps, entityType: 'registration' | 'multi_site_filing' | 'certificate', entityId: string): Promise<string[]> {
  return (await auditOf(deps, entityType, entityId)).map((a) => a.action);
}

export interface BusinessOptions {
  registrations: { id: string; status: string; statusLabel: string; scopes: { code: string }[] }[];
  filings: { id: string; status: string }[];
  businesses: { type: string; available: boolean; subjects: { registrationId?: string; filingId?: string; eligible: boolean; refusals: { code: string }[] }[] }[];
}

export async function businessOptions(agent: Agent): Promise<BusinessOptions> {
  const res = await agent.get('/api/v1/physician/business-options');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as BusinessOptions;
}

export const REASON = '因工作调动申请变更';
