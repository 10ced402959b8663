/** The 审计日志 page's server calls (packages/server/src/modules/audit/routes.ts) and their shapes. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditTrailPage as AuditPage, AuditTrailQueryInput, AuditVerification } from '@medreg/domain';
import { api } from '../../api/client';

const BASE = '/api/v1/authority/audit';

export type { AuditTrailItem as AuditEntry, AuditTrailPage as AuditPage, AuditVerification } from '@medreg/domain';

export type AuditQuery = Omit<AuditTrailQueryInput, 'limit'> & { limit?: number };

function queryOf(q: AuditQuery): Record<string, string | number | undefined> {
  return { ...q };
}

export function useAuditTrail(q: AuditQuery) {
  return useQuery({
    queryKey: ['authority', 'audit', q],
    queryFn: () => api.get<AuditPage>(BASE, { query: queryOf(q) }),
    placeholderData: keepPreviousData,
  });
}


export function useAuditVerification() {
  return useMutation({ mutationFn: () => api.get<AuditVerification>(`${BASE}/verify`) });
}
