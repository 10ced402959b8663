/**
 * The institution portal's server calls (packages/server/src/modules/institutions and
 * activation/institution-routes.ts) and their shapes. Every application carries `allowedActions`,
 * so the buttons follow the server.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DepartureReason, FilingStatus, InstitutionQueue, LatestAssessmentFilter, PhysicianAccountStatus, RegistrationStatus } from '@medreg/domain';
import type { ApplicationView } from '../../api/application-view';
import type { BusinessView } from '../../api/business-view';
import { api } from '../../api/client';

export interface ReviewStatus {
  label: string;
  tone: 'default' | 'processing' | 'success' | 'warning' | 'error';
}

export interface QueueRow {
  id: string;
  businessCode: string | null;
  businessType: string;
  businessTypeLabel: string;
  /** The kind of change on the generic path (变更执业范围（增加执业范围）…); null for 首次注册. */
  kindLabel: string | null;
  physicianName: string;
  idNumberMasked: string;
  /** 是否修改过信息 (BT-11). */
  infoEdited: boolean;
  submittedAt: string | null;
  state: string;
  stateLabel: string;
  institutionReview: ReviewStatus;
  institutionDecidedAt: string | null;
  authorityReview: ReviewStatus;
  authorityDecidedAt: string | null;
  authorityName: string | null;
  channelLabel: string;
  version: number;
  allowedActions: string[];
}

export interface QueuePage {
  queue: InstitutionQueue;
  queueLabel: string;
  items: QueueRow[];
  nextCursor: string | null;
}

export interface QueueQuery {
  queue: InstitutionQueue;
  name?: string;
  idNumber?: string;
  businessType?: string;
  businessCode?: string;
  state?: string;
  submittedFrom?: string;
  submittedTo?: string;
  sort?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

/** Empty filters are left out, as a query string would leave them out. */
function withoutBlanks<T extends object>(query: T): Partial<T> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}

export function useQueue(query: QueueQuery) {
  return useQuery({
    queryKey: ['institution', 'queue', query],
    // POST: a 身份证号 in the query must not appear in a URL (access logs, proxies, history).
    queryFn: ({ signal }) => api.post<QueuePage>('/api/v1/institution/applications/search', withoutBlanks(query), { signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/v1/institution/applications/:id — applications/presenter.ts plus the institution's additions. */
export interface InstitutionApplication extends Omit<ApplicationView, 'applicant'> {
  /** The 身份证号 stays masked for the institution; the applicant's contact is added. */
  applicant: ApplicationView['applicant'] & { phone: string | null; email: string | null };
  institutionReview: ReviewStatus;
  authorityReview: ReviewStatus;
  formUrl: string;
  /** The change applied for on the generic path; null for 首次注册. */
  business: BusinessView | null;
}

export function useInstitutionApplication(id: string) {
  return useQuery({
    queryKey: ['institution', 'application', id],
    queryFn: ({ signal }) => api.get<InstitutionApplication>(`/api/v1/institution/applications/${id}`, { signal }),
  });
}

/** The institution's actions and their endpoints. */
export const DECISION_PATHS = {
  institution_approve: 'approve',
  institution_refuse: 'refuse',
  institution_return: 'return',
  resubmit_correction: 'resubmit-correction',
} as const;
export type InstitutionDecision = keyof typeof DECISION_PATHS;

/** A fresh Idempotency-Key: one per dialog, so a double click records one decision. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function useDecision(application: InstitutionApplication) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { action: InstitutionDecision; reason?: string; idempotencyKey: string }) =>
      api.post<InstitutionApplication>(
        `/api/v1/institution/applications/${application.id}/${DECISION_PATHS[input.action]}`,
        { expectedVersion: application.version, ...(input.reason ? { reason: input.reason } : {}) },
        { headers: { 'idempotency-key': input.idempotencyKey } },
      ),
    onSuccess: (updated) => {
      client.setQueryData(['institution', 'application', application.id], updated);
      void client.invalidateQueries({ queryKey: ['institution', 'queue'] });
    },
    // A 409 means someone else acted first: show the record as it is now.
    onError: () => void client.invalidateQueries({ queryKey: ['institution', 'application', application.id] }),
  });
}

// 多机构执业医师

/** One filing at this institution (GET /api/v1/institution/multi-site-physicians; modules/institutions/multi-site-schemas.ts). */
export interface MultiSitePhysician {
  filingId: string;
  physicianName: string;
  idNumberMasked: string;
  level: string;
  levelLabel: string;
  category: string;
  categoryLabel: string;
  licenceCode: string | null;
  mainInstitutionName: string;
  scopes: { code: string; name: string }[];
  validFrom: string;
  validTo: string;
  /** As it reads today: an 有效 filing past its end date is 到期. */
  status: FilingStatus;
  statusLabel: string;
  inForce: boolean;
}

export interface MultiSiteQuery {
  status?: FilingStatus;
  name?: string;
  sort?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}


export function useMultiSitePhysicians(query: MultiSiteQuery) {
  return useQuery({
    queryKey: ['institution', 'multi-site', query],
    queryFn: ({ signal }) => api.get<{ items: MultiSitePhysician[]; total: number; nextCursor: string | null; today: string }>(
      '/api/v1/institution/multi-site-physicians', { query: { ...withoutBlanks(query) }, signal },
    ),
    placeholderData: keepPreviousData,
  });
}

// 医师账户激活

export interface ActivationPhysician {
  physicianId: string;
  name: string;
  sexLabel: string;
  idNumberMasked: string;
  licenceCode: string | null;
  levelLabel: string;
  categoryLabel: string;
  accountStatus: PhysicianAccountStatus;
  accountStatusLabel: string;
  activationMethodLabel: string | null;
  activatedAt: string | null;
  lastCode: { issuedAt: string; expiresAt: string; state: 'valid' | 'used' | 'expired' } | null;
  canIssueCode: boolean;
  cannotIssueReason: string | null;
}

export interface ActivationListQuery {
  name?: string;
  status?: PhysicianAccountStatus;
  cursor?: string;
  limit?: number;
}

export function useActivationPhysicians(query: ActivationListQuery) {
  return useQuery({
    queryKey: ['institution', 'activation', query],
    queryFn: ({ signal }) => api.get<{ items: ActivationPhysician[]; nextCursor: string | null }>('/api/v1/institution/activation/physicians', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface IssueResult {
  issuedCount: number;
  expiresAt: string;
  issued: { physicianId: string; name: string; channels: ('sms' | 'email')[] }[];
  skipped: { physicianId: string; name: string | null; reason: string; reasonText: string }[];
}

export function useIssueCodes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (target: { physicianIds: string[] } | 'all-pending') =>
      target === 'all-pending'
        ? api.post<IssueResult>('/api/v1/institution/activation/codes/all-pending')
        : api.post<IssueResult>('/api/v1/institution/activation/codes', target),
    onSettled: () => void client.invalidateQueries({ queryKey: ['institution', 'activation'] }),
  });
}

export function useActivationSettings() {
  return useQuery({
    queryKey: ['institution', 'activation-settings'],
    queryFn: () => api.get<{ autoActivate: boolean; institutionName: string }>('/api/v1/institution/activation/settings'),
  });
}

export function useSetAutoActivation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => api.put<{ autoActivate: boolean; institutionName: string }>('/api/v1/institution/activation/auto-activation', { enabled }),
    onSuccess: (data) => client.setQueryData(['institution', 'activation-settings'], data),
  });
}

// 医师验证

export interface VerificationRegistration {
  id: string;
  levelLabel: string;
  categoryLabel: string;
  scopes: string[];
  practiceLocation: string;
  mainInstitutionName: string;
  status: string;
  statusLabel: string;
  current: boolean;
  licenceCode: string | null;
  approvedOn: string;
  authorityName: string;
  institutionMatches: boolean;
  locationMatches: boolean;
  message: string;
}

export type VerificationResult =
  | { found: false; message: string }
  | {
      found: true;
      physician: { name: string; sexLabel: string; idNumberMasked: string };
      institution: { name: string; areaName: string };
      registrations: VerificationRegistration[];
      summary: { result: 'match' | 'mismatch' | 'no_current_registration'; message: string };
    };

export function useVerification() {
  return useMutation({
    mutationFn: (input: { name: string; idNumber: string }) => api.post<VerificationResult>('/api/v1/institution/physician-verification', input),
  });
}

// 账户管理

export interface StaffAccount {
  id: string;
  loginName: string;
  displayName: string;
  role: string;
  roleLabel: string;
  phone: string | null;
  email: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  manageable: boolean;
}

export function useStaff() {
  return useQuery({
    queryKey: ['institution', 'staff'],
    queryFn: () => api.get<{ items: StaffAccount[] }>('/api/v1/institution/staff'),
  });
}

export function useStaffMutations() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: ['institution', 'staff'] });
  return {
    create: useMutation({
      mutationFn: (input: { loginName: string; displayName: string; password: string; phone?: string; email?: string }) =>
        api.post<StaffAccount>('/api/v1/institution/staff', input),
      onSuccess: refresh,
    }),
    setDisabled: useMutation({
      mutationFn: (input: { id: string; disabled: boolean }) => api.put<StaffAccount>(`/api/v1/institution/staff/${input.id}/status`, { disabled: input.disabled }),
      onSuccess: refresh,
    }),
    resetPassword: useMutation({
      mutationFn: (input: { id: string; password: string }) => api.put<StaffAccount>(`/api/v1/institution/staff/${input.id}/password`, { password: input.password }),
      onSuccess: refresh,
    }),
  };
}

// 本机构医师 and 注册备案 (BT-06)

export interface DepartureReportView {
  reason: DepartureReason;
  reasonLabel: string;
  leftOn: string;
  reportedOn: string;
  late: boolean;
  note: string | null;
}

export interface RosterPhysician {
  registrationId: string;
  physicianName: string;
  idNumberMasked: string;
  levelLabel: string;
  categoryLabel: string;
  scopes: { code: string; name: string }[];
  licenceCode: string | null;
  approvedOn: string;
  status: RegistrationStatus;
  statusLabel: string;
  /** 最近一次定期考核. */
  latestAssessment: { cycleLabel: string; result: string; resultLabel: string } | null;
  departure: DepartureReportView | null;
  /** 是否修改过信息 (BT-11). */
  infoEdited: boolean;
  abilities: { reportDeparture: boolean; reportCancellation: boolean };
}

export interface RosterQuery { status?: RegistrationStatus; assessment?: LatestAssessmentFilter; name?: string; cursor?: string; limit?: number }

export function useInstitutionPhysicians(query: RosterQuery) {
  return useQuery({
    queryKey: ['institution', 'physicians', query],
    queryFn: ({ signal }) => api.get<{ items: RosterPhysician[]; total: number; nextCursor: string | null }>(
      '/api/v1/institution/physicians', { query: { ...withoutBlanks(query) }, signal },
    ),
    placeholderData: keepPreviousData,
  });
}

export interface DepartureReportResult { registrationId: string; statusLabel: string; reasonLabel: string; leftOn: string; dueOn: string; late: boolean; endedFilings: number }

export function useReportDeparture() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { registrationId: string; reason: DepartureReason; leftOn: string; note?: string }) =>
      api.post<DepartureReportResult>(`/api/v1/institution/registrations/${input.registrationId}/departure`,
        { reason: input.reason, leftOn: input.leftOn, ...(input.note ? { note: input.note } : {}) }),
    onSettled: () => void client.invalidateQueries({ queryKey: ['institution', 'physicians'] }),
  });
}

export interface CancellationReportResult { applicationId: string; businessCode: string; triggerOn: string; dueOn: string; late: boolean }

/** 【报告注销情形】 (《医师法》第十七条第二款): opens a 注销注册 application at the granting authority. */
export function useReportCancellation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { registrationId: string; ground: string; triggerOn: string; note?: string }) =>
      api.post<CancellationReportResult>(`/api/v1/institution/registrations/${input.registrationId}/cancellation-report`,
        { ground: input.ground, triggerOn: input.triggerOn, ...(input.note ? { note: input.note } : {}) }),
    onSettled: () => void client.invalidateQueries({ queryKey: ['institution'] }),
  });
}
