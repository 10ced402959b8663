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

/** The CSV export of the same filters (a plain link: the browser downloads it with the session cookie). */
export function exportUrl(q: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(queryOf(q))) {
    if (v !== undefined && v !== '' && k !== 'cursor' && k !== 'limit') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${BASE}/export.csv${qs ? `?${qs}` : ''}`;
}

export function useAuditVerification() {
  return useMutation({ mutationFn: () => api.get<AuditVerification>(`${BASE}/verify`) });
}
