/**
 * The generic business path of the server (packages/server/src/modules/lifecycle): 业务申请 options for a
 * registered physician, starting a business on a registration or filing, saving its whole form, evidence files.
 * 变更注册、助理升执业、增加执业地点、多机构备案、补发/换领 all go through here; 首次注册 keeps its wizard.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { applicationKey, type ApplicationDetail } from './applications-api';

export interface OptionScope { code: string; label: string }

/** One registration as 业务申请 shows it; `statusLabel` is 「有效（变更中）」 while a change is pending (registrationStatusLabel). */
export interface OptionRegistration {
  id: string;
  status: string;
  statusLabel: string;
  level: 'physician' | 'assistant';
  levelLabel: string;
  category: string;
  categoryLabel: string;
  scopes: OptionScope[];
  practiceLocation: { code: string; name: string };
  mainInstitution: { id: string; name: string; areaCode: string };
  licenceCode: string | null;
  approvedOn: string;
  authorityName: string | null;
}

export interface OptionFiling {
  id: string;
  registrationId: string;
  status: string;
  statusLabel: string;
  institution: { id: string; name: string; areaCode: string };
  scopes: OptionScope[];
  validFrom: string;
  validTo: string;
}

export interface OptionQualification {
  id: string;
  level: 'physician' | 'assistant';
  levelLabel: string;
  category: string;
  categoryLabel: string;
  status: string;
  obtainedOn: string | null;
}

export interface Refusal { code: string; message: string }
export interface BusinessSubjectOption { registrationId?: string; filingId?: string; eligible: boolean; refusals: Refusal[] }

export interface BusinessOption {
  type: string;
  id: string;
  label: string;
  explanation: string | null;
  statutoryWorkingDays: number | null;
  available: boolean;
  subjects: BusinessSubjectOption[];
  refusals: Refusal[];
}

export interface BusinessOptions {
  registrations: OptionRegistration[];
  filings: OptionFiling[];
  qualifications: OptionQualification[];
  businesses: BusinessOption[];
}

export interface ReviewRowView { field: string; label: string; old: string | null; new: string | null; changed: boolean }

/** `business` of a presented application on the generic path (null for 首次注册). */
export interface BusinessView {
  type: string;
  label: string;
  kindLabel: string | null;
  form: Record<string, unknown>;
  reason: string | null;
  review: ReviewRowView[];
  subjectRegistrationId: string | null;
  subjectFilingId: string | null;
  attachmentsUrl: string;
}

export type BusinessApplication = ApplicationDetail & { business: BusinessView | null };

export interface Attachment { id: string; filename: string; contentType: string; sizeBytes: number; fileSha256: string; uploadedAt?: string; url: string }

export const BUSINESS_OPTIONS_KEY = ['physician', 'business-options'] as const;

export function useBusinessOptions(enabled = true) {
  return useQuery({ queryKey: BUSINESS_OPTIONS_KEY, queryFn: () => api.get<BusinessOptions>('/api/v1/physician/business-options'), enabled });
}

/** The application with its `business` block (the shared cache entry of useApplication). */
export function asBusiness(app: ApplicationDetail): BusinessApplication {
  return app as BusinessApplication;
}

function useBusinessCommand<V>(fn: (v: V) => Promise<ApplicationDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (app) => {
      client.setQueryData(applicationKey(app.id), app);
      void client.invalidateQueries({ queryKey: ['applications', 'mine'] });
      void client.invalidateQueries({ queryKey: ['physician'] });
    },
  });
}

/** 【办理】 on a registration or filing. */
export function useStartBusiness() {
  return useBusinessCommand((body: { businessType: string; registrationId?: string; filingId?: string }) => api.post<ApplicationDetail>('/api/v1/applications', body));
}

/** 【确认，下一步】: the whole form, checked by the server with the business's rules. */
export function useSaveBusinessForm(id: string) {
  return useBusinessCommand((body: { expectedVersion: number; form: Record<string, unknown> }) => api.put<ApplicationDetail>(`/api/v1/applications/${id}/form`, body));
}

export function useAttachments(id: string, enabled = true) {
  return useQuery({
    queryKey: ['applications', id, 'attachments'],
    queryFn: () => api.get<{ items: Attachment[] }>(`/api/v1/applications/${id}/attachments`),
    enabled,
  });
}

/** An evidence file (学历、培训合格证明): JPEG/PNG/PDF, checked and rewritten by the server. */
export function useUploadEvidence(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<Attachment>(`/api/v1/applications/${id}/attachments`, form);
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['applications', id, 'attachments'] }),
  });
}

/** Where an application is filled in: the wizard for 首次注册, the business form for the generic path. */
export function editPath(app: ApplicationDetail): string {
  return asBusiness(app).business ? `/physician/applications/new/business/${app.id}` : `/physician/applications/new/${app.id}`;
}
