/** 定期考核 results and 处分决定 (packages/server/src/modules/supervision/routes.ts). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssessmentResult, PenaltyDecisionForm } from '@medreg/domain';
import { api } from '../../api/client';

export type SupervisionPortal = 'authority' | 'institution';

export interface AssessmentRow {
  id: string;
  kindLabel: string;
  physicianName: string;
  idNumberMasked: string;
  licenceCode: string | null;
  institutionName: string;
  registrationStatusLabel: string;
  cycleLabel: string;
  result: AssessmentResult;
  resultLabel: string;
  assessedOn: string | null;
  assessor: string | null;
  suspension: { id: string; version: number; statusLabel: string; documentNo: string; startsOn: string; endsOn: string; training: string | null } | null;
  /** 连续两个考核周期未参加 (《医师执业注册管理办法》第十八条: a ground to cancel the registration). */
  missedTwoCycles: boolean;
  abilities: { orderSuspension: boolean; recordReassessment: boolean };
}

export interface Page<T> { items: T[]; total: number; nextCursor: string | null }

export interface ResultFilters { cycle?: number; result?: AssessmentResult; name?: string; missed?: boolean }

function query(f: ResultFilters & { cursor?: string }): string {
  const p = new URLSearchParams();
  if (f.cycle) p.set('cycle', String(f.cycle));
  if (f.result) p.set('result', f.result);
  if (f.name) p.set('name', f.name);
  if (f.missed) p.set('missed', 'true');
  if (f.cursor) p.set('cursor', f.cursor);
  return p.toString();
}

export function useAssessmentResults(portal: SupervisionPortal, f: ResultFilters & { cursor?: string }) {
  return useQuery({ queryKey: ['supervision', portal, 'results', f], queryFn: () => api.get<Page<AssessmentRow>>(`/api/v1/${portal}/assessments?${query(f)}`) });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['supervision'] });
}

export function useRecordAssessment(portal: SupervisionPortal) {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: Record<string, unknown>) => api.post<{ id: string }>(`/api/v1/${portal}/assessments`, body), onSuccess: done });
}

export function useImportResults(portal: SupervisionPortal) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<{ imported: number; counts: Record<AssessmentResult, number> }>(`/api/v1/${portal}/assessments/import`, form);
    },
    onSuccess: done,
  });
}

export function useOrderSuspension() {
  const done = useInvalidate();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => api.post(`/api/v1/authority/assessments/${id}/suspension`, body), onSuccess: done });
}

export function useRecordReassessment() {
  const done = useInvalidate();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => api.post<{ cancelled: boolean }>(`/api/v1/authority/suspensions/${id}/reassessment`, body), onSuccess: done });
}

export interface PenaltyRow {
  id: string; kindLabel: string; physicianName: string; licenceCode: string | null; authorityName: string; documentNo: string; decidedOn: string;
  articleLabel: string; facts: string; startsOn: string | null; endsOn: string | null; statusLabel: string;
}

export function usePenalties(cursor?: string) {
  return useQuery({ queryKey: ['supervision', 'penalties', cursor], queryFn: () => api.get<Page<PenaltyRow>>(`/api/v1/authority/penalties${cursor ? `?cursor=${cursor}` : ''}`) });
}

export function useRecordPenalty() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: PenaltyDecisionForm) => api.post<{ id: string }>('/api/v1/authority/penalties', body), onSuccess: done });
}

export interface MyAssessments {
  results: { id: string; cycleLabel: string; kindLabel: string; result: AssessmentResult; resultLabel: string; assessedOn: string | null; assessor: string | null; institutionName: string }[];
  suspensions: { id: string; kindLabel: string; statusLabel: string; documentNo: string; startsOn: string; endsOn: string; training: string | null; authorityName: string }[];
}

export function useMyAssessments() {
  return useQuery({ queryKey: ['supervision', 'mine'], queryFn: () => api.get<MyAssessments>('/api/v1/physician/assessments') });
}
