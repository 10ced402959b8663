/** A 资格补改 request as the reviewer opens it, and 受理 / 补改 / 驳回 (packages/server/src/modules/qualifications/handling-routes.ts). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CorrectionAction, QualificationFields } from '@medreg/domain';
import { api } from '../../api/client';
import type { CorrectionAttachment } from './authority-api';

export interface CorrectionQualification {
  id: string;
  certCode: string | null;
  admissionTicketNo: string | null;
  level: string;
  levelLabel: string;
  category: string;
  categoryLabel: string;
  obtainedDate: string | null;
  statusLabel: string;
  sourceLabel: string;
}

export interface CorrectionDetail {
  id: string;
  version: number;
  physicianName: string;
  idNumberMasked: string;
  reason: string;
  attachments: CorrectionAttachment[];
  authorityName: string;
  status: string;
  statusLabel: string;
  resolutionNote: string | null;
  createdAt: string;
  qualifications: CorrectionQualification[];
  history: { action: string; label: string; actorName: string | null; reason: string | null; at: string }[];
  allowedActions: { action: CorrectionAction; label: string; requiresReason: boolean }[];
}

const url = (id: string) => `/api/v1/authority/qualification-corrections/${id}`;
const key = (id: string) => ['authority', 'qualification-correction', id] as const;

export function useCorrectionDetail(id: string | null) {
  return useQuery({ queryKey: key(id ?? ''), queryFn: () => api.get<CorrectionDetail>(url(id!)), enabled: id !== null });
}

export type CorrectionCommand =
  | { action: 'accept' }
  | { action: 'reject'; reasons: string }
  | { action: 'resolve'; qualificationId?: string; fields: QualificationFields; note?: string };

/** Each command sends the version the reviewer saw; a stale one is refused (409) and the page reloads. */
export function useCorrectionCommand(detail: CorrectionDetail) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: CorrectionCommand) =>
      api.post<CorrectionDetail>(`${url(detail.id)}/${action}`, { ...body, expectedVersion: detail.version }),
    onSuccess: (updated) => {
      client.setQueryData(key(updated.id), updated);
      void client.invalidateQueries({ queryKey: ['authority', 'qualification-corrections'] });
    },
    onError: () => void client.invalidateQueries({ queryKey: key(detail.id) }),
  });
}
