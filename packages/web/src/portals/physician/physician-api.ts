/**
 * The physician's own account state and records, from the server (see packages/server/src/modules/physicians,
 * qualifications, activation). `usePhysicianStatus()` drives the activation gate and the menu.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export type ActivationMethod = 'institution_code' | 'auto_by_institution' | 'qualification_code' | 'admission_ticket' | 'auto_on_approval';
export type QualificationCheckOutcome = 'found' | 'not_found' | 'name_mismatch';

export interface QualificationSummary {
  id: string;
  levelLabel: string;
  categoryLabel: string;
  statusLabel: string;
  certificatePending: boolean;
}

export interface QualificationView extends QualificationSummary {
  certCode: string | null;
  admissionTicketNo: string | null;
  name: string;
  level: string;
  category: string;
  speciality: string | null;
  examCategoryCode: string | null;
  examYear: number | null;
  obtainedDate: string | null;
  status: 'valid' | 'revoked';
  source: string;
  sourceLabel: string;
}

export interface RegistrationSummary {
  status: string;
  statusLabel: string;
  practiceLocationName: string;
  levelLabel: string;
  categoryLabel: string;
  training: boolean;
  eRegistrationEnabled: boolean;
}

export interface RegistrationView extends RegistrationSummary {
  id: string;
  practiceLocationCode: string;
  scopes: { code: string; label: string }[];
  mainInstitutionName: string | null;
  licenceCode: string | null;
  authorityName: string | null;
  approvedOn: string;
  statusSince: string;
  certificateUrl: string | null;
}

export interface PhysicianStatus {
  name: string;
  idNumber: string;
  idNumberMasked: string;
  sex: 'male' | 'female';
  birthDate: string;
  loginName: string;
  phoneMasked: string | null;
  emailMasked: string | null;
  hasEmail: boolean;
  phoneVerified: boolean;
  emailVerified: boolean;
  activationStatus: 'unverified' | 'verified' | 'active';
  activationStatusLabel: string;
  activationMethod: ActivationMethod | null;
  activationMethodLabel: string | null;
  activatedAt: string | null;
  pendingActivationPath: 'auto_on_approval' | null;
  autoActivated: boolean;
  businessUnlocked: boolean;
  availableActivationMethods: { method: ActivationMethod; label: string }[];
  institutionCodeOnly: boolean;
  mainInstitutionName: string | null;
  qualificationCheck: QualificationCheckOutcome;
  qualificationCheckLabel: string;
  qualificationCheckMessage: string | null;
  qualifications: (QualificationSummary | QualificationView)[];
  registrations: RegistrationSummary[];
  canCorrectIdentity: boolean;
  nextStep: { key: 'verify_phone' | 'qualification_check' | 'activate' | 'apply' | 'business'; text: string };
}

export const PHYSICIAN_STATUS_KEY = ['physician', 'status'] as const;

export function usePhysicianStatus() {
  return useQuery({
    queryKey: PHYSICIAN_STATUS_KEY,
    queryFn: () => api.get<PhysicianStatus>('/api/v1/physician/status'),
    staleTime: 30_000,
  });
}

/** After any change to the account (verification, identity, activation): everything physician-side is stale. */
export function useRefreshPhysician() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['physician'] });
}

export function isVerified(s: Pick<PhysicianStatus, 'phoneVerified' | 'emailVerified'>): boolean {
  return s.phoneVerified || s.emailVerified;
}

/** Where each next step is done (paths relative to /physician). */
export const NEXT_STEP_PATH: Record<PhysicianStatus['nextStep']['key'], string> = {
  verify_phone: '/physician/verify-phone',
  qualification_check: '/physician/qualification-check',
  activate: '/physician/activation',
  apply: '/physician/applications/new',
  business: '/physician/practice',
};
