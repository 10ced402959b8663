/** 信息修改审核 (BT-11) for the institution: packages/server/src/modules/info-edits/institution-routes.ts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InfoEditStatus } from '@medreg/domain';
import { api } from '../../api/client';
import type { InfoEditDetail, InfoEditView } from '../../api/info-edit-view';

export interface InfoEditQueueQuery {
  status?: InfoEditStatus;
  name?: string;
  submittedFrom?: string;
  submittedTo?: string;
  cursor?: string;
  limit?: number;
}

const KEY = ['institution', 'info-edits'] as const;


export function useInfoEditQueue(query: InfoEditQueueQuery) {
  return useQuery({
    queryKey: [...KEY, 'queue', query],
    queryFn: ({ signal }) => api.get<{ items: InfoEditView[]; total: number; nextCursor: string | null }>(
      '/api/v1/institution/info-edits', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInfoEditDetail(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: ({ signal }) => api.get<InfoEditDetail>(`/api/v1/institution/info-edits/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useInfoEditDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (d: { id: string; version: number; action: 'approve' | 'refuse'; reason?: string }) =>
      api.post<InfoEditDetail>(`/api/v1/institution/info-edits/${d.id}/${d.action}`,
        { expectedVersion: d.version, ...(d.action === 'refuse' ? { reason: d.reason ?? '' } : {}) }),
    onSettled: () => Promise.all([
      client.invalidateQueries({ queryKey: KEY }),
      client.invalidateQueries({ queryKey: ['institution', 'physicians'] }),
    ]),
  });
}
