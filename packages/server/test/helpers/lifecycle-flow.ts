// The generic business path through the HTTP API, for tests that need the state a decision leaves:
// physician starts and fills in the form → submits → the institution agrees → the authority accepts and grants.
import { expect } from 'vitest';
import type { Agent } from './agent';
import { PNG_PHOTO, multipart } from './applications-factories';

export interface Parties {
  physician: Agent;
  clerk: Agent;
  reviewer: Agent;
}

interface Presented { id: string; version: number; state: string }

function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

/** Starts a business of `businessType` on a registration (or filing) and saves `form` (a function may use the draft's id). */
export async function draftBusiness(physician: Agent, businessType: string, subject: { registrationId?: string; filingId?: string },
  form: Record<string, unknown> | ((draftId: string) => Promise<Record<string, unknown>>)): Promise<Presented> {
  const draft = ok<Presented>(await physician.post('/api/v1/applications', { businessType, ...subject }), 201);
  const body = typeof form === 'function' ? await form(draft.id) : form;
  return ok<Presented>(await physician.request('PUT', `/api/v1/applications/${draft.id}/form`, { expectedVersion: draft.version, form: body }));
}

/** Submits a saved draft; the institution agrees and the authority accepts and grants (准予). Returns the application id. */
export async function grantBusiness(p: Parties, saved: Presented): Promise<string> {
  const submitted = ok<Presented>(await p.physician.post(`/api/v1/applications/${saved.id}/submit`, { expectedVersion: saved.version }));
  const agreed = ok<Presented>(await p.clerk.post(`/api/v1/institution/applications/${saved.id}/approve`, { expectedVersion: submitted.version }));
  const accepted = ok<Presented>(await p.reviewer.post(`/api/v1/authority/applications/${saved.id}/accept`, { expectedVersion: agreed.version }));
  const approved = ok<Presented>(await p.reviewer.post(`/api/v1/authority/applications/${saved.id}/approve`, { expectedVersion: accepted.version }));
  expect(approved.state).toBe('approved');
  return saved.id;
}

/** BT-09 补发/换领 of a registration's certificate, granted. */
export async function reissueCertificate(p: Parties, registrationId: string, reason: 'lost' | 'damaged' | 'data_changed' = 'lost') {
  return grantBusiness(p, await draftBusiness(p.physician, 'certificate_reissue', { registrationId }, { registrationId, reason }));
}

/**
 * BT-03 变更执业范围 ('add' the scopes, or 'replace' the list by them), with a 2-year training certificate uploaded as
 * evidence for each scope in `scopes`, granted.
 */
export async function changeScopes(p: Parties, registrationId: string, operation: 'add' | 'replace', scopes: string[]) {
  const saved = await draftBusiness(p.physician, 'change_registration', { registrationId }, async (draftId) => {
    const { payload, headers } = multipart(PNG_PHOTO, 'training.png', 'file');
    const file = ok<{ fileSha256: string }>(await p.physician.request('POST', `/api/v1/applications/${draftId}/attachments`, payload, { headers }), 201);
    return {
      kind: 'scopes', registrationId, reason: '已完成专业培训，申请变更执业范围', operation, scopes,
      evidence: scopes.map((scope) => ({ scope, kind: 'training', issuer: '北京大学第一医院', issuedOn: '2026-06-30', trainingMonths: 24, fileSha256: file.fileSha256 })),
    };
  });
  return grantBusiness(p, saved);
}

/** BT-04 助理升执业 at the same institution with a 执业医师 qualification of the same category, granted. */
export async function upgradeAssistant(p: Parties, registrationId: string, qualificationId: string, scopes: string[], declarations: Record<string, boolean>) {
  return grantBusiness(p, await draftBusiness(p.physician, 'assistant_upgrade', { registrationId }, {
    mode: 'same_institution', registrationId, qualificationId, scopes, declarations,
  }));
}
