// The generic business path through the HTTP API (LIFECYCLE.md), for the 医疗机构端 and 卫生健康行政部门端 tests:
// the physician starts, fills in and submits; the institution confirms; the authority accepts and decides.
import { expect } from 'vitest';
import type { Agent } from '../helpers/agent';
import { multipart, PNG_PHOTO } from '../helpers/applications-factories';

export interface Presented {
  id: string;
  version: number;
  state: string;
  businessCode: string | null;
  dueDate: string | null;
  nextStep: { text: string };
  business: {
    type: string; label: string; kindLabel: string | null; reason: string | null; attachmentsUrl: string;
    review: { field: string; label: string; old: string | null; new: string | null; changed: boolean }[];
  } | null;
}

/** 业务申请 → a type → the record it starts from: the draft. */
export async function startBusiness(agent: Agent, businessType: string, subject: { registrationId?: string; filingId?: string }): Promise<Presented> {
  const res = await agent.post('/api/v1/applications', { businessType, ...subject });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Presented;
}

/** Uploads one evidence file and returns its fileSha256. */
export async function uploadEvidence(agent: Agent, id: string, filename: string): Promise<string> {
  const body = multipart(PNG_PHOTO, filename, 'file');
  const res = await agent.request('POST', `/api/v1/applications/${id}/attachments`, body.payload, { headers: body.headers });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { fileSha256: string }).fileSha256;
}

/** 【确认，下一步】 with the whole form, then 【提交】: the application waits for the institution. */
export async function fillAndSubmit(agent: Agent, draft: Presented, form: Record<string, unknown>): Promise<Presented> {
  const saved = await agent.request('PUT', `/api/v1/applications/${draft.id}/form`, { expectedVersion: draft.version, form });
  expect(saved.statusCode, saved.body).toBe(200);
  const version = (saved.json() as Presented).version;
  const submitted = await agent.post(`/api/v1/applications/${draft.id}/submit`, { expectedVersion: version });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json() as Presented;
}

/** One decision by staff on the version they see; returns the application after it. */
export async function decide(agent: Agent, url: string, version: number, body: Record<string, unknown> = {}): Promise<Presented> {
  const res = await agent.post(url, { expectedVersion: version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Presented;
}

/** 同意 by the institution, 受理 by the authority. */
export async function confirmAndAccept(clerk: Agent, reviewer: Agent, app: Presented): Promise<Presented> {
  const agreed = await decide(clerk, `/api/v1/institution/applications/${app.id}/approve`, app.version);
  return decide(reviewer, `/api/v1/authority/applications/${app.id}/accept`, agreed.version);
}
