/** 统计看板 (packages/server/src/modules/dashboard): the dashboard of an authority, 刷新统计, the table exports. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuthorityDashboardTable } from '@medreg/domain';
import { api } from '../../api/client';

type Level = 'national' | 'province' | 'city' | 'county';
export interface AuthorityRef { id: string; name: string; level: Level; areaCode: string }
export interface MonthCounts { received: number; decided: number; approved: number; refused: number; returned: number }
export interface TimeSummary { decisions: number; median: number | null; p90: number | null; overLimit: number }

export interface AuthorityDashboard {
  authority: AuthorityRef & { mine: boolean };
  breadcrumb: AuthorityRef[];
  children: AuthorityRef[];
  refreshedAt: string | null;
  today: string;
  decisionLimitWorkingDays: number;
  monthly: (MonthCounts & { month: string })[];
  businessTypes: (MonthCounts & { businessType: string; label: string })[];
  decisionTime: TimeSummary & { months: (TimeSummary & { month: string })[] };
  deadlines: { authorityId: string; name: string; own: boolean; drillable: boolean; accepted: number; overdue: number; dueSoon: number }[];
  institutions: { institutionId: string; name: string; returned: number; refused: number }[];
  physicians: {
    total: number;
    byCategory: { category: string; label: string; physicians: number }[];
    byLevel: { level: string; label: string; physicians: number }[];
    byRegion: { areaCode: string; name: string; physician: number; assistant: number; physicians: number }[];
  };
}

const BASE = '/api/v1/authority/dashboard';

export function useAuthorityDashboard(authorityId: string | undefined) {
  return useQuery({
    queryKey: ['authority', 'dashboard', authorityId ?? 'mine'],
    queryFn: () => api.get<AuthorityDashboard>(authorityId ? `${BASE}?authorityId=${encodeURIComponent(authorityId)}` : BASE),
  });
}

export function useRefreshDashboard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ refreshedAt: string }>(`${BASE}/refresh`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['authority', 'dashboard'] }),
  });
}

export function dashboardExportUrl(table: AuthorityDashboardTable, authorityId: string | undefined, format: 'xlsx' | 'csv'): string {
  const q = new URLSearchParams({ table, ...(authorityId ? { authorityId } : {}) });
  return `${BASE}/export.${format}?${q.toString()}`;
}
