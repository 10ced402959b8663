/** 医疗机构管理 server calls (packages/server/src/modules/institution-registry) and their shapes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateInstitution, EditInstitution, InstitutionKind, InstitutionStatus } from '@medreg/domain';
import { api } from '../../api/client';

const BASE = '/api/v1/authority/institution-registry';

export interface RegistryInstitution {
  id: string; name: string; creditCode: string; licenceRegNo: string; kind: InstitutionKind; kindLabel: string; grade: EditInstitution['grade']; gradeLabel: string;
  grassroots: boolean; address: string; areaCode: string; areaName: string; approvingAuthority: { id: string; name: string };
  eRegistrationEnabled: boolean; departments: string[]; status: InstitutionStatus; statusLabel: string; suspendedReason: string | null; version: number;
  updatedAt: string; abilities: { edit: boolean; suspend: boolean; reopen: boolean };
}

export interface InstitutionHistoryEntry {
  version: number; event: string; eventLabel: string; reason: string | null; actor: string; at: string;
  changes: { field: string; label: string; old: string; new: string }[];
}

export interface PendingApplication {
  id: string; businessCode: string | null; businessTypeLabel: string; physicianName: string; stateLabel: string; submittedAt: string | null; dueDate: string | null;
}

export interface RegistryFilters { name?: string; areaCode?: string; kind?: InstitutionKind; status?: InstitutionStatus }
export interface Warning { path: string[]; message: string }
export interface Created { id: string; version: number; warnings: Warning[]; admin: { loginName: string; displayName: string; oneTimePassword: string } }

function query(filters: object): string {
  const qs = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '') as [string, string][]).toString();
  return qs ? `?${qs}` : '';
}


export function useRegistry(filters: RegistryFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: ['institution-registry', 'list', filters, cursor],
    queryFn: ({ signal }) => api.get<{ items: RegistryInstitution[]; total: number; nextCursor: string | null }>(`${BASE}${query({ ...filters, cursor, limit: 20 })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRegistryDetail(id: string | null) {
  return useQuery({
    queryKey: ['institution-registry', 'detail', id],
    queryFn: ({ signal }) => api.get<RegistryInstitution & { openApplications: number; history: InstitutionHistoryEntry[] }>(`${BASE}/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function usePendingApplications(id: string | null, cursor: string | undefined) {
  return useQuery({
    queryKey: ['institution-registry', 'pending', id, cursor],
    queryFn: ({ signal }) => api.get<{ items: PendingApplication[]; total: number; nextCursor: string | null }>(`${BASE}/${id}/pending-applications${query({ cursor })}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useApprovers(areaCode: string | undefined) {
  return useQuery({
    queryKey: ['institution-registry', 'approvers', areaCode],
    queryFn: ({ signal }) => api.get<{ items: { id: string; name: string; level: string }[] }>(`${BASE}/approvers?areaCode=${areaCode}`, { signal }),
    enabled: Boolean(areaCode && /^\d{6}$/.test(areaCode)),
  });
}

export function useRegistryMutations() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['institution-registry'] });
  return {
    create: useMutation({ mutationFn: (body: CreateInstitution) => api.post<Created>(BASE, body), onSuccess: done }),
    edit: useMutation({ mutationFn: ({ id, body }: { id: string; body: EditInstitution }) => api.put<{ id: string; version: number; warnings: Warning[] }>(`${BASE}/${id}`, body), onSuccess: done }),
    suspend: useMutation({ mutationFn: ({ id, body }: { id: string; body: { expectedVersion: number; reason: string } }) => api.post(`${BASE}/${id}/suspension`, body), onSuccess: done }),
    reopen: useMutation({ mutationFn: ({ id, body }: { id: string; body: { expectedVersion: number; reason?: string } }) => api.post(`${BASE}/${id}/reopening`, body), onSuccess: done }),
  };
}

/** 批量导入医疗机构: one problem of the file (header = row 1). */
export interface ImportRowError { row: number; field: string; message: string }
export interface ImportCheck { rowCount: number; valid: boolean; errorRows: number; rowErrors: ImportRowError[]; moreErrors: number }
/** The credentials workbook answered once by a successful import (kept only in this page's memory until closed). */
export interface ImportDone { imported: number; credentials: Blob }

export function importTemplateUrl(format: 'csv' | 'xlsx'): string {
  return `${BASE}/import-template.${format}`;
}

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

export function useInstitutionImport() {
  const client = useQueryClient();
  const check = useMutation({ mutationFn: (file: File) => api.upload<ImportCheck>(`${BASE}/import/check`, fileForm(file)) });
  const run = useMutation({
    mutationFn: async (file: File): Promise<ImportDone> => {
      const { blob, headers } = await api.uploadForBlob(`${BASE}/import`, fileForm(file));
      return { imported: Number(headers.get('x-medreg-imported') ?? 0), credentials: blob };
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['institution-registry'] }),
  });
  return { check, run };
}
