/**
 * The authority portal's server calls (packages/server/src/modules/authority) and their shapes.
 * Every record carries `allowedActions`, so the buttons follow the server.
 */
import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import type { AuthorityQueueQueryInput, BusinessType, PaperMaterialKey } from '@medreg/domain';
import type { ApplicationView } from '../../api/application-view';
import type { BusinessView } from '../../api/business-view';
import { api } from '../../api/client';

export interface QueueItem {
  id: string;
  businessCode: string | null;
  businessType: string;
  businessTypeLabel: string;
  /** The kind of change on the generic path (变更执业范围（增加执业范围）…); null for 首次注册. */
  kindLabel: string | null;
  /** False for 多机构备案 and 补发/换领: no statutory decision period, no due date. */
  statutoryClock: boolean;
  physicianName: string;
  institutionName: string | null;
  state: string;
  stateLabel: string;
  version: number;
  submittedAt: string | null;
  arrivedAt: string | null;
  acceptedOn: string | null;
  /** 逾期未告知补正，视为受理 (《行政许可法》第三十二条): the day of arrival the acceptance counts from. */
  deemedAcceptedOn: string | null;
  deemedAcceptanceLabel: string | null;
  dueDate: string | null;
  dueDateProvisional: boolean;
  dueDateNote: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  decidedAt: string | null;
  materialsReceived: number;
  allowedActions: ApplicationView['allowedActions'];
}

export interface QueueCounts {
  pending_authority: number;
  accepted: number;
  returned_for_correction: number;
  completed: number;
  overdue: number;
  /** 已受理 with 3 working days or fewer left (即将超期). */
  dueSoon: number;
}

export interface QueuePage {
  authority: { id: string; name: string; areaCode: string; level: string; mine: boolean };
  canDecide: boolean;
  today: string;
  decisionLimitWorkingDays: number;
  counts: QueueCounts;
  items: QueueItem[];
  nextCursor: string | null;
}

/** The 审批工作台 query, as the web sends it (the schema lives in @medreg/domain; 业务类型 is added by the route). */
export type QueueQuery = Omit<AuthorityQueueQueryInput, 'limit'> & { limit?: number; businessType?: BusinessType };

export interface VisibleAuthority {
  id: string;
  name: string;
  areaCode: string;
  level: string;
  mine: boolean;
}

/** GET /api/v1/authority/applications/:id — applications/presenter.ts plus what the deciding authority works with. */
export interface AuthorityApplication extends ApplicationView {
  acceptedOn: string | null;
  deemedAcceptedOn: string | null;
  deemedAcceptanceLabel: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  contact: { phone: string | null; email: string | null };
  activation: { status: string; pendingPath: string | null } | null;
  materials: { key: PaperMaterialKey; label: string; short: string; received: boolean }[];
  registration: { id: string; licenceCode: string | null; approvedOn: string; status: string } | null;
  canDecide: boolean;
  canEditMaterials: boolean;
  /** The change applied for on the generic path; null for 首次注册. */
  business: BusinessView | null;
}

export interface CalendarDay {
  date: string;
  weekday: string;
  kind: 'holiday' | 'workday';
  name: string | null;
  source: string;
}

export interface CalendarYear {
  year: number;
  /** dataset: 国务院办公厅通知 (chinese-days); admin: entered by an administrator; unknown: not entered yet. */
  yearSource: 'dataset' | 'admin' | 'unknown';
  yearEnteredAt: string | null;
  maintainedByDataset: boolean;
  datasetLastYear: number | null;
  canAdminister: boolean;
  days: CalendarDay[];
  history: { date: string; change: 'year_entry' | 'correction'; kindBefore: CalendarDay['kind'] | null; nameBefore: string | null; kindAfter: CalendarDay['kind'] | null; nameAfter: string | null; reason: string | null; at: string }[];
  decisionLimit: { workingDays: number; source: 'setting' | 'config'; defaultWorkingDays: number };
}

/** 工作日历提醒: years not entered that due dates reach, and the provisional due dates (national). */
export interface CalendarStatus {
  today: string;
  knownThrough: number | null;
  unknownYears: number[];
  provisionalDueDates: number;
  upcoming: { acceptedOn: string; dueDate: string; provisional: boolean };
  recomputing: boolean;
  note: string | null;
  canAdminister: boolean;
}

export type CalendarCorrectionKind = 'holiday' | 'workday' | 'weekday';

/** One attachment of a 资格补改 request: its place, stored type and size, and its download address. */
export interface CorrectionAttachment {
  index: number;
  contentType: string | null;
  sizeBytes: number | null;
  url: string;
}

export interface QualificationCorrection {
  id: string;
  physicianName: string;
  idNumberMasked: string;
  reason: string;
  attachments: CorrectionAttachment[];
  authorityName: string;
  status: string;
  statusLabel: string;
  resolutionNote: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

const BASE = '/api/v1/authority';

export const authorityKeys = {
  all: ['authority'] as const,
  queue: (q: QueueQuery) => ['authority', 'queue', q] as const,
  application: (id: string) => ['authority', 'application', id] as const,
  authorities: ['authority', 'authorities'] as const,
  calendar: (year: number) => ['authority', 'calendar', year] as const,
  calendarStatus: ['authority', 'calendar', 'status'] as const,
};

export function useQueue(query: QueueQuery) {
  return useQuery({
    queryKey: authorityKeys.queue(query),
    // POST: a 身份证号 in the query must not appear in a URL (access logs, proxies, history).
    queryFn: () => api.post<QueuePage>(`${BASE}/queue/search`, Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ''))),
    placeholderData: keepPreviousData,
  });
}

export function useVisibleAuthorities() {
  return useQuery({
    queryKey: authorityKeys.authorities,
    queryFn: () => api.get<{ authorities: VisibleAuthority[] }>(`${BASE}/authorities`),
    staleTime: 10 * 60 * 1000,
  });
}

export function useAuthorityApplication(id: string) {
  return useQuery({
    queryKey: authorityKeys.application(id),
    queryFn: () => api.get<AuthorityApplication>(`${BASE}/applications/${id}`),
  });
}

/** A fresh key per click: a double click (or a retry of the same request) records one decision. */
function idempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export type DecisionCommand =
  | { action: 'accept' }
  | { action: 'approve' }
  | { action: 'request_correction'; items: PaperMaterialKey[]; note?: string }
  | { action: 'refuse'; reasons: string };

const PATHS: Record<DecisionCommand['action'], string> = {
  accept: 'accept',
  approve: 'approve',
  request_correction: 'request-correction',
  refuse: 'refuse',
};

/** 受理 / 退回补正 / 准予注册 / 不予注册 on the version the reviewer is looking at. */
export function useDecision(application: Pick<AuthorityApplication, 'id' | 'version'>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: DecisionCommand) =>
      api.post<AuthorityApplication>(`${BASE}/applications/${application.id}/${PATHS[action]}`, { ...body, expectedVersion: application.version }, {
        headers: { 'idempotency-key': idempotencyKey() },
      }),
    onSuccess: (updated) => {
      client.setQueryData(authorityKeys.application(updated.id), updated);
      void client.invalidateQueries({ queryKey: ['authority', 'queue'] });
    },
    onError: () => void client.invalidateQueries({ queryKey: authorityKeys.application(application.id) }),
  });
}

export function useMaterialsUpdate(application: Pick<AuthorityApplication, 'id' | 'version'>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: Partial<Record<PaperMaterialKey, boolean>>) =>
      api.put<AuthorityApplication>(`${BASE}/applications/${application.id}/materials`, { items, expectedVersion: application.version }),
    onSuccess: (updated) => client.setQueryData(authorityKeys.application(updated.id), updated),
    onError: () => void client.invalidateQueries({ queryKey: authorityKeys.application(application.id) }),
  });
}

export function useCalendar(year: number) {
  return useQuery({ queryKey: authorityKeys.calendar(year), queryFn: () => api.get<CalendarYear>(`${BASE}/calendar`, { query: { year } }) });
}

export function useCalendarStatus() {
  return useQuery({
    queryKey: authorityKeys.calendarStatus,
    queryFn: () => api.get<CalendarStatus>(`${BASE}/calendar/status`),
    // While stored due dates are being recounted, look again soon.
    refetchInterval: (q) => (q.state.data?.recomputing ? 5000 : false),
  });
}

export function useCalendarMutations(year: number) {
  const client = useQueryClient();
  const refresh = () => Promise.all([
    client.invalidateQueries({ queryKey: ['authority', 'calendar'] }),
    client.invalidateQueries({ queryKey: ['authority', 'queue'] }),
  ]);
  return {
    enterYear: useMutation({
      mutationFn: (entry: { year: number; holidays: { name: string; from: string; to: string }[]; workdays: { date: string; name?: string }[]; note?: string }) =>
        api.post(`${BASE}/calendar/years`, entry),
      onSuccess: refresh,
    }),
    correct: useMutation({
      mutationFn: ({ date, ...body }: { date: string; kind: CalendarCorrectionKind; name?: string; reason: string }) => api.put(`${BASE}/calendar/days/${date}`, body),
      onSuccess: refresh,
    }),
    add: useMutation({
      mutationFn: (day: { date: string; kind: 'holiday' | 'workday'; name?: string }) => api.post(`${BASE}/calendar/days`, day),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (date: string) => api.delete(`${BASE}/calendar/days/${date}`), onSuccess: refresh }),
    setLimit: useMutation({
      mutationFn: (workingDays: number | null) => api.put(`${BASE}/settings/decision-limit`, { workingDays }),
      onSuccess: () => {
        void refresh();
        void client.invalidateQueries({ queryKey: ['authority', 'queue'] });
      },
    }),
    year,
  };
}

export function useQualificationCorrections(query: { status?: string; cursor?: string }) {
  return useQuery({
    queryKey: ['authority', 'qualification-corrections', query],
    queryFn: () => api.get<{ items: QualificationCorrection[]; nextCursor: string | null }>(`${BASE}/qualification-corrections`, { query: { ...query, limit: 20 } }),
    placeholderData: keepPreviousData,
  });
}
