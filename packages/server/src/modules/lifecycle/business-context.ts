/**
 * The one generic path of the business types defined in @medreg/domain business/ (architecture § Business types as
 * definitions): everything it needs to ask a definition — the physician's snapshot, the institution the form names,
 * today's date — loaded once per command.
 */
import {
  BUSINESS_TYPES, businessDefinition, todayInChina, type BusinessContext, type BusinessDefinition, type BusinessType, type PhysicianSnapshot,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import type { Application, Physician } from '../../db/schema/index';
import { loadInstitutionRef, loadPhysicianSnapshot } from './snapshot';

/** Business types that run on the generic path (首次注册 keeps its step-by-step wizard). */
export const FORM_BUSINESS_TYPES = [
  'additional_registration', 'change_registration', 'assistant_upgrade', 'multi_site_filing', 'certificate_reissue',
  're_registration', 'cancellation',
] as const satisfies readonly BusinessType[];
export type FormBusinessType = (typeof FORM_BUSINESS_TYPES)[number];

export function isFormBusinessType(type: unknown): type is FormBusinessType {
  return (FORM_BUSINESS_TYPES as readonly unknown[]).includes(type) && (BUSINESS_TYPES as readonly unknown[]).includes(type);
}

/** What a generic application keeps in its payload. */
export interface BusinessPayload {
  /** The form as the physician filled it (validated whole when saved and again at submission). */
  form: Record<string, unknown>;
  /** Fingerprints of the records it starts from, taken at submission (recheck at decision). */
  submitted?: { registrationFingerprint?: string; filingFingerprint?: string };
  /** The 审核表 rows (old → new) as of the last save or submission. */
  review?: { field: string; label: string; old: string | null; new: string | null; changed: boolean }[];
  /** 申请理由 shown to the institution and the authority. */
  reason?: string;
}

/** Whether an application runs on the generic path (首次注册, and 增加执业地点 of seed question 六, do not). */
export function isFormBusiness(app: Pick<Application, 'businessType' | 'payload'>): boolean {
  return isFormBusinessType(app.businessType) && typeof (app.payload as { form?: unknown }).form === 'object';
}

export function definitionOf(type: string): BusinessDefinition<unknown> {
  const def = isFormBusinessType(type) ? businessDefinition(type) : undefined;
  if (!def) throw new Error(`no business definition for ${type}`);
  return def;
}

/** The snapshot without the application itself among the pending ones (it is being saved, submitted or decided). */
function withoutApplication(snapshot: PhysicianSnapshot, app: Pick<Application, 'businessType' | 'subjectRegistrationId' | 'subjectFilingId'> | undefined): PhysicianSnapshot {
  if (!app) return snapshot;
  // Started from a filing: the filing tells it apart (the snapshot also gives it the filing's registration).
  const same = (p: PhysicianSnapshot['pending'][number]) => (app.subjectFilingId
    ? (p.filingId ?? null) === app.subjectFilingId
    : (p.registrationId ?? null) === app.subjectRegistrationId && (p.filingId ?? null) === null);
  const i = snapshot.pending.findIndex((p) => p.type === app.businessType && same(p));
  return i < 0 ? snapshot : { ...snapshot, pending: snapshot.pending.filter((_, j) => j !== i) };
}

export async function businessContext<F>(
  c: Ctx, physician: Physician, def: BusinessDefinition<F>, form: F,
  opts: { stage?: 'submission' | 'decision'; lock?: boolean; app?: Pick<Application, 'businessType' | 'subjectRegistrationId' | 'subjectFilingId'> } = {},
): Promise<BusinessContext<F>> {
  const snapshot = withoutApplication(await loadPhysicianSnapshot(c, physician, { lock: opts.lock }), opts.app);
  const proposal = def.proposal(form, snapshot);
  const institution = proposal.institutionId ? await loadInstitutionRef(c, proposal.institutionId) : undefined;
  return { physician: snapshot, form, ...(institution ? { institution } : {}), today: todayInChina(c.now()), ...(opts.stage ? { stage: opts.stage } : {}) };
}
