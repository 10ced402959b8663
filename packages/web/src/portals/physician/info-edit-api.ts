/** 个人信息修改 (BT-11) for the physician: packages/server/src/modules/info-edits/physician-routes.ts. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InfoEditForm } from '@medreg/domain';
import { api } from '../../api/client';
import type { CurrentRegistrationInfo, InfoEditView } from '../../api/info-edit-view';

const KEY = ['physician', 'info-edits'] as const;

export function useCurrentInfo() {
  return useQuery({
    queryKey: [...KEY, 'current'],
    queryFn: ({ signal }) => api.get<{ registrations: CurrentRegistrationInfo[] }>('/api/v1/physician/info-edits/current', { signal }),
  });
}

export function useOwnInfoEdits() {
  return useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: ({ signal }) => api.get<{ items: InfoEditView[] }>('/api/v1/physician/info-edits', { signal }),
  });
}

export function uploadInfoEditPhoto(file: Blob, name: string) {
  const form = new FormData();
  form.append('photo', file, name);
  return api.upload<{ photoSha256: string }>('/api/v1/physician/info-edits/photo', form);
}

export function useInfoEditCommands() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: KEY });
  return {
    file: useMutation({ mutationFn: (form: InfoEditForm) => api.post<InfoEditView>('/api/v1/physician/info-edits', form), onSuccess: refresh }),
    withdraw: useMutation({
      mutationFn: (e: { id: string; version: number }) => api.post<InfoEditView>(`/api/v1/physician/info-edits/${e.id}/withdraw`, { expectedVersion: e.version }),
      onSettled: refresh,
    }),
  };
}
