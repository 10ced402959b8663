/** 资格数据导入 server calls (packages/server/src/modules/qualification-import) and their shapes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QualificationImportStatus } from '@medreg/domain';
import { api } from '../../api/client';

export const IMPORT_BASE = '/api/v1/authority/qualification-imports';

export interface QualificationImportView {
  id: string; fileName: string; fileBytes: number; bytesRead: number; status: QualificationImportStatus; statusLabel: string; running: boolean;
  counts: { read: number; valid: number; rejected: number; inserted: number; updated: number; unchanged: number };
  failureReason: string | null; createdByName: string | null; createdAt: string; startedAt: string | null; finishedAt: string | null;
  errorReport: { xlsx: string; csv: string } | null;
}

export const templateUrl = (format: 'xlsx' | 'csv') => `${IMPORT_BASE}/template.${format}`;

export function useImports(status: QualificationImportStatus | undefined, cursor: string | undefined) {
  const qs = new URLSearchParams(Object.entries({ status, cursor, limit: '10' }).filter(([, v]) => v) as [string, string][]).toString();
  return useQuery({
    queryKey: ['qualification-imports', 'list', status, cursor],
    queryFn: ({ signal }) => api.get<{ items: QualificationImportView[]; total: number; nextCursor: string | null }>(`${IMPORT_BASE}?${qs}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One import, polled every second while it runs (the progress bar). */
export function useImportProgress(id: string | undefined) {
  return useQuery({
    queryKey: ['qualification-imports', 'one', id],
    queryFn: ({ signal }) => api.get<QualificationImportView>(`${IMPORT_BASE}/${id}`, { signal }),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && !q.state.data.running ? false : 1000),
  });
}

export function useStartImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<QualificationImportView>(IMPORT_BASE, form);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['qualification-imports', 'list'] }),
  });
}
