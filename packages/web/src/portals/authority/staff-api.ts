/** The 人员账户 page's server calls (packages/server/src/modules/authority-staff/routes.ts). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuthorityStaffAccount, AuthorityStaffPage, AuthorityStaffQueryInput, NewAuthorityStaff, ReachableAuthority, StaffWithOneTimePassword,
} from '@medreg/domain';
import { api } from '../../api/client';

const BASE = '/api/v1/authority/staff';

export type { AuthorityStaffAccount as StaffAccount, ReachableAuthority } from '@medreg/domain';
export type StaffQuery = Omit<AuthorityStaffQueryInput, 'limit'> & { limit?: number };

const clean = (q: StaffQuery) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string | number>;

export function useAuthorityStaff(q: StaffQuery) {
  return useQuery({
    queryKey: ['authority', 'staff', q],
    queryFn: () => api.get<AuthorityStaffPage>(BASE, { query: clean(q) }),
    placeholderData: keepPreviousData,
  });
}

export function useReachableAuthorities() {
  return useQuery({
    queryKey: ['authority', 'staff', 'authorities'],
    queryFn: () => api.get<{ items: ReachableAuthority[] }>(`${BASE}/authorities`),
    staleTime: 5 * 60_000,
  });
}


export function useStaffMutations() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: ['authority', 'staff'] });
  return {
    create: useMutation({
      mutationFn: (input: Omit<NewAuthorityStaff, 'phone' | 'email'> & { phone?: string; email?: string }) => api.post<StaffWithOneTimePassword>(BASE, input),
      onSuccess: refresh,
    }),
    setDisabled: useMutation({
      mutationFn: (a: { id: string; disabled: boolean; version: number }) =>
        api.put<AuthorityStaffAccount>(`${BASE}/${a.id}/status`, { disabled: a.disabled, version: a.version }),
      onSettled: refresh,
    }),
    resetPassword: useMutation({
      mutationFn: (a: { id: string; version: number }) => api.post<StaffWithOneTimePassword>(`${BASE}/${a.id}/password-reset`, { version: a.version }),
      onSettled: refresh,
    }),
    reassign: useMutation({
      mutationFn: (a: { id: string; authorityId: string; version: number }) =>
        api.put<AuthorityStaffAccount>(`${BASE}/${a.id}/authority`, { authorityId: a.authorityId, version: a.version }),
      onSettled: refresh,
    }),
  };
}
