/** 执业注册管理 (packages/server/src/modules/registration-admin/routes.ts): search, detail with history, 依职权注销. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegistrationStatus } from '@medreg/domain';
import { api } from '../../api/client';

const BASE = '/api/v1/authority/registrations';

export interface ManagedRegistration {
  id: string; name: string; idNumberMasked: string; licenceCode: string | null; levelLabel: string; categoryLabel: string;
  institutionName: string; authorityName: string; approvedOn: string; status: RegistrationStatus; statusLabel: string; canCancel: boolean;
}

export interface ManagedRegistrationDetail extends ManagedRegistration {
  scopes: string[]; practiceLocation: string; statusSince: string; version: number;
  cancellation: { effectiveOn: string; groundLabel: string; initiatorLabel: string; triggerOn: string | null; documentNo: string | null; note: string | null } | null;
  history: { at: string; event: string; label: string; fromStatusLabel: string | null; toStatusLabel: string }[];
}

export interface RegistrationQuery { name?: string; idNumber?: string; licenceCode?: string; status?: RegistrationStatus; cursor?: string; limit?: number }

const clean = (q: RegistrationQuery) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string | number>;

export function useManagedRegistrations(q: RegistrationQuery) {
  return useQuery({
    queryKey: ['authority', 'registrations', q],
    queryFn: () => api.get<{ items: ManagedRegistration[]; count: number; nextCursor: string | null }>(BASE, { query: clean(q) }),
    placeholderData: keepPreviousData,
  });
}

export function useManagedRegistration(id: string | null) {
  return useQuery({
    queryKey: ['authority', 'registrations', 'detail', id],
    queryFn: () => api.get<ManagedRegistrationDetail>(`${BASE}/${id}`),
    enabled: id !== null,
  });
}


export function useCancelExOfficio() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; ground: string; triggerOn: string; documentNo: string; note?: string; expectedVersion: number }) => {
      const { id, ...body } = input;
      return api.post<{ effectiveOn: string }>(`${BASE}/${id}/cancellation`, body);
    },
    onSettled: () => void client.invalidateQueries({ queryKey: ['authority', 'registrations'] }),
  });
}
