/**
 * The server's 业务申请 API (packages/server/src/modules/applications, reference) as typed calls and hooks.
 * The application shape is `presentApplication` (see the comment at the top of its presenter.ts).
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationView, DraftPayload } from '../../../api/application-view';
import { api } from '../../../api/client';

export type { DraftPayload, NextStep, TimelineEntry } from '../../../api/application-view';

/** The applicant sees the shared view as is. */
export type ApplicationDetail = ApplicationView;

export interface ApplicationListItem {
  id: string;
  businessCode: string | null;
  businessType: string;
  businessTypeLabel: string;
  state: string;
  stateLabel: string;
  version: number;
  institutionName: string | null;
  authorityName: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  dueDate: string | null;
  allowedActions: ApplicationView['allowedActions'];
  editable: boolean;
}

export interface BusinessCatalogue {
  businessTypes: { type: string; id: string; label: string; levels: string[]; available: boolean }[];
  ineligibleCases: { case: string; label: string; explanation: string }[];
}

export interface Region {
  code: string;
  name: string;
  level: string;
  eRegistrationEnabled?: boolean;
}

export interface InstitutionHit {
  id: string;
  name: string;
  areaCode: string;
  areaName: string;
  provinceCode: string;
  kind: string;
  grassroots: boolean;
}

export interface ScopeCatalogue {
  categories: { category: string; label: string; fullLabel: string; scopes: { code: string; name: string; label: string }[] }[];
  rules: { maxDefault: number; maxGrassroots: number; texts: string[] };
}

export interface EducationOptions {
  educationLevels: string[];
  degrees: string[];
  titles: { label: string; grade: string }[];
}

export const applicationKey = (id: string) => ['applications', id] as const;
const STATIC = { staleTime: 60 * 60 * 1000 };

export function useApplication(id: string) {
  return useQuery({ queryKey: applicationKey(id), queryFn: () => api.get<ApplicationDetail>(`/api/v1/applications/${id}`) });
}

export function useMyApplications() {
  return useInfiniteQuery({
    queryKey: ['applications', 'mine'],
    queryFn: ({ pageParam }) => api.get<{ items: ApplicationListItem[]; nextCursor: string | null }>('/api/v1/applications', { query: { cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useBusinessCatalogue() {
  return useQuery({ queryKey: ['reference', 'business-types'], queryFn: () => api.get<BusinessCatalogue>('/api/v1/reference/business-types'), ...STATIC });
}

export function useProvinces() {
  return useQuery({ queryKey: ['reference', 'provinces'], queryFn: () => api.get<{ items: Region[] }>('/api/v1/reference/regions/provinces'), ...STATIC });
}

export function useRegionChildren(code: string | undefined) {
  return useQuery({
    queryKey: ['reference', 'regions', code],
    queryFn: () => api.get<{ items: Region[] }>(`/api/v1/reference/regions/${code}/children`),
    enabled: Boolean(code),
    ...STATIC,
  });
}

export function useScopeCatalogue() {
  return useQuery({ queryKey: ['reference', 'practice-scopes'], queryFn: () => api.get<ScopeCatalogue>('/api/v1/reference/practice-scopes'), ...STATIC });
}

export function useEducationOptions() {
  return useQuery({ queryKey: ['reference', 'education-and-titles'], queryFn: () => api.get<EducationOptions>('/api/v1/reference/education-and-titles'), ...STATIC });
}

export function useDepartments(institutionId: string | undefined) {
  return useQuery({
    queryKey: ['reference', 'departments', institutionId],
    queryFn: () => api.get<{ departments: string[] }>(`/api/v1/reference/institutions/${institutionId}/departments`),
    enabled: Boolean(institutionId),
  });
}

export function useInstitutionSearch(place: string | undefined, q: string) {
  return useInfiniteQuery({
    queryKey: ['reference', 'institutions', place, q],
    queryFn: ({ pageParam }) => api.get<{ items: InstitutionHit[]; nextCursor: string | null }>('/api/v1/reference/institutions', { query: { place, q, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(place),
  });
}

/** Every command answers with the application; the cache is updated from it. */
function useApplicationCommand<V>(fn: (v: V) => Promise<ApplicationDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (app) => {
      client.setQueryData(applicationKey(app.id), app);
      void client.invalidateQueries({ queryKey: ['applications', 'mine'] });
    },
  });
}

export function useStartApplication() {
  return useApplicationCommand((body: { businessType: string; specialCase?: string }) => api.post<ApplicationDetail>('/api/v1/applications', body));
}

export function useSaveDraft(id: string) {
  return useApplicationCommand((body: DraftPayload & { expectedVersion: number }) => api.patch<ApplicationDetail>(`/api/v1/applications/${id}`, body));
}

export function useUploadPhoto(id: string) {
  return useApplicationCommand((file: File) => {
    const form = new FormData();
    form.append('photo', file);
    return api.upload<ApplicationDetail>(`/api/v1/applications/${id}/photo`, form);
  });
}

export function useSubmitApplication(id: string) {
  return useApplicationCommand((body: { expectedVersion: number }) =>
    api.post<ApplicationDetail>(`/api/v1/applications/${id}/submit`, body, { headers: { 'idempotency-key': `submit-${id}-${body.expectedVersion}` } }));
}

export function useWithdrawApplication(id: string) {
  return useApplicationCommand((body: { expectedVersion: number; reason?: string }) => api.post<ApplicationDetail>(`/api/v1/applications/${id}/withdraw`, body));
}

export function useResubmitCorrection(id: string) {
  return useApplicationCommand((body: { expectedVersion: number; note?: string }) => api.post<ApplicationDetail>(`/api/v1/applications/${id}/resubmit-correction`, body));
}

/**
 * Tag colours dark enough for their text to read on the tag's light background (WCAG AA 4.5:1 at 12px; antd's
 * preset status colours are lighter). The labels come from the server.
 */
export const TAG_COLORS = { blue: '#0958d9', indigo: '#1d39c4', green: '#237804', orange: '#ad4e00', red: '#a8071a', gray: 'default' } as const;

/** Tag colours of the application states. */
export const STATE_COLORS: Record<string, string> = {
  draft: TAG_COLORS.gray,
  pending_institution: TAG_COLORS.blue,
  returned_by_institution: TAG_COLORS.orange,
  refused_by_institution: TAG_COLORS.red,
  pending_authority: TAG_COLORS.blue,
  accepted: TAG_COLORS.indigo,
  returned_for_correction: TAG_COLORS.orange,
  approved: TAG_COLORS.green,
  refused: TAG_COLORS.red,
  withdrawn: TAG_COLORS.gray,
};
